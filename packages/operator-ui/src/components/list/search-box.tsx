// The list header's search field: results follow the typing after a short pause; Esc clears.

import { useEffect, useState } from 'preact/hooks';
import { search } from '../../state/inbox-live.ts';
import { workspace } from '../../state/live.ts';

/** Long enough not to ask on every keystroke, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 250;

export function SearchBox() {
  const [typed, setTyped] = useState(workspace.search.query.value);

  useEffect(() => {
    if (typed.trim() === '') {
      if (workspace.search.query.value !== '') void search('');
      return;
    }
    const timer = setTimeout(() => void search(typed), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  return (
    <div class="list-search" role="search">
      <label class="visually-hidden" for="conversation-search">
        Search conversations
      </label>
      <input
        id="conversation-search"
        class="field__input list-search__input"
        type="search"
        placeholder="Search messages, notes, visitors…"
        autocomplete="off"
        value={typed}
        onInput={(event) => setTyped(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setTyped('');
        }}
        data-testid="op-search"
      />
    </div>
  );
}
