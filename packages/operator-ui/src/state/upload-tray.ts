// Files the operator is attaching to the next message of a conversation: each uploads at once, with its progress.

import { signal } from '@preact/signals';
import { type Attachment, MAX_ATTACHMENTS_PER_MESSAGE } from '@livechat/protocol';
import { ApiError } from '../transport/http.ts';
import { type UploadHandle, type Uploader, xhrUploader } from '../transport/uploads.ts';
import { canPreview } from './attachments.ts';
import { newId } from './ids.ts';

export interface TrayFile {
  key: string;
  name: string;
  size: number;
  /** The browser's guess, for the label only: the server decides the kind from the bytes. */
  type: string;
  /** A local object URL of an image, shown before (and whatever) the upload answers. */
  preview: string | null;
  status: 'uploading' | 'ready' | 'failed';
  /** 0…1 of the bytes sent. */
  progress: number;
  attachment: Attachment | null;
  /** The server's refusal, as it said it, and its code (`file_too_large`, `network`…). */
  error: string | null;
  errorCode: string | null;
}

export class UploadTray {
  readonly files = signal<readonly TrayFile[]>([]);
  /** Why files were left out (too many for one message); cleared by the next change. */
  readonly notice = signal<string | null>(null);
  private readonly uploads = new Map<string, UploadHandle>();

  constructor(private readonly upload: () => Uploader) {}

  /** Starts uploading each file; those beyond MAX_ATTACHMENTS_PER_MESSAGE are left out, and the notice says so. */
  add(chosen: Iterable<File>): void {
    const incoming = [...chosen];
    if (incoming.length === 0) return;
    const room = Math.max(0, MAX_ATTACHMENTS_PER_MESSAGE - this.files.value.length);
    const taken = incoming.slice(0, room);
    const left = incoming.length - taken.length;
    this.notice.value =
      left > 0
        ? `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files go with one message; ${left === 1 ? '1 file was' : `${left} files were`} left out.`
        : null;
    for (const file of taken) this.start(file);
  }

  /** Uploads of a message the server refused for speed come back, ready, for the operator to send again. */
  restore(attachments: readonly Attachment[]): void {
    const back = attachments.map(
      (attachment): TrayFile => ({
        key: newId(),
        name: attachment.name,
        size: attachment.size,
        type: attachment.mime,
        preview: null,
        status: 'ready',
        progress: 1,
        attachment,
        error: null,
        errorCode: null,
      }),
    );
    this.files.value = [...back, ...this.files.value];
  }

  remove(key: string): void {
    this.uploads.get(key)?.cancel();
    this.uploads.delete(key);
    const file = this.files.value.find((item) => item.key === key);
    if (file?.preview) URL.revokeObjectURL(file.preview);
    this.files.value = this.files.value.filter((item) => item.key !== key);
    this.notice.value = null;
  }

  uploading(): boolean {
    return this.files.value.some((file) => file.status === 'uploading');
  }

  ready(): Attachment[] {
    return this.files.value.flatMap((file) => (file.status === 'ready' && file.attachment ? [file.attachment] : []));
  }

  /** The uploaded files leave the tray with the message; refused ones stay, so their reason stays in sight. */
  takeReady(): Attachment[] {
    const taken = this.ready();
    for (const file of this.files.value) if (file.status === 'ready') this.remove(file.key);
    return taken;
  }

  clear(): void {
    for (const file of this.files.value) this.remove(file.key);
  }

  private start(file: File): void {
    const key = newId();
    const entry: TrayFile = {
      key,
      name: file.name,
      size: file.size,
      type: file.type,
      preview: canPreview(file.type) ? URL.createObjectURL(file) : null,
      status: 'uploading',
      progress: 0,
      attachment: null,
      error: null,
      errorCode: null,
    };
    this.files.value = [...this.files.value, entry];
    const handle = this.upload()(file, (progress) => this.change(key, { progress }));
    this.uploads.set(key, handle);
    handle.done.then(
      ({ attachment }) => this.finish(key, { status: 'ready', progress: 1, attachment }),
      (error: unknown) => this.finish(key, { status: 'failed', ...refusalOf(error) }),
    );
  }

  private finish(key: string, change: Partial<TrayFile>): void {
    // A removed file's answer comes too late to matter.
    if (!this.uploads.delete(key)) return;
    this.change(key, change);
  }

  private change(key: string, change: Partial<TrayFile>): void {
    this.files.value = this.files.value.map((file) => (file.key === key ? { ...file, ...change } : file));
  }
}

let uploader: Uploader = xhrUploader;
const trays = new Map<string, UploadTray>();

/** One tray per conversation, kept while the operator looks at another one, like the text draft. */
export function trayOf(conversationId: string): UploadTray {
  let tray = trays.get(conversationId);
  if (!tray) {
    tray = new UploadTray(() => uploader);
    trays.set(conversationId, tray);
  }
  return tray;
}

/** On sign-out: uploads stop and previews are released. */
export function forgetTrays(): void {
  for (const tray of trays.values()) tray.clear();
  trays.clear();
}

/** Tests that draw the composer send files with an uploader they drive; returns the way back. */
export function replaceUploader(next: Uploader): () => void {
  const previous = uploader;
  uploader = next;
  return () => {
    uploader = previous;
  };
}

function refusalOf(error: unknown): Pick<TrayFile, 'error' | 'errorCode'> {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : 'internal';
  // The server's sentences start in lower case after their code; the tray shows them as sentences.
  return { error: message.charAt(0).toUpperCase() + message.slice(1), errorCode: code };
}
