// What a site's change writes in the audit log: one entry per kind of change, none for no change.

import { DEFAULT_ATTACHMENT_SETTINGS } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { siteChangeEntries } from './audit-entries.ts';
import { DEFAULT_WIDGET_SETTINGS, NO_RETENTION, type Site } from './repository.ts';
import { ALWAYS_OPEN } from './working-hours.ts';

const site: Site = {
  id: 's',
  name: 'Shop',
  allowedOrigins: ['https://shop.test'],
  identitySecret: 'old-secret',
  requireIdentity: false,
  widget: DEFAULT_WIDGET_SETTINGS,
  queueAlertSeconds: 120,
  workingHours: ALWAYS_OPEN,
  awayMessage: null,
  retention: NO_RETENTION,
  attachments: DEFAULT_ATTACHMENT_SETTINGS,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('siteChangeEntries', () => {
  it('writes nothing when nothing changed, and never the identity secret', () => {
    expect(siteChangeEntries(site, { ...site })).toEqual([]);
    expect(siteChangeEntries(site, { ...site, identitySecret: 'new-secret' })).toEqual([]);
  });

  it('writes one entry per kind of change, with before and after', () => {
    const after: Site = {
      ...site,
      name: 'Shop & co',
      allowedOrigins: ['https://shop.test', 'https://www.shop.test'],
      retention: { conversationsDays: 30, pageViewsDays: null },
      attachments: { maxBytes: 2048, kinds: ['pdf'] },
      archivedAt: '2026-02-01T00:00:00.000Z',
    };
    expect(siteChangeEntries(site, after)).toEqual([
      {
        action: 'site.origins_changed',
        details: { before: ['https://shop.test'], after: ['https://shop.test', 'https://www.shop.test'] },
      },
      { action: 'site.retention_changed', details: { before: NO_RETENTION, after: after.retention } },
      {
        action: 'site.updated',
        details: {
          name: { before: 'Shop', after: 'Shop & co' },
          attachments: { before: DEFAULT_ATTACHMENT_SETTINGS, after: { maxBytes: 2048, kinds: ['pdf'] } },
        },
      },
      { action: 'site.archived', details: {} },
    ]);
  });
});
