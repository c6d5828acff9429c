// Conversation search: the query, its pages of results, and how a snippet splits into marked and plain text.

import { batch, signal } from '@preact/signals';
import type { SearchResult, SearchResultPage } from '@livechat/protocol';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * The snippet as plain and marked runs, from `[start, end)` offsets. Offsets out of range, empty or
 * overlapping ones are clipped or skipped, so a bad offset never loses text.
 */
export function snippetParts(snippet: string, highlights: ReadonlyArray<readonly [number, number]>): SnippetPart[] {
  const ranges = [...highlights]
    .map(([start, end]) => [Math.max(0, Math.min(start, snippet.length)), Math.max(0, Math.min(end, snippet.length))])
    .filter(([start, end]) => (end ?? 0) > (start ?? 0))
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start = 0, end = 0] of ranges) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    if (from > at) parts.push({ text: snippet.slice(at, from), marked: false });
    parts.push({ text: snippet.slice(from, end), marked: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts;
}

/** Newest first, as the server sends them; a later page never repeats a message already shown. */
export function mergeResults(current: readonly SearchResult[], incoming: readonly SearchResult[]): SearchResult[] {
  const key = (result: SearchResult) => `${result.conversation.id}|${result.messageId ?? ''}`;
  const seen = new Set(current.map(key));
  return [...current, ...incoming.filter((result) => !seen.has(key(result)))];
}

export class SearchState {
  /** What the operator typed; empty means the list shows views, not results. */
  readonly query = signal('');
  readonly results = signal<readonly SearchResult[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** The query the results answer, so a slow answer to an older query is dropped. */
  private answered = '';

  begin(query: string): void {
    batch(() => {
      this.query.value = query;
      this.loading.value = query.trim() !== '';
      this.error.value = null;
      if (query.trim() === '') {
        this.results.value = [];
        this.nextCursor.value = null;
      }
    });
  }

  addPage(query: string, page: SearchResultPage, first: boolean): void {
    if (query !== this.query.value) return;
    batch(() => {
      this.results.value = first ? page.results : mergeResults(this.results.value, page.results);
      this.nextCursor.value = page.nextCursor;
      this.loading.value = false;
      this.answered = query;
    });
  }

  fail(query: string, message: string): void {
    if (query !== this.query.value) return;
    batch(() => {
      this.error.value = message;
      this.loading.value = false;
    });
  }

  /** Whether the results shown answer what is typed now. */
  current(): boolean {
    return this.answered === this.query.value;
  }

  reset(): void {
    this.begin('');
    this.answered = '';
  }
}
