// The files the visitor chose, above the message box until sent (a chunk of its own, loaded by the first one):
// each checked against the site's rules, uploaded at once with its progress, previewed, and removable.

import type { Attachment } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { format } from '../i18n.ts';
import { FILE_WORDS, sizeLabel } from '../locales/files.ts';
import { prepared, upload } from '../upload.ts';
import { refusalOf } from '../upload-rules.ts';
import { files as context } from '../files-context.ts';

export const CSS = `
.tray{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:8px 12px 0;list-style:none;border-top:1px solid #e5e7eb}
.tray li{position:relative;display:flex;flex-direction:column;gap:2px;width:96px;font-size:11px;color:#4b5563}
.tray img,.tray .doc{width:96px;height:64px;border-radius:8px;object-fit:cover;background:#f3f4f6}
.tray .doc{display:grid;place-items:center;font-weight:600;text-transform:uppercase}
.tray .name{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.tray progress{width:100%;height:4px}
.tray .failed{color:#b91c1c;overflow-wrap:anywhere}
.tray .remove{position:absolute;top:2px;inset-inline-end:2px;width:22px;height:22px;padding:0;border:0;border-radius:50%;background:rgba(17,24,39,.7);color:#fff;line-height:1}
`;

interface Item {
  progress: number;
  attachment?: Attachment;
  error?: string;
  preview?: string;
}

export interface TrayProps {
  files: readonly File[];
  onRemove(file: File): void;
  /** The uploaded files, once none is uploading any more; null while one is. */
  onReady(attachments: Attachment[] | null): void;
}

/** The file as a data: URL, for a preview where blob: URLs are refused. */
const asDataUrl = (file: File): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsDataURL(file);
  });

/** What is shown for a file: the start of its type (PDF, PNG…) in place of a thumbnail. */
const badge = (file: File): string => file.name.split('.').pop()?.slice(0, 4) || '?';

export function Tray({ files, onRemove, onReady }: TrayProps) {
  const [items, setItems] = useState(() => new Map<File, Item>());
  const words = FILE_WORDS[context.lang] ?? FILE_WORDS.en;
  const rules = context.attachments ?? { maxBytes: 0, kinds: [] };

  // A change to one item, merged into its latest state (uploads report while the preview may change).
  const update = (file: File, change: Partial<Item>) =>
    setItems((now) => new Map(now).set(file, { progress: 0, ...now.get(file), ...change }));

  useEffect(() => {
    for (const file of files) {
      if (items.has(file)) continue;
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined;
      const refusal = refusalOf(file, rules);
      if (refusal) {
        const error =
          refusal.reason === 'kind'
            ? format(words.kindRefused, { name: file.name })
            : format(words.tooLarge, { name: file.name, max: sizeLabel(refusal.maxBytes, context.lang) });
        update(file, { error, preview });
        continue;
      }
      update(file, { preview });
      void prepared(file)
        .then((ready) => upload(context, ready, (progress) => update(file, { progress })))
        .then(
          (attachment) => update(file, { progress: 1, attachment }),
          (error: Error) => update(file, { error: `${words.failed} ${error.message}` }),
        );
    }
    for (const [file, item] of items) {
      if (files.includes(file)) continue;
      if (item.preview) URL.revokeObjectURL(item.preview);
      setItems((now) => {
        const rest = new Map(now);
        rest.delete(file);
        return rest;
      });
    }
  }, [files]);

  useEffect(() => {
    const shown = files.map((file) => items.get(file));
    const busy = shown.some((item) => !item || (!item.attachment && !item.error));
    onReady(busy ? null : shown.flatMap((item) => (item?.attachment ? [item.attachment] : [])));
  }, [items, files]);

  return (
    <ul class="tray" data-testid="lc-tray">
      {files.map((file) => {
        const item = items.get(file);
        return (
          <li
            key={file}
            data-testid="lc-tray-item"
            data-state={item?.attachment ? 'done' : item?.error ? 'failed' : 'uploading'}
          >
            {item?.preview ? (
              <img
                src={item.preview}
                alt=""
                data-testid="lc-tray-preview"
                // A page whose Content-Security-Policy refuses blob: images may still take data: ones.
                onError={() =>
                  item.preview?.startsWith('blob:') && asDataUrl(file).then((preview) => update(file, { preview }))
                }
              />
            ) : (
              <span class="doc" aria-hidden="true">
                {badge(file)}
              </span>
            )}
            <span class="name" title={file.name}>
              {file.name}
            </span>
            <span>{sizeLabel(file.size, context.lang)}</span>
            {item?.error ? (
              <span class="failed" role="alert" data-testid="lc-tray-error">
                {item.error}
              </span>
            ) : (
              !item?.attachment && (
                <progress value={item?.progress ?? 0} max={1} aria-label={words.uploading} data-testid="lc-progress" />
              )
            )}
            <button
              type="button"
              class="remove"
              aria-label={`${words.remove} ${file.name}`}
              data-testid="lc-tray-remove"
              onClick={() => onRemove(file)}
            >
              ✕
            </button>
          </li>
        );
      })}
    </ul>
  );
}
