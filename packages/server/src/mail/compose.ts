// The texts of the emails visitors get: unseen operator replies, and a conversation's transcript.

import type { OutgoingEmail } from './outbox.ts';

/** A file sent with a message: named in the email, not attached to it (the chat serves it). */
export interface MailFile {
  name: string;
  size: number;
}

/** One public message as an email shows it. */
export interface MailLine {
  authorName: string;
  body: string;
  createdAt: string;
  /** Absent or empty when the message carried none. */
  files?: readonly MailFile[];
}

/** Names go into a header: one line, however they were typed. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `2026-12-06 05:10 UTC`: the reader's time zone is unknown, so the time says which it is. */
export const mailTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const indented = (body: string): string[] =>
  body.trim() === ''
    ? []
    : body
        .trim()
        .split(/\r?\n/)
        .map((line) => `  ${line}`.trimEnd());

/** `512 B`, `34 KB`, `1.2 MB`: enough to tell a screenshot from a document. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A message's text, then its files by name and size (a caption may be empty when files go alone). */
const messageLines = (line: MailLine): string[] => [
  ...indented(line.body),
  ...(line.files ?? []).map((file) => `  File: ${oneLine(file.name)} (${sizeText(file.size)})`),
];

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
        ...messageLines(reply),
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
        ...messageLines(line),
        '',
      ]),
      input.lines.length === 0 ? 'Nothing was written in it yet.' : 'Thank you for writing to us.',
    ].join('\n'),
  };
}
