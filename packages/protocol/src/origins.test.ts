import { describe, expect, it } from 'vitest';
import { describeOriginProblem, normaliseOrigin, normaliseOrigins } from './origins.ts';

const accepted = (text: string) => {
  const checked = normaliseOrigin(text);
  if (!checked.ok) throw new Error(`${text} refused: ${checked.problem}`);
  return checked.origin;
};
const problem = (text: string) => {
  const checked = normaliseOrigin(text);
  if (checked.ok) throw new Error(`${text} accepted as ${checked.origin}`);
  return checked.problem;
};

describe('an origin as the owner types it', () => {
  it.each([
    ['https://shop.example.com', 'https://shop.example.com'],
    ['HTTPS://Shop.Example.COM', 'https://shop.example.com'],
    ['https://shop.example.com/', 'https://shop.example.com'],
    ['  https://shop.example.com  ', 'https://shop.example.com'],
    ['https://shop.example.com:443', 'https://shop.example.com'],
    ['http://shop.example.com:80/', 'http://shop.example.com'],
    ['http://shop.example.com:443', 'http://shop.example.com:443'],
    ['https://shop.example.com:80', 'https://shop.example.com:80'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://localhost:03000', 'http://localhost:3000'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['http://[::1]', 'http://[::1]'],
    ['https://bücher.de', 'https://xn--bcher-kva.de'],
    ['https://BÜCHER.de:443/', 'https://xn--bcher-kva.de'],
    ['https://my_app.test', 'https://my_app.test'],
    ['https://a-b.c-d.example', 'https://a-b.c-d.example'],
  ])('%s is %s', (typed, origin) => {
    expect(accepted(typed)).toBe(origin);
  });

  it.each([
    ['https://a.com/shop', /path \(\/shop\).*use https:\/\/a\.com$/],
    ['https://A.com:443/shop/', /path.*use https:\/\/a\.com$/],
    ['https://a.com//', /path/],
    ['https://a.com?x=1', /query/],
    ['https://a.com/?x=1', /query/],
    ['https://a.com#top', /fragment/],
    ['https://a.com/#top', /fragment/],
    ['https://*.a.com', /wildcard/],
    ['*', /wildcard/],
    ['https://a.com:*', /wildcard/],
    ['https://user@a.com', /user info/],
    ['https://user:secret@a.com', /user info/],
    ['a.com', /no scheme: write https:\/\/a\.com/],
    ['a.com:8080', /no scheme: write https:\/\/a\.com:8080/],
    ['localhost:3000', /no scheme/],
    ['//a.com', /no scheme: write https:\/\/a\.com/],
    ['www.a.com/shop', /no scheme: write https:\/\/www\.a\.com /],
    ['ftp://a.com', /only http and https.*ftp/],
    ['file:///tmp/x.html', /only http and https.*file/],
    ['mailto:me@a.com', /only http and https.*mailto/],
    ['https:/a.com', /:\/\//],
    ['https:a.com', /:\/\//],
    ['', /empty/],
    ['   ', /empty/],
    ['https://', /no host/],
    ['https://:8080', /not a valid host/],
    ['https://a.com:', /port ""/],
    ['https://a.com:0', /port "0"/],
    ['https://a.com:65536', /port "65536"/],
    ['https://a.com:80x', /port "80x"/],
    ['https://a.com:-1', /port "-1"/],
    ['https://a b.com', /space/],
    ['https://a..com', /not a valid host/],
    ['https://a.com.', /not a valid host/],
    ['https://-a.com', /not a valid host/],
    ['https://a-.com', /not a valid host/],
    ['https://a.com\\shop', /backslash/],
    ['https://999.1.1.1', /not a valid host/],
    ['https://a<b.com', /not a valid host/],
    ['http://::1', /not a valid host/],
  ])('%s is refused (%s)', (typed, why) => {
    expect(problem(typed)).toMatch(why);
  });
});

describe('a list of origins, one per line', () => {
  it('skips blank lines, normalises the rest and drops duplicates, first one first', () => {
    expect(
      normaliseOrigins(['', 'https://b.com/', '  ', 'HTTPS://A.com', 'https://b.com:443', 'https://a.com']),
    ).toEqual({ ok: true, origins: ['https://b.com', 'https://a.com'] });
  });

  it('is empty when every line is blank', () => {
    expect(normaliseOrigins([' ', ''])).toEqual({ ok: true, origins: [] });
    expect(normaliseOrigins([])).toEqual({ ok: true, origins: [] });
  });

  it('is refused as a whole, naming every wrong line by its number as typed', () => {
    const checked = normaliseOrigins(['https://ok.com', '', 'https://a.com/shop', 'b.com']);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((found) => [found.line, found.text])).toEqual([
      [3, 'https://a.com/shop'],
      [4, 'b.com'],
    ]);
    expect(describeOriginProblem(checked.problems[0] as (typeof checked.problems)[0])).toBe(
      'line 3 (https://a.com/shop): it has a path (/shop); an origin has none: use https://a.com',
    );
  });
});
