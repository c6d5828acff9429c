// The one suggestion list for `/` commands, `:` canned responses and `@` mentions, above the composer.

import { useLayoutEffect, useRef } from 'preact/hooks';
import { type Suggestion, substitutionPreview } from './suggestions.ts';

const HEADINGS = { command: 'Commands', canned: 'Canned responses', mention: 'Mention an operator' } as const;

export function suggestionOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

export function SuggestionList({
  id,
  items,
  selected,
  onChoose,
  onHover,
}: {
  id: string;
  items: readonly Suggestion[];
  selected: number;
  onChoose: (index: number) => void;
  onHover: (index: number) => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const kind = items[0]?.kind ?? 'command';

  // Keyboard moves keep the chosen row visible inside the 8-row window.
  useLayoutEffect(() => {
    const row = list.current?.children[selected];
    if (row instanceof HTMLElement) row.scrollIntoView({ block: 'nearest' });
  }, [selected, items]);

  return (
    <div class="suggestions">
      <p class="suggestions__heading" id={`${id}-heading`}>
        {HEADINGS[kind]}
      </p>
      <ul
        class="suggestions__list"
        id={id}
        ref={list}
        role="listbox"
        aria-labelledby={`${id}-heading`}
        data-testid="op-suggestions"
      >
        {items.map((item, index) => (
          <li
            key={item.key}
            id={suggestionOptionId(id, index)}
            class="suggestion"
            role="option"
            aria-selected={index === selected}
            data-testid="op-suggestion"
            // Keeps the focus (and the cursor) in the textarea while clicking.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => {
              if (index !== selected) onHover(index);
            }}
            onClick={() => onChoose(index)}
          >
            <SuggestionRow item={item} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SuggestionRow({ item }: { item: Suggestion }) {
  switch (item.kind) {
    case 'command':
      return (
        <>
          <span class="suggestion__key">{item.command.usage}</span>
          <span class="suggestion__detail">{item.command.help}</span>
        </>
      );
    case 'canned':
      return (
        <>
          <span class="suggestion__key">:{item.response.shortcut}</span>
          <span class="suggestion__detail">{substitutionPreview(item.response.substitution)}</span>
        </>
      );
    case 'mention':
      return (
        <>
          <span class="suggestion__key">
            <span class={`presence${item.operator.online ? ' presence--online' : ''}`} aria-hidden="true" />
            {item.operator.name}
          </span>
          <span class="suggestion__detail">{item.operator.email}</span>
        </>
      );
  }
}
