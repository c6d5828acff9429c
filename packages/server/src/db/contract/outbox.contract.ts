// The outbox's contract: each attempt at an email is claimed by one worker, however many look at once.

import { describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../mail/outbox.ts';
import { freshStore, fromNow, type OpenStore } from './fixtures.ts';

const MINUTE = 60_000;

const invite: OutgoingEmail = {
  kind: 'invite',
  to: 'piet@example.com',
  subject: 'Join the support team',
  text: 'Choose a password on this link.',
};

export function outboxContract(open: OpenStore): void {
  describe('outbox', () => {
    const store = freshStore(open);

    it('hands a due email to one of the workers that claim it at the same moment', async () => {
      const email = await store().outbox.add(invite, 'pending');
      expect(await store().outbox.due(fromNow(MINUTE), 10)).toEqual([email.id]);
      const claims = await Promise.all(
        Array.from({ length: 4 }, () => store().outbox.claim(email.id, fromNow(MINUTE), fromNow(2 * MINUTE))),
      );
      const won = claims.filter((claim) => claim !== null);
      expect(won).toHaveLength(1);
      expect(won[0]).toMatchObject({ ...invite, id: email.id, attempts: 1 });
      expect(await store().outbox.due(fromNow(MINUTE), 10)).toEqual([]);
    });

    it('gives a held email back once the hold is over, counting the attempts', async () => {
      const email = await store().outbox.add(invite, 'pending');
      await store().outbox.claim(email.id, fromNow(MINUTE), fromNow(2 * MINUTE));
      expect(await store().outbox.claim(email.id, fromNow(MINUTE), fromNow(4 * MINUTE))).toBeNull();
      expect(await store().outbox.claim(email.id, fromNow(3 * MINUTE), fromNow(4 * MINUTE))).toMatchObject({
        attempts: 2,
      });
    });

    it('sends an email once, and lets a failed one be retried', async () => {
      const sent = await store().outbox.add(invite, 'pending');
      await store().outbox.claim(sent.id, fromNow(MINUTE), fromNow(2 * MINUTE));
      await store().outbox.markSent(sent.id, fromNow(MINUTE));
      expect(await store().outbox.claim(sent.id, fromNow(3 * MINUTE), fromNow(4 * MINUTE))).toBeNull();
      expect(await store().outbox.byId(sent.id)).toMatchObject({ status: 'sent' });

      const failing = await store().outbox.add({ ...invite, to: 'nobody@example.com' }, 'pending');
      await store().outbox.claim(failing.id, fromNow(MINUTE), fromNow(2 * MINUTE));
      await store().outbox.markAttemptFailed(failing.id, '550 no such user', null);
      expect(await store().outbox.byId(failing.id)).toMatchObject({ status: 'failed', lastError: '550 no such user' });
      expect(await store().outbox.claim(failing.id, fromNow(3 * MINUTE), fromNow(4 * MINUTE))).toBeNull();
      expect(await store().outbox.retry(failing.id, fromNow(MINUTE))).toMatchObject({ status: 'pending' });
      expect(await store().outbox.retry(sent.id, fromNow(MINUTE))).toBeNull();
      expect(await store().outbox.due(fromNow(MINUTE), 10)).toEqual([failing.id]);
    });

    it('lists the newest emails first, in the order stored when made at the same moment', async () => {
      const first = await store().outbox.add(invite, 'pending');
      const second = await store().outbox.add({ ...invite, to: 'nora@example.com' }, 'kept');
      const third = await store().outbox.add({ ...invite, to: 'olga@example.com' }, 'pending');
      expect((await store().outbox.list(2)).map((e) => e.id)).toEqual([third.id, second.id]);
      expect((await store().outbox.list(10, 'pending')).map((e) => e.id)).toEqual([third.id, first.id]);
      expect(await store().outbox.list(10, 'sent')).toEqual([]);
      expect(await store().outbox.byId(first.id)).toEqual(first);
      expect(await store().outbox.byId('no-such-email')).toBeNull();
    });

    it('hands out the longest due first, at most the limit, and a failed attempt again when its retry is due', async () => {
      const first = await store().outbox.add(invite, 'pending');
      const second = await store().outbox.add({ ...invite, to: 'nora@example.com' }, 'pending');
      expect(await store().outbox.due(fromNow(MINUTE), 1)).toEqual([first.id]);
      await store().outbox.claim(first.id, fromNow(MINUTE), fromNow(2 * MINUTE));
      const retryAt = fromNow(5 * MINUTE);
      await store().outbox.markAttemptFailed(first.id, '421 try again later', retryAt);
      expect(await store().outbox.byId(first.id)).toMatchObject({
        status: 'pending',
        lastError: '421 try again later',
        nextAttemptAt: retryAt,
        attempts: 1,
      });
      expect(await store().outbox.due(fromNow(MINUTE), 10)).toEqual([second.id]);
      expect(await store().outbox.due(fromNow(6 * MINUTE), 10)).toEqual([second.id, first.id]);
      await store().outbox.claim(first.id, fromNow(6 * MINUTE), fromNow(7 * MINUTE));
      await store().outbox.markSent(first.id, fromNow(6 * MINUTE));
      expect(await store().outbox.byId(first.id)).toMatchObject({
        status: 'sent',
        lastError: null,
        nextAttemptAt: null,
      });
    });

    it('keeps an email without sending it when no mail server is configured', async () => {
      const kept = await store().outbox.add(invite, 'kept');
      expect(await store().outbox.due(fromNow(MINUTE), 10)).toEqual([]);
      expect(await store().outbox.claim(kept.id, fromNow(MINUTE), fromNow(2 * MINUTE))).toBeNull();
      expect((await store().outbox.list(10, 'kept')).map((e) => e.id)).toEqual([kept.id]);
    });
  });
}
