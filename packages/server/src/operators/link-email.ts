// The emails that carry an invite or a password reset link.

import type { OperatorRole } from '@livechat/protocol';
import type { Email } from '../mentions/email.ts';

/** Names go into a header: one line, however they were typed. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function inviteEmail(to: string, invitedBy: string, role: OperatorRole, link: string): Email {
  const by = oneLine(invitedBy);
  return {
    to,
    subject: `${by} invited you to answer the live chat`,
    text: [
      `${by} invited you to answer visitors on the live chat${role === 'admin' ? ', as an admin' : ''}.`,
      '',
      'Choose your password here (the link works once, for 7 days):',
      link,
    ].join('\n'),
  };
}

export function resetEmail(to: string, link: string): Email {
  return {
    to,
    subject: 'Choose a new password for the live chat',
    text: [
      'Choose a new password here (the link works once, for 24 hours):',
      link,
      '',
      'Your current password keeps working until the link is used; if you did not ask for it, ignore this email.',
    ].join('\n'),
  };
}
