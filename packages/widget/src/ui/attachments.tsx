// Files in a message (a chunk of its own, loaded by the first message that has some): images as thumbnails that
// open full size, other files as name, size and type with a download link. Signed links expire: one used after
// that is read again from the server first.

import type { Attachment, VisitorTranscript } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { fileUrl, isStale } from '../file-links.ts';
import { FILE_WORDS, sizeLabel } from '../locales/files.ts';
import { files as context } from '../files-context.ts';

export const CSS = `
.files{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 4px;padding:0;list-style:none}
.files img{display:block;max-width:220px;max-height:220px;width:auto;height:auto;border-radius:12px;background:#f3f4f6}
.files .doc{display:flex;flex-direction:column;padding:8px 12px;border-radius:12px;background:#f3f4f6;color:#1f2937;text-decoration:none}
.files .doc small{color:#6b7280}
`;

/** Fresh signed URLs by attachment id, read from the server when the ones a message carries have expired. */
const fresh = new Map<string, string>();

async function refresh(): Promise<void> {
  const response = await context.session.fetch('/conversation');
  if (!response.ok) return;
  const transcript = (await response.json()) as VisitorTranscript;
  for (const message of transcript.messages) {
    for (const file of message.attachments ?? []) if (file.url) fresh.set(file.id, file.url);
  }
}

/** The URL to use now for an attachment, resolved against the chat server. */
const urlOf = (file: Attachment): string | null => {
  const path = fresh.get(file.id) ?? file.url;
  return path ? fileUrl(context.origin, path) : null;
};

/** A stale link opens a tab at once (a later one would be blocked as a pop-up), then sends it to the fresh URL. */
function openFresh(event: MouseEvent, file: Attachment, redraw: () => void): void {
  const url = urlOf(file);
  if (!url || !isStale(url)) return;
  event.preventDefault();
  const reading = refresh();
  const tab = window.open('', '_blank');
  // noopener cannot be asked of a tab sent somewhere later: its link back to this page is cut here, where allowed.
  try {
    if (tab) tab.opener = null;
  } catch {
    // A read-only opener: the tab keeps it, as a plain link without rel would.
  }
  void reading.then(() => {
    redraw();
    const now = urlOf(file);
    if (tab && now) tab.location.href = now;
  });
}

function FileItem({ file, redraw }: { file: Attachment; redraw(): void }) {
  const words = FILE_WORDS[context.lang] ?? FILE_WORDS.en;
  const url = urlOf(file);
  const onClick = (event: MouseEvent) => openFresh(event, file, redraw);
  if (file.kind === 'image' && url) {
    return (
      <li data-testid="lc-attachment" data-kind="image">
        <a
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`${words.openImage}: ${file.name}`}
          onClick={onClick}
        >
          <img
            src={url}
            alt={file.name}
            width={file.width}
            height={file.height}
            loading="lazy"
            // An image shown after its link expired is fetched again with a fresh one.
            onError={() => isStale(url) && void refresh().then(redraw)}
          />
        </a>
      </li>
    );
  }
  const details = (
    <>
      <span>{file.name}</span>
      <small>
        {sizeLabel(file.size, context.lang)} · {file.mime || words.file}
      </small>
    </>
  );
  return (
    <li data-testid="lc-attachment" data-kind={file.kind}>
      {url ? (
        <a class="doc" href={url} download={file.name} aria-label={`${words.download} ${file.name}`} onClick={onClick}>
          {details}
        </a>
      ) : (
        <span class="doc">{details}</span>
      )}
    </li>
  );
}

export function Attachments({ files }: { files: readonly Attachment[] }) {
  const [, setRound] = useState(0);
  const redraw = () => setRound((round) => round + 1);
  return (
    <ul class="files">
      {files.map((file) => (
        <FileItem key={file.id} file={file} redraw={redraw} />
      ))}
    </ul>
  );
}
