// The email that tells an operator they were mentioned (it leaves through the outbox, mail/mailer.ts).

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface MentionEmailInput {
  to: string;
  authorName: string;
  visitorName: string | null;
  body: string;
  link: string;
}

/** Where the operator UI opens a conversation. */
export const conversationLink = (base: string, conversationId: string): string =>
  `${base.replace(/\/+$/, '')}/operator/#/conversations/${encodeURIComponent(conversationId)}`;

/** Names go into a header: one line, however they were typed. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function mentionEmail(input: MentionEmailInput): Email {
  const author = oneLine(input.authorName);
  const where = input.visitorName ? ` with ${oneLine(input.visitorName)}` : '';
  const quoted = input.body.split(/\r?\n/).map((line) => `> ${line}`);
  return {
    to: input.to,
    subject: `${author} mentioned you in a conversation${where}`,
    text: [
      `${author} mentioned you in a live chat conversation${where}:`,
      '',
      ...quoted,
      '',
      `Open the conversation: ${input.link}`,
      '',
      'You get these by email because your notification preference is "email"; you can switch to the inbox in the operator UI.',
    ].join('\n'),
  };
}
