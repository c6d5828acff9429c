// Messages: a conversation's log, appended with a gap-free seq and idempotent on the sender's client id.

import type { Author, Message, SystemEvent, Visibility } from '@livechat/protocol';
import { AppError } from '../errors.ts';
import type { Sender } from '../files/repository.ts';
import type { TranscriptLine } from './transcript.ts';

export interface NewMessage {
  conversationId: string;
  author: Author;
  body: string;
  visibility: Visibility;
  clientId: string | null;
  /** For system lines: what happened (the author's name says who). */
  systemEvent?: SystemEvent;
  /** Uploads of the author to attach; taken in the same transaction as the message's insert. */
  attachmentIds?: readonly string[];
}

export interface MessageRepository {
  /**
   * Stores the message durably and gives it its conversation's next seq, allocated atomically: no two
   * appends to one conversation get the same seq and none is skipped, also when several processes
   * append at once, since clients resume by seq and take a gap for a lost message. A failed append
   * takes no seq. A repeated client id returns the stored message with `duplicate` and appends
   * nothing; a conversation that is not open refuses with ConversationNotOpenError.
   */
  append(input: NewMessage): Promise<{ message: Message; duplicate: boolean }>;
  /** Messages with seq > afterSeq, oldest first, at most `limit`, with their attachments. */
  after(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  last(conversationId: string): Promise<Message | null>;
  /**
   * The newest message someone wrote (system lines left out): what a conversation list shows of it.
   * Without its attachments, which a list does not show.
   */
  lastWritten(conversationId: string): Promise<Message | null>;
  /** Whether the conversation has a system line of this event by this author (an operator joins once). */
  hasSystemLine(conversationId: string, event: SystemEvent, authorId: string): Promise<boolean>;
  /**
   * The visitor's own message with this client id in any of their conversations: a mail delivered again
   * after its conversation closed is still the same message.
   */
  ofVisitorByClientId(visitorId: string, clientId: string): Promise<Message | null>;
  /** The first `limit` public messages as transcript lines (what was said, without system lines), oldest first. */
  transcriptLines(conversationId: string, limit: number): Promise<TranscriptLine[]>;
  /**
   * Throws `attachment_refused` unless every id is an untaken upload of the sender. A look before
   * anything is written (a first message opens a conversation, an operator joins), so that a refused
   * frame leaves nothing behind; `append` checks again inside its transaction, which is the rule.
   * Uploads taken by the sender's message of `clientId` pass: sending it again returns that message.
   */
  checkAttachments(sender: Sender, ids: readonly string[], clientId: string): Promise<void>;
}

/** Messages go only into open conversations: this one is closed, or there is no such conversation. */
export class ConversationNotOpenError extends AppError {
  constructor(readonly conversationId: string) {
    super('conflict', 'this conversation is closed');
    this.name = 'ConversationNotOpenError';
  }
}
