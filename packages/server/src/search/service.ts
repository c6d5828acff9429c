// Inbox search: the index's hits, kept to the conversations the operator may read, as pages of results.

import type { ConversationSummary, OperatorProfile, SearchResult, SearchResultPage } from '@livechat/protocol';
import type { ConversationService } from '../conversations/service.ts';
import type { Conversation, ConversationRepository } from '../conversations/repository.ts';
import { AppError } from '../errors.ts';
import { openCursor, sealCursor } from './cursor.ts';
import { type SearchQuery, type SearchTerm, searchQuery } from './query.ts';
import type { SearchHit, SearchRepository } from './repository.ts';
import { snippetOf } from './snippet.ts';

export const PAGE_SIZE = 20;
/**
 * An operator's conversations go into an index query as a list of their keys (one OR in FTS5); past
 * this many, the keys are split and the newest hits of each part merged, so that no list grows
 * without bound.
 */
export const KEYS_PER_QUERY = 250;
/** Positions start at 1, so this is "from the newest". */
const NEWEST = Number.MAX_SAFE_INTEGER;

/** The visitor's name and email as one line: what an identity hit's snippet is cut from. */
export function identityText(visitor: ConversationSummary['visitor']): string {
  const { name, email } = visitor;
  if (name && email) return `${name} <${email}>`;
  return name ?? email ?? '';
}

/** The conversations one request may show, each decided once and summarised once. */
class Readable {
  private readonly decided = new Map<string, Promise<Conversation | null>>();
  private readonly summaries = new Map<string, Promise<ConversationSummary>>();

  constructor(
    private readonly operator: OperatorProfile,
    private readonly conversations: ConversationRepository,
    private readonly service: ConversationService,
  ) {}

  /** The conversation, when the conversation rules let this operator read it. */
  conversation(id: string): Promise<Conversation | null> {
    let decision = this.decided.get(id);
    if (!decision) {
      decision = this.decide(id);
      this.decided.set(id, decision);
    }
    return decision;
  }

  summary(conversation: Conversation): Promise<ConversationSummary> {
    let summary = this.summaries.get(conversation.id);
    if (!summary) {
      summary = this.service.summary(conversation, this.operator.id);
      this.summaries.set(conversation.id, summary);
    }
    return summary;
  }

  private async decide(id: string): Promise<Conversation | null> {
    const conversation = await this.conversations.byId(id);
    return conversation && (await this.service.mayRead(this.operator, conversation)) ? conversation : null;
  }
}

export class ConversationSearch {
  constructor(
    private readonly index: SearchRepository,
    private readonly conversations: ConversationRepository,
    private readonly service: ConversationService,
  ) {}

  /**
   * One page, newest first. Only hits in conversations the operator may read count, for the page
   * and for whether there is a next one, and the cursor is sealed: nothing about other
   * conversations shows through a page's length, its cursor or its timing beyond the index's.
   */
  async search(operator: OperatorProfile, text: string, cursor?: string): Promise<SearchResultPage> {
    const secret = await this.index.cursorSecret();
    const before = cursor === undefined ? NEWEST : openCursor(secret, operator.id, cursor);
    if (before === null) throw new AppError('bad_request', 'this cursor is not from a search of yours');
    const query = searchQuery(text);
    if (query.terms.length === 0) return { results: [], nextCursor: null };
    const keys = operator.role === 'admin' ? null : await this.index.candidateKeys(operator.id);
    if (keys !== null && keys.length === 0) return { results: [], nextCursor: null };
    const readable = new Readable(operator, this.conversations, this.service);
    const kept = await this.readableHits(query.terms, keys, before, readable);
    const results = await Promise.all(kept.slice(0, PAGE_SIZE).map((h) => this.result(h, query, readable)));
    const last = kept[PAGE_SIZE - 1];
    return {
      results: results.filter((r): r is SearchResult => r !== null),
      nextCursor: kept.length > PAGE_SIZE && last ? sealCursor(secret, operator.id, last.position) : null,
    };
  }

  /** Up to one more hit than a page, all readable: the extra one says whether a next page exists. */
  private async readableHits(
    terms: readonly SearchTerm[],
    keys: readonly number[] | null,
    before: number,
    readable: Readable,
  ): Promise<SearchHit[]> {
    const wanted = PAGE_SIZE + 1;
    const kept: SearchHit[] = [];
    let from = before;
    for (;;) {
      const batch = await this.newestHits(terms, keys, from, wanted);
      for (const h of batch) {
        if (h.gone) continue;
        if ((await readable.conversation(h.conversationId)) !== null) kept.push(h);
        if (kept.length === wanted) return kept;
      }
      const oldest = batch.at(-1);
      if (batch.length < wanted || !oldest) return kept;
      from = oldest.position;
    }
  }

  private async newestHits(
    terms: readonly SearchTerm[],
    keys: readonly number[] | null,
    before: number,
    limit: number,
  ): Promise<SearchHit[]> {
    if (keys === null) return this.index.hits(terms, null, before, limit);
    const parts: Array<Promise<SearchHit[]>> = [];
    for (let i = 0; i < keys.length; i += KEYS_PER_QUERY)
      parts.push(this.index.hits(terms, keys.slice(i, i + KEYS_PER_QUERY), before, limit));
    const merged = (await Promise.all(parts)).flat().sort((a, b) => b.position - a.position);
    return merged.slice(0, limit);
  }

  private async result(h: SearchHit, query: SearchQuery, readable: Readable): Promise<SearchResult | null> {
    const readableConversation = await readable.conversation(h.conversationId);
    if (!readableConversation) return null;
    const conversation = await readable.summary(readableConversation);
    const { snippet, highlights } = snippetOf(h.message?.body ?? identityText(conversation.visitor), query.terms);
    return {
      conversation,
      messageId: h.message?.id ?? null,
      seq: h.message?.seq ?? null,
      visibility: h.message?.visibility ?? null,
      snippet,
      highlights,
      // An identity hit has no moment of its own: the conversation's last activity.
      createdAt: h.message?.createdAt ?? conversation.updatedAt,
    };
  }
}
