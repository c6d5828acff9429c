// Search results, newest first: who, when, and the snippet with the matched words marked (text nodes only).

import type { SearchResult } from '@livechat/protocol';
import { visitorLabel } from '../../state/conversations.ts';
import { openSearchResult, search } from '../../state/inbox-live.ts';
import { workspace } from '../../state/live.ts';
import { snippetParts } from '../../state/search.ts';
import { RelativeTime } from '../relative-time.tsx';

export function SearchResults() {
  const state = workspace.search;
  const results = state.results.value;
  const loading = state.loading.value;
  const error = state.error.value;
  const fresh = state.current();
  return (
    <div class="rows search-results" aria-busy={loading}>
      {error && (
        <p class="form__error search-results__note" role="alert">
          {error}
        </p>
      )}
      {results.length === 0 && !error ? (
        <p class="sidebar__empty" role="status">
          {loading || !fresh ? 'Searching…' : 'Nothing found.'}
        </p>
      ) : (
        <ul class="search-results__list" aria-label="Search results">
          {results.map((result) => (
            <li key={`${result.conversation.id}|${result.messageId ?? ''}`}>
              <ResultRow result={result} />
            </li>
          ))}
        </ul>
      )}
      {state.nextCursor.value !== null && (
        <button
          type="button"
          class="button button--small button--quiet search-results__more"
          disabled={loading}
          onClick={() => void search(state.query.value, true)}
          data-testid="op-search-more"
        >
          {loading ? 'Loading…' : 'More results'}
        </button>
      )}
    </div>
  );
}

function ResultRow({ result }: { result: SearchResult }) {
  const note = result.visibility === 'operator';
  return (
    <button
      type="button"
      class="search-result"
      onClick={() => openSearchResult(result.conversation.id, result.seq)}
      data-testid="op-search-result"
      data-conversation-id={result.conversation.id}
    >
      <span class="search-result__top">
        <span class="search-result__name">{visitorLabel(result.conversation.visitor)}</span>
        <RelativeTime class="search-result__time" iso={result.createdAt} />
      </span>
      <span class="search-result__snippet" data-testid="op-search-snippet">
        {note && <span class="tag tag--note">Note</span>}
        {result.conversation.status === 'closed' && <span class="tag tag--resolved">Resolved</span>}
        {snippetParts(result.snippet, result.highlights).map((part, index) =>
          part.marked ? <mark key={index}>{part.text}</mark> : part.text,
        )}
      </span>
    </button>
  );
}
