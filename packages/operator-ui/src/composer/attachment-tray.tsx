// The composer's files: the attach button, and the tray of files going with the next message, each with its state.

import { MAX_ATTACHMENTS_PER_MESSAGE } from '@livechat/protocol';
import { useRef } from 'preact/hooks';
import { formatBytes, KIND_LABELS } from '../state/attachments.ts';
import type { TrayFile, UploadTray } from '../state/upload-tray.ts';

/** An `<input type="file">` behind a button-looking label, so that it stays the control screen readers find. */
export function AttachButton({ tray, disabled }: { tray: UploadTray; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <label class={`button button--small composer__attach${disabled ? ' composer__attach--disabled' : ''}`}>
      <input
        ref={input}
        type="file"
        multiple
        class="visually-hidden"
        disabled={disabled}
        data-testid="op-attach"
        onChange={(event) => {
          const chosen = event.currentTarget.files;
          if (chosen) tray.add(chosen);
          // The same file chosen again after removing it must fire `change` again.
          event.currentTarget.value = '';
        }}
      />
      <svg class="composer__attach-icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M13.5 5.5 7 12a1.5 1.5 0 0 0 2.1 2.1l7-7a3 3 0 0 0-4.2-4.2l-7.2 7.2a4.5 4.5 0 0 0 6.4 6.4l5.6-5.6" />
      </svg>
      Attach
      <span class="visually-hidden"> files (up to {MAX_ATTACHMENTS_PER_MESSAGE})</span>
    </label>
  );
}

export function AttachmentTray({ tray }: { tray: UploadTray }) {
  const files = tray.files.value;
  const notice = tray.notice.value;
  if (files.length === 0 && !notice) return null;
  return (
    <div class="tray" data-testid="op-tray">
      {files.length > 0 && (
        <ul class="tray__files" aria-label="Files to send">
          {files.map((file) => (
            <TrayItem key={file.key} file={file} onRemove={() => tray.remove(file.key)} />
          ))}
        </ul>
      )}
      {notice && (
        <p class="tray__notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}

function TrayItem({ file, onRemove }: { file: TrayFile; onRemove: () => void }) {
  const percent = Math.round(file.progress * 100);
  return (
    <li
      class={`tray__file tray__file--${file.status}`}
      data-testid="op-tray-file"
      data-status={file.status}
      data-code={file.errorCode ?? undefined}
    >
      {/* A refused image may not be one at all: its name shows instead of a broken picture. */}
      {file.preview && file.status !== 'failed' ? (
        <img class="tray__preview" src={file.preview} alt="" width={48} height={48} data-testid="op-tray-preview" />
      ) : (
        <span class="tray__icon" aria-hidden="true">
          {fileBadge(file)}
        </span>
      )}
      <span class="tray__text">
        <span class="tray__name" title={file.name}>
          {file.name}
        </span>
        <span class="tray__meta">
          {formatBytes(file.size)} · {typeLabel(file)}
        </span>
        {file.status === 'uploading' && (
          <progress
            class="tray__progress"
            max={100}
            value={percent}
            aria-label={`Uploading ${file.name}`}
            data-testid="op-tray-progress"
          >
            {percent}%
          </progress>
        )}
        {file.status === 'failed' && (
          <span class="tray__error" role="alert" data-testid="op-tray-error">
            {file.error}
          </span>
        )}
      </span>
      <button
        type="button"
        class="tray__remove"
        onClick={onRemove}
        aria-label={`Remove ${file.name}`}
        data-testid="op-tray-remove"
      >
        ×
      </button>
    </li>
  );
}

/** The server's kind once it has read the bytes; until then the browser's guess. */
function typeLabel(file: TrayFile): string {
  if (file.attachment) return KIND_LABELS[file.attachment.kind];
  return file.type || 'File';
}

function fileBadge(file: TrayFile): string {
  const extension = file.name.includes('.') ? file.name.split('.').pop() : '';
  return (extension || 'file').slice(0, 4).toUpperCase();
}
