import type { PageViewInput } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { pageViewRecorder, toPageView } from './page-views.ts';

const page = (url: string, title = 'Home', referrer = '') => ({ url, title, referrer });

function recorder() {
  const sent: PageViewInput[] = [];
  return { sent, record: pageViewRecorder((view) => sent.push(view)) };
}

describe('page views', () => {
  it('records the first page and each navigation', () => {
    const { sent, record } = recorder();
    record(page('https://shop.test/', 'Home', 'https://search.test/?q=shoes'));
    record(page('https://shop.test/pricing', 'Pricing', 'https://search.test/?q=shoes'));
    expect(sent).toEqual([
      { url: 'https://shop.test/', title: 'Home', referrer: 'https://search.test/?q=shoes' },
      { url: 'https://shop.test/pricing', title: 'Pricing', referrer: 'https://search.test/?q=shoes' },
    ]);
  });

  it('skips a replaceState to the URL recorded last, even with a new title', () => {
    const { sent, record } = recorder();
    record(page('https://shop.test/a', 'A'));
    record(page('https://shop.test/a', 'A (2 new)'));
    expect(sent.map((view) => view.url)).toEqual(['https://shop.test/a']);
  });

  it('records going back to an earlier page and hash changes', () => {
    const { sent, record } = recorder();
    for (const url of [
      'https://shop.test/a',
      'https://shop.test/b',
      'https://shop.test/a',
      'https://shop.test/a#faq',
    ]) {
      record(page(url));
    }
    expect(sent).toHaveLength(4);
  });

  it('only records http(s) pages, and a skipped page does not block the next', () => {
    const { sent, record } = recorder();
    record(page('file:///Users/me/index.html'));
    record(page('about:blank'));
    record(page('https://shop.test/'));
    expect(sent.map((view) => view.url)).toEqual(['https://shop.test/']);
  });

  it('fits titles and referrers to what the server accepts', () => {
    const view = toPageView(page('https://shop.test/', `  ${'x'.repeat(400)}  `, 'android-app://com.example'));
    expect(view?.title).toHaveLength(300);
    expect(view?.referrer).toBe('');
    expect(toPageView(page(`https://shop.test/${'a'.repeat(2100)}`))).toBeNull();
  });
});
