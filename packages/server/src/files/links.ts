// Where clients fetch attachments: signed, expiring links for visitors; session-checked paths for operators.

import type { Attachment, Audience, Message, ServerToClient } from '@livechat/protocol';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';

const SIGNATURE = /^[0-9a-f]{64}$/;
const SECONDS = /^\d{1,12}$/;

export class FileLinks {
  constructor(
    private readonly key: Buffer,
    /** How long a visitor's link works (FILE_URL_MINUTES). */
    private readonly minutes: number,
  ) {}

  /** HMAC-SHA256 over the attachment and the moment the link stops working: it opens that file only. */
  signature(attachmentId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${attachmentId}\n${expires}`).digest('hex');
  }

  /** A link valid for `minutes` from `nowMs`, or one that expires at `expires` (UNIX seconds) when given. */
  visitorUrl(attachmentId: string, nowMs = Date.now(), expires = this.expiresAt(nowMs)): string {
    const sig = this.signature(attachmentId, expires);
    return `/api/files/${encodeURIComponent(attachmentId)}?expires=${expires}&sig=${sig}`;
  }

  /** Whole seconds (at least one), also for a FILE_URL_MINUTES that is no whole number of seconds. */
  private expiresAt(nowMs: number): number {
    return Math.floor(nowMs / 1000) + Math.max(1, Math.round(this.minutes * 60));
  }

  operatorUrl(attachmentId: string): string {
    return `/api/operator/files/${encodeURIComponent(attachmentId)}`;
  }

  /** Throws 403 `file_link_invalid` for an altered link or one made for another file, then 410 when it expired. */
  verify(attachmentId: string, expires: unknown, sig: unknown, nowMs = Date.now()): void {
    if (typeof expires !== 'string' || typeof sig !== 'string' || !SECONDS.test(expires) || !SIGNATURE.test(sig)) {
      throw invalid();
    }
    const expected = Buffer.from(this.signature(attachmentId, Number(expires)), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) throw invalid();
    if (Number(expires) * 1000 < nowMs) {
      throw new AppError('file_link_expired', 'this file link has expired; open the conversation again for a new one');
    }
  }

  /** The message as this audience gets it: each attachment with the URL it may fetch. */
  message(audience: Audience, message: Message, nowMs = Date.now()): Message {
    if (!message.attachments) return message;
    const url = (a: Attachment) => (audience === 'visitor' ? this.visitorUrl(a.id, nowMs) : this.operatorUrl(a.id));
    return { ...message, attachments: message.attachments.map((a) => ({ ...a, url: url(a) })) };
  }

  messages(audience: Audience, messages: readonly Message[]): Message[] {
    const nowMs = Date.now();
    return messages.map((message) => this.message(audience, message, nowMs));
  }

  /**
   * A frame already through the visibility gate, with links for its audience. Frames without
   * attachments come back as they were, so that their serialised bytes can still be shared.
   */
  frame(audience: Audience, frame: ServerToClient): ServerToClient {
    switch (frame.type) {
      case 'message.created':
      case 'message.ack':
        return frame.message.attachments ? { ...frame, message: this.message(audience, frame.message) } : frame;
      case 'sync.result':
        return frame.messages.some((m) => m.attachments)
          ? { ...frame, messages: this.messages(audience, frame.messages) }
          : frame;
      default:
        return frame;
    }
  }
}

const invalid = (): AppError =>
  new AppError('file_link_invalid', 'this file link is not valid (altered, or made for another file)');
