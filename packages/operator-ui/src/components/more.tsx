// "Show more" for record lists: the pages fetched after the first, and the button that asks for them.

import { useState } from 'preact/hooks';
import { errorText, workspace } from '../state/live.ts';

/** Rows fetched beyond the first page; `reset` when the list's query changes. */
export function useMore<T>(fetchFrom: (offset: number) => Promise<T[]>) {
  const [extra, setExtra] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);

  async function more(offset: number) {
    setLoading(true);
    try {
      const rows = await fetchFrom(offset);
      setExtra((current) => [...current, ...rows]);
    } catch (error) {
      workspace.alert.value = `More could not be loaded: ${errorText(error)}`;
    } finally {
      setLoading(false);
    }
  }

  return { extra, loading, more, reset: () => setExtra([]) };
}

export function ShowMore({
  shown,
  total,
  loading,
  onMore,
}: {
  shown: number;
  total: number;
  loading: boolean;
  onMore: (offset: number) => void;
}) {
  if (shown >= total) return null;
  return (
    <button type="button" class="button" disabled={loading} onClick={() => onMore(shown)}>
      {loading ? 'Loading…' : `Show more (${total - shown} left)`}
    </button>
  );
}
