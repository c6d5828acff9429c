// User text and URLs rendered safely: text nodes only, and anchors only for http(s) URLs.

import { displayUrl, httpUrl, splitLinks } from '../state/links.ts';

/** Message text with its http(s) URLs turned into links; everything else stays text. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

/** A URL from a page view: a link when it is http(s), plain text otherwise. */
export function UrlLink({ url, class: className }: { url: string; class?: string }) {
  const href = httpUrl(url);
  if (href === null) return <span class={className}>{url}</span>;
  return (
    <a class={className} href={href} target="_blank" rel="noopener noreferrer nofollow" title={href}>
      {displayUrl(url)}
    </a>
  );
}
