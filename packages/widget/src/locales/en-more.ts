// The widget's words in English for the parts few visitors open (the menu's items, the rating, the forms, the limit notice), loaded with the first of them.

import type { MoreStrings } from '../i18n.ts';

const more: MoreStrings = {
  endConversation: 'End the conversation',
  endConfirm: 'End this conversation?',
  yes: 'Yes',
  no: 'No',
  transcript: 'Email me the transcript',
  transcriptLabel: 'Send the transcript to',
  transcriptSent: 'The transcript is on its way to {email}.',
  cancel: 'Cancel',
  rateAsk: 'How was this conversation?',
  rateGood: 'Good',
  rateOkay: 'Okay',
  rateBad: 'Bad',
  rateComment: 'A comment (optional)',
  rateSend: 'Send',
  rateThanks: 'Thank you for your rating!',
  prechatAsk: 'Before we start, tell us who you are.',
  nameLabel: 'Your name',
  emailField: 'Your email',
  optional: '(optional)',
  required: 'Please fill in this field.',
  start: 'Start the chat',
  crowded: 'Too many chat tabs are open. Close one, or this one will try again in a minute.',
  rateLimited: 'You are sending messages too fast; sending again in {n} s',
  dismiss: 'Dismiss',
  linkExpired: 'This link has expired. You can still write to us here.',
  notSent: 'Not sent:',
  retry: 'Retry',
  delete: 'Delete',
  newConversation: 'New conversation',
};

export default more;
