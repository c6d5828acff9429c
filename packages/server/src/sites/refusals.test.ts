import { describe, expect, it } from 'vitest';
import { OriginWarnings, SiteRefusal } from './refusals.ts';

const refusal = (siteId: string, origin: string) =>
  new SiteRefusal('bad_origin', 'this origin may not use the site', siteId, origin, `${origin} for ${siteId}`);

describe('warnings to the owner', () => {
  it('come once per site and origin per hour', () => {
    const logged: string[] = [];
    let time = 0;
    const warnings = new OriginWarnings(
      (text) => logged.push(text),
      100,
      () => time,
    );
    warnings.report(refusal('shop', 'https://a.example'));
    warnings.report(refusal('shop', 'https://a.example'));
    warnings.report(refusal('shop', 'https://b.example'));
    warnings.report(refusal('blog', 'https://a.example'));
    time += 59 * 60 * 1000;
    warnings.report(refusal('shop', 'https://a.example'));
    expect(logged).toEqual(['https://a.example for shop', 'https://b.example for shop', 'https://a.example for blog']);
    time += 60 * 1000;
    warnings.report(refusal('shop', 'https://a.example'));
    expect(logged).toHaveLength(4);
  });

  it('remember a bounded number of pairs, forgetting the oldest first', () => {
    const logged: string[] = [];
    const warnings = new OriginWarnings(
      (text) => logged.push(text),
      3,
      () => 0,
    );
    for (const origin of ['https://1.example', 'https://2.example', 'https://3.example', 'https://4.example']) {
      warnings.report(refusal('shop', origin));
    }
    expect(warnings.size).toBe(3);
    // The first pair was forgotten: it warns again; the newer ones are still remembered.
    warnings.report(refusal('shop', 'https://4.example'));
    warnings.report(refusal('shop', 'https://1.example'));
    expect(logged).toHaveLength(5);
    expect(warnings.size).toBe(3);
  });

  it('keep only the start of a very long Origin header', () => {
    const long = `https://${'a'.repeat(5000)}.example`;
    expect(refusal('shop', long).origin).toHaveLength(255);
  });
});
