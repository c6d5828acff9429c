import { describe, expect, it } from 'vitest';
import { ar as arabic, en as english, fr as french } from './test-strings.ts';
import { isEmail } from './email-address.ts';
import { emailAskAt, UNANSWERED_MS } from './email-ask-at.ts';
import { replyTimeText } from './team.ts';
import { message, system, visitor } from './test-messages.ts';

describe('"usually replies in …"', () => {
  const cases: Array<[number | null, string | null, string | null, string | null]> = [
    [null, null, null, null],
    [0, 'Usually replies in under a minute', 'Répond en général en moins d’une minute', 'نرد عادةً في أقل من دقيقة'],
    [59, 'Usually replies in under a minute', 'Répond en général en moins d’une minute', 'نرد عادةً في أقل من دقيقة'],
    [75, 'Usually replies in a minute', 'Répond en général en une minute', 'نرد عادةً خلال دقيقة'],
    [150, 'Usually replies in 3 minutes', 'Répond en général en 3 minutes', 'نرد عادةً خلال 3 دقيقة'],
    [90 * 60, 'Usually replies in 90 minutes', 'Répond en général en 90 minutes', 'نرد عادةً خلال 90 دقيقة'],
    [95 * 60, 'Usually replies in 2 hours', 'Répond en général en 2 heures', 'نرد عادةً خلال 2 ساعة'],
    [5 * 3600, 'Usually replies in 5 hours', 'Répond en général en 5 heures', 'نرد عادةً خلال 5 ساعة'],
  ];

  it.each(cases)('after a median of %s s, in English, French and Arabic', (seconds, en, fr, ar) => {
    expect(replyTimeText(seconds, english)).toBe(en);
    expect(replyTimeText(seconds, french)).toBe(fr);
    expect(replyTimeText(seconds, arabic)).toBe(ar);
  });

  it('promises nothing from a nonsensical median', () => {
    expect(replyTimeText(-5, english)).toBeNull();
    expect(replyTimeText(Number.NaN, english)).toBeNull();
  });
});

describe('the email check', () => {
  it('takes ordinary addresses', () => {
    for (const email of ['ada@example.com', 'first.last+chat@mail.example.co.uk', 'a@b.io']) {
      expect(isEmail(email), email).toBe(true);
    }
  });

  it('refuses what cannot be an address', () => {
    for (const email of [
      '',
      'ada',
      'ada@',
      '@example.com',
      'ada@example',
      'ada @example.com',
      'a@b@c.com',
      'ada@example.',
    ]) {
      expect(isEmail(email), email).toBe(false);
    }
    expect(isEmail(`${'a'.repeat(250)}@example.com`)).toBe(false);
  });
});

describe('when the widget asks for an email', () => {
  const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, second)).toISOString();

  it('asks at once while the team is away, written or not', () => {
    expect(emailAskAt(true, [])).toBe(0);
    expect(emailAskAt(true, [message(1, { author: visitor })])).toBe(0);
  });

  it('asks nothing of a visitor who has not written', () => {
    expect(emailAskAt(false, [])).toBeNull();
  });

  it('asks a minute after the visitor’s last message while no operator answered it', () => {
    const messages = [
      message(1, { author: visitor, createdAt: at(1) }),
      message(2, { author: visitor, createdAt: at(20) }),
    ];
    expect(emailAskAt(false, messages)).toBe(Date.parse(at(20)) + UNANSWERED_MS);
  });

  it('does not count system lines as an answer', () => {
    const messages = [message(1, { author: visitor, createdAt: at(1) }), message(2, { author: system })];
    expect(emailAskAt(false, messages)).toBe(Date.parse(at(1)) + UNANSWERED_MS);
  });

  it('asks nothing once an operator has answered', () => {
    expect(emailAskAt(false, [message(1, { author: visitor }), message(2)])).toBeNull();
  });
});
