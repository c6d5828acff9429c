// Audit entries read as sentences, with what changed on short lines.

import type { AuditEntry } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { anAuditEntry } from '../test-fixtures.ts';
import { appendAuditPage, auditDetailLines, auditSentence } from './audit.ts';

describe('an audit entry', () => {
  it('says who did what to what', () => {
    expect(auditSentence(anAuditEntry())).toBe('Alice changed the role of Bob');
    expect(
      auditSentence(
        anAuditEntry({
          actor: null,
          action: 'site.retention_changed',
          target: { kind: 'site', id: 's1', label: 'Shop' },
        }),
      ),
    ).toBe('The server changed how long Shop keeps data');
    expect(
      auditSentence(anAuditEntry({ action: 'visitor.erased', target: { kind: 'visitor', id: 'v9', label: null } })),
    ).toBe('Alice erased visitor v9');
    expect(
      auditSentence(anAuditEntry({ action: 'modules.changed', target: { kind: 'modules', id: null, label: null } })),
    ).toBe('Alice changed the modules');
  });

  it('says what changed, lists and nothing included', () => {
    expect(auditDetailLines({ before: 'operator', after: 'admin' })).toEqual(['operator → admin']);
    expect(
      auditDetailLines({
        origins: { before: ['https://a.example'], after: ['https://a.example', 'https://b.example'] },
        conversationsDays: { before: null, after: 30 },
        messages: 12,
      }),
    ).toEqual([
      'origins: https://a.example → https://a.example, https://b.example',
      'conversations days: none → 30',
      'messages: 12',
    ]);
    expect(auditDetailLines({})).toEqual([]);
  });

  it('joins the next page without showing an entry twice', () => {
    const first = [anAuditEntry({ id: 'a3' }), anAuditEntry({ id: 'a2' })];
    const next = appendAuditPage(first, {
      entries: [anAuditEntry({ id: 'a2' }), anAuditEntry({ id: 'a1' })],
      nextCursor: null,
    });
    expect(next.map((entry: AuditEntry) => entry.id)).toEqual(['a3', 'a2', 'a1']);
  });
});
