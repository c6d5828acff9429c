// The texts of the emails visitors get: unseen operator replies, and a conversation's transcript.

import type { OutgoingEmail } from './outbox.ts';

/** One public message as an email shows it. */
export interface MailLine {
  authorName: string;
  body: string;
  createdAt: string;
}

/** Names go into a header: one line, however they were typed. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `2026-12-06 05:10 UTC`: the reader's time zone is unknown, so the time says which it is. */
export const mailTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const indented = (body: string): string[] =>
  body
    .trim()
    .split(/\r?\n/)
    .map((line) => `  ${line}`.trimEnd());

export interface ReplyEmailInput {
  to: string;
  siteName: string;
  /** Oldest first. */
  replies: readonly MailLine[];
  /** Opens the site at the visitor's last page with the chat on this conversation. */
  link: string;
  replyTo: string;
}

export function replyEmail(input: ReplyEmailInput): OutgoingEmail {
  const site = oneLine(input.siteName);
  const several = input.replies.length > 1;
  return {
    kind: 'reply',
    to: input.to,
    fromName: site,
    replyTo: input.replyTo,
    subject: `${several ? 'New replies' : 'New reply'} from ${site}`,
    text: [
      `${several ? 'You have new replies' : 'You have a new reply'} from ${site}:`,
      '',
      ...input.replies.flatMap((reply) => [
        `${oneLine(reply.authorName)}, ${mailTime(reply.createdAt)}:`,
        ...indented(reply.body),
        '',
      ]),
      `Continue the conversation: ${input.link}`,
      '',
      'You can also answer by replying to this email: your answer goes into the same conversation.',
    ].join('\n'),
  };
}

export interface TranscriptEmailInput {
  to: string;
  siteName: string;
  /** Public messages only, oldest first. */
  lines: readonly MailLine[];
  startedAt: string;
}

export function transcriptEmail(input: TranscriptEmailInput): OutgoingEmail {
  const site = oneLine(input.siteName);
  return {
    kind: 'transcript',
    to: input.to,
    fromName: site,
    subject: `Your conversation with ${site}`,
    text: [
      `The transcript of your conversation with ${site}, started ${mailTime(input.startedAt)}:`,
      '',
      ...input.lines.flatMap((line) => [
        `${oneLine(line.authorName)}, ${mailTime(line.createdAt)}:`,
        ...indented(line.body),
        '',
      ]),
      input.lines.length === 0 ? 'Nothing was written in it yet.' : 'Thank you for writing to us.',
    ].join('\n'),
  };
}
