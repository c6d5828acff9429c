// Attaching uploads to messages: refused until messages store their attachments.

import { AppError } from '../errors.ts';

/** An attachment the server would silently drop must be refused instead, so that nobody thinks it was sent. */
export function refuseAttachmentsForNow(attachmentIds: readonly string[] | undefined): void {
  if (attachmentIds && attachmentIds.length > 0) {
    throw new AppError('bad_request', 'attachmentIds: messages cannot carry attachments yet; nothing was sent');
  }
}
