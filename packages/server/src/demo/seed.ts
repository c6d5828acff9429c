// Demo data, written only in demo mode: the `demo` site and two operators to log in with.

import type { Config } from '../config.ts';
import type { Store } from '../db/store.ts';
import { hashPassword } from '../operators/passwords.ts';

export const DEMO_SITE_ID = 'demo';

export const DEMO_OPERATORS = [
  { name: 'Alice', email: 'alice@example.com', password: 'demo-password-alice', role: 'admin', notify: 'inbox' },
  { name: 'Bob', email: 'bob@example.com', password: 'demo-password-bob', role: 'operator', notify: 'email' },
] as const;

export const DEMO_CANNED_RESPONSES = [
  { shortcut: 'hello', substitution: 'Hello, how may I help you?' },
  { shortcut: 'sorry', substitution: 'I am sorry to hear that.' },
  { shortcut: 'bye', substitution: 'Thanks for your feedback. Goodbye!' },
] as const;

/** The origins the demo pages are reached from: this server, by name and by loopback address. */
export function demoOrigins(config: Config, port: number): string[] {
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  if (config.publicUrl) origins.unshift(config.publicUrl);
  return [...new Set(origins)];
}

export async function seedDemo(store: Store, origins: string[]): Promise<void> {
  await seedDemoSite(store, origins);
  for (const operator of DEMO_OPERATORS) {
    if (await store.operators.credentials(operator.email)) continue;
    await store.operators.create({
      name: operator.name,
      email: operator.email,
      passwordHash: await hashPassword(operator.password),
      role: operator.role,
      notify: operator.notify,
    });
  }
  // First start only: canned responses an operator deleted or edited stay that way.
  const author = await store.operators.credentials(DEMO_OPERATORS[0].email);
  if (author && (await store.canned.list()).length === 0) {
    for (const canned of DEMO_CANNED_RESPONSES) await store.canned.create(canned, author.operator.id);
  }
  // First start only: an admin who later switches a module off or edits the team keeps that.
  if ((await store.helpdesk.teams()).length === 0) {
    await store.helpdesk.createTeam({ name: 'Support', sequence: 10, livechatEnabled: true });
    await store.settings.saveModules({ helpdesk: true, crm: true });
  }
}

/** The demo site, made on first start; later starts only add the origins it lacks, so an admin's edits stay. */
async function seedDemoSite(store: Store, origins: string[]): Promise<void> {
  const site = await store.sites.get(DEMO_SITE_ID);
  if (!site) return store.sites.save({ id: DEMO_SITE_ID, name: 'Demo shop', allowedOrigins: origins });
  const missing = origins.filter((origin) => !site.allowedOrigins.includes(origin));
  if (missing.length > 0) await store.sites.update(site.id, { allowedOrigins: [...site.allowedOrigins, ...missing] });
}
