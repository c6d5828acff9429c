// A message's files: images as thumbnails that open full size in a new tab, other files as a download card.

import type { Attachment } from '@livechat/protocol';
import { attachmentUrl, formatBytes, KIND_LABELS, thumbnailBox } from '../state/attachments.ts';

export function Attachments({ attachments }: { attachments: readonly Attachment[] | undefined }) {
  if (!attachments || attachments.length === 0) return null;
  return (
    <ul class="attachments" aria-label="Files">
      {attachments.map((attachment) =>
        attachment.kind === 'image' ? (
          <ImageAttachment key={attachment.id} attachment={attachment} />
        ) : (
          <FileAttachment key={attachment.id} attachment={attachment} />
        ),
      )}
    </ul>
  );
}

function ImageAttachment({ attachment }: { attachment: Attachment }) {
  const url = attachmentUrl(attachment);
  const box = thumbnailBox(attachment);
  return (
    <li class="attachment attachment--image" data-testid="op-attachment" data-kind="image">
      <a
        class="attachment__open"
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        title={`${attachment.name}, ${formatBytes(attachment.size)}: open full size`}
      >
        {/* The box is sized before the image loads, so the windowed history keeps its place. */}
        <img
          class="attachment__thumbnail"
          src={url}
          alt={attachment.name}
          width={box.width}
          height={box.height}
          style={{ width: `${box.width}px`, height: `${box.height}px` }}
          loading="lazy"
          decoding="async"
        />
      </a>
    </li>
  );
}

function FileAttachment({ attachment }: { attachment: Attachment }) {
  const url = attachmentUrl(attachment);
  return (
    <li class="attachment attachment--file" data-testid="op-attachment" data-kind={attachment.kind}>
      <span class="attachment__badge" aria-hidden="true">
        {attachment.kind === 'pdf' ? 'PDF' : attachment.kind === 'image' ? 'IMG' : 'DOC'}
      </span>
      <span class="attachment__text">
        <span class="attachment__name" title={attachment.name}>
          {attachment.name}
        </span>
        <span class="attachment__meta">
          {formatBytes(attachment.size)} · {KIND_LABELS[attachment.kind]}
        </span>
      </span>
      <a class="button button--small attachment__download" href={url} download={attachment.name}>
        Download<span class="visually-hidden"> {attachment.name}</span>
      </a>
    </li>
  );
}
