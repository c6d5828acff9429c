// Conversations with known timings for the reports' tests: made through real sockets and routes, then
// moved in time, since a test cannot wait minutes between a question and its answer.

import type { OperatorProfile } from '@livechat/protocol';
import { call } from './away-harness.ts';
import { type Client, type TestServer, loginCookie, reply, say, visitorUrl, Client as Socket } from './harness.ts';

export interface Story {
  /** When the visitor writes first, in seconds from `base`. */
  at?: number;
  /** The assignee's first public answer, seconds after the question; null for none. */
  answerAfter: number | null;
  /** Resolved this many seconds after the start; null leaves it open. */
  resolvedAfter?: number | null;
  rating?: 'good' | 'okay' | 'bad';
}

export interface Teller {
  server: TestServer;
  /** The socket of the operator the conversation goes to (the only one online). */
  operator: { profile: OperatorProfile; socket: Client };
  site: { id: string; origin: string };
  /** Time zero of the story, as ms since the epoch. */
  base: number;
}

const iso = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();

/** Makes the conversation a story tells, and returns its id. */
export async function tell(teller: Teller, story: Story): Promise<string> {
  const { server, operator, site, base } = teller;
  const start = story.at ?? 0;
  const visitor = await mintVisitor(server, site);
  const tab = await Socket.connect(visitorUrl(server, visitor.token, site.id), { origin: site.origin });
  await tab.wait('welcome');
  const question = await say(tab, 'Where is my parcel?');
  const conversationId = question.conversationId;
  const setMessageTime = (seconds: number, id: string) =>
    server.sql('UPDATE messages SET created_at = ? WHERE id = ?', iso(base, seconds), id);
  await server.sql('UPDATE conversations SET created_at = ? WHERE id = ?', iso(base, start), conversationId);
  await setMessageTime(start, question.id);
  // A note comes first and is no answer: the visitor never saw it.
  const note = await reply(operator.socket, conversationId, 'looking it up', 'operator');
  await setMessageTime(start + 1, note.id);
  await server.sql(
    "UPDATE messages SET created_at = ? WHERE conversation_id = ? AND author_kind = 'system'",
    iso(base, start),
    conversationId,
  );
  if (story.answerAfter !== null) {
    const answer = await reply(operator.socket, conversationId, 'It left this morning.');
    await setMessageTime(start + story.answerAfter, answer.id);
    const second = await reply(operator.socket, conversationId, 'Anything else?');
    await setMessageTime(start + story.answerAfter + 30, second.id);
  }
  const resolvedAfter = story.resolvedAfter ?? null;
  if (resolvedAfter !== null) {
    const cookie = await loginCookie(server, operator.profile.email);
    const resolved = await call(server, 'POST', `/api/operator/conversations/${conversationId}/resolve`, { cookie });
    if (resolved.status !== 200) throw new Error(`resolve failed: ${resolved.status}`);
    await server.sql(
      'UPDATE conversations SET closed_at = ? WHERE id = ?',
      iso(base, start + resolvedAfter),
      conversationId,
    );
  }
  if (story.rating) {
    const rated = await call(server, 'POST', `/api/sites/${site.id}/conversations/${conversationId}/rating`, {
      origin: site.origin,
      token: visitor.token,
      body: { value: story.rating },
    });
    if (rated.status !== 204) throw new Error(`rating failed: ${rated.status}`);
  }
  await tab.close();
  return conversationId;
}

async function mintVisitor(server: TestServer, site: { id: string; origin: string }) {
  const minted = await call<{ token: string; visitorId: string }>(server, 'POST', `/api/sites/${site.id}/visitors`, {
    origin: site.origin,
  });
  if (minted.status !== 201) throw new Error(`mint failed: ${minted.status}`);
  return minted.body;
}
