// The audit log: an entry for every admin action, who and what, never a secret's value; read by admins only.

import type {
  AuditAction,
  AuditPage,
  OperatorProfile,
  PasswordLink,
  SiteBody,
  SiteIdentitySettings,
} from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOperator, discard, newVisitor, type TestServer, startServer } from './harness.ts';
import { api } from './privacy-harness.ts';

let server: TestServer;
let ada: OperatorProfile;
let alice: OperatorProfile;

beforeEach(async () => {
  server = await startServer();
  ada = await createOperator(server, 'Ada', 'admin');
  alice = await createOperator(server, 'Alice');
});
afterEach(async () => {
  await discard(server);
});

async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
  const answer = await api<T>(server, ada, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

describe('the audit log', () => {
  it('has an entry for every admin action, newest first, with who did it and to what', async () => {
    const bob = await createOperator(server, 'Bob');
    const carl = await createOperator(server, 'Carl');
    const { site } = await ok<SiteBody>('POST', '/api/admin/sites', {
      name: 'Lamps',
      allowedOrigins: ['https://lamps.test'],
    });
    await ok('PATCH', `/api/admin/sites/${site.id}`, {
      allowedOrigins: ['https://lamps.test', 'https://www.lamps.test'],
    });
    await ok('PATCH', `/api/admin/sites/${site.id}`, { name: 'Lamps & co' });
    await ok('PATCH', `/api/admin/sites/${site.id}`, { retention: { conversationsDays: 90 } });
    const before = await ok<SiteIdentitySettings>('GET', `/api/operator/sites/${site.id}/identity`);
    const after = await ok<SiteIdentitySettings>('PUT', `/api/operator/sites/${site.id}/identity`, {
      rotateSecret: true,
    });
    await ok('PATCH', `/api/admin/sites/${site.id}`, { archived: true });
    await ok('POST', '/api/admin/invites', { name: 'Ivy', email: 'ivy@example.com', role: 'operator' });
    const link = await ok<PasswordLink>('POST', `/api/admin/team/${alice.id}/password-link`);
    await ok('PATCH', `/api/admin/team/${carl.id}`, { role: 'admin' });
    await ok('PATCH', `/api/admin/team/${bob.id}`, { disabled: true });
    await ok('PATCH', `/api/admin/team/${bob.id}`, { disabled: false });
    await ok('PUT', '/api/admin/modules', { crm: true });
    const visitor = await newVisitor(server);
    await ok('GET', `/api/admin/visitors/${visitor.visitorId}/export`);
    await ok('POST', `/api/admin/visitors/${visitor.visitorId}/erase`, { confirm: visitor.visitorId });

    const { entries, nextCursor } = await ok<AuditPage>('GET', '/api/admin/audit');
    expect(nextCursor).toBeNull();
    const expected: AuditAction[] = [
      'site.created',
      'site.origins_changed',
      'site.updated',
      'site.retention_changed',
      'site.secret_rotated',
      'site.archived',
      'operator.invited',
      'operator.password_link',
      'operator.role_changed',
      'operator.disabled',
      'operator.enabled',
      'modules.changed',
      'visitor.exported',
      'visitor.erased',
    ];
    expect(entries.map((entry) => entry.action)).toEqual(expected.reverse());
    for (const entry of entries) expect(entry.actor).toEqual({ id: ada.id, name: 'Ada' });
    const of = (action: AuditAction) => entries.find((entry) => entry.action === action);
    expect(of('site.origins_changed')).toMatchObject({
      target: { kind: 'site', id: site.id, label: 'Lamps' },
      details: { before: ['https://lamps.test'], after: ['https://lamps.test', 'https://www.lamps.test'] },
    });
    expect(of('site.updated')?.details).toEqual({ name: { before: 'Lamps', after: 'Lamps & co' } });
    expect(of('site.retention_changed')?.details).toEqual({
      before: { conversationsDays: null, pageViewsDays: null },
      after: { conversationsDays: 90, pageViewsDays: null },
    });
    expect(of('operator.role_changed')).toMatchObject({
      target: { kind: 'operator', id: carl.id, label: 'Carl' },
      details: { before: 'operator', after: 'admin' },
    });
    expect(of('operator.disabled')?.target.id).toBe(bob.id);
    expect(of('modules.changed')?.details).toEqual({
      before: { helpdesk: false, crm: false },
      after: { helpdesk: false, crm: true },
    });
    expect(of('visitor.erased')?.target).toEqual({ kind: 'visitor', id: visitor.visitorId, label: null });
    // Neither identity secret nor the password link's token is written anywhere in the log.
    const stored = JSON.stringify(await server.sql('SELECT * FROM audit_log'));
    expect(stored).not.toContain(before.secret);
    expect(stored).not.toContain(after.secret);
    const token = /[A-Za-z0-9_-]{43}/.exec(link.link)?.[0];
    expect(token).toBeDefined();
    expect(stored).not.toContain(token);
  });

  it('writes nothing for a refused action or a change that changes nothing', async () => {
    expect((await api(server, alice, 'PUT', '/api/admin/modules', { crm: true })).status).toBe(403);
    expect(
      (await api(server, ada, 'PATCH', '/api/admin/sites/shop', { retention: { conversationsDays: 0 } })).status,
    ).toBe(400);
    await ok('PATCH', '/api/admin/sites/shop', { name: 'Shop' });
    expect(await server.sql('SELECT * FROM audit_log')).toEqual([]);
  });

  it('is read by admins only, 50 entries a page, older pages by cursor', async () => {
    const refused = await api<{ error: { code: string } }>(server, alice, 'GET', '/api/admin/audit');
    expect(refused.status).toBe(403);
    for (let i = 0; i < 60; i += 1) {
      await server.app.store.audit.record({
        actor: null,
        action: 'site.updated',
        target: { kind: 'site', id: 'shop', label: `change ${i}` },
      });
    }
    const first = await ok<AuditPage>('GET', '/api/admin/audit');
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]?.target.label).toBe('change 59');
    expect(first.entries[0]?.actor).toBeNull();
    const second = await ok<AuditPage>('GET', `/api/admin/audit?cursor=${first.nextCursor}`);
    expect(second.entries.map((entry) => entry.target.label)).toEqual(
      Array.from({ length: 10 }, (_, i) => `change ${9 - i}`),
    );
    expect(second.nextCursor).toBeNull();
    for (const cursor of ['abc', '0', '-1', '1e3']) {
      const wrong = await api<{ error: { code: string } }>(server, ada, 'GET', `/api/admin/audit?cursor=${cursor}`);
      expect(wrong.status).toBe(400);
    }
  });
});
