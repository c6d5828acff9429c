// The visitor's small HTTP calls from the chat UI: the team's availability, leaving an email or details, rating, a transcript.

import type {
  ContactDetailsInput,
  ContactEmailInput,
  RatingInput,
  TeamAvailability,
  TranscriptRequest,
} from '@livechat/protocol';
import { ChatError, errorFromResponse } from './errors.ts';
import type { TokenSource } from './ui-contract.ts';

export interface VisitorApi {
  /** The team's state; null when it cannot be read (network, refusal): the panel then shows nothing about it. */
  availability(): Promise<TeamAvailability | null>;
  /** Rejects with a ChatError: the server's (`bad_request` for a malformed email), or `network`. */
  saveEmail(email: string): Promise<void>;
  /** Rejects with a ChatError: the server's (`conflict` while the conversation is open), or `network`. */
  rate(conversationId: string, rating: RatingInput): Promise<void>;
  /** What the pre-chat form asked. Rejects as saveEmail does. */
  saveContact(details: ContactDetailsInput): Promise<void>;
  /** Sends a conversation's transcript by email. Rejects with the server's ChatError, or `network`. */
  mailTranscript(request: TranscriptRequest): Promise<void>;
}

export function visitorApi(origin: string, siteId: string, session: TokenSource): VisitorApi {
  const base = `${origin}/api/sites/${encodeURIComponent(siteId)}`;

  /** Through the session: a rejected token is renewed once and the request sent again, a 429 waited out once. */
  const post = async (path: string, body: unknown): Promise<void> => {
    let response: Response;
    try {
      response = await session.fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw error instanceof ChatError ? error : new ChatError('network', String(error));
    }
    if (!response.ok) throw await errorFromResponse(response);
  };

  return {
    availability: () =>
      fetch(`${base}/availability`)
        .then((response) => (response.ok ? (response.json() as Promise<TeamAvailability>) : null))
        .catch(() => null),
    saveEmail: (email) => post('/contact-email', { email } satisfies ContactEmailInput),
    rate: (conversationId, rating) => post(`/conversations/${encodeURIComponent(conversationId)}/rating`, rating),
    saveContact: (details) => post('/contact', details),
    mailTranscript: (request) => post('/transcript', request),
  };
}
