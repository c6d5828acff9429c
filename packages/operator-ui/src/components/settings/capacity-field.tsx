// An operator's capacity in Settings → Team: how many open conversations the queue hands them at most.

import { useState } from 'preact/hooks';

export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 50;
/** What the server gives an operator nobody set a capacity for. */
export const DEFAULT_CAPACITY = 5;

/** A whole number in range, or null for anything the server would refuse. */
export function parseCapacity(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= CAPACITY_MIN && value <= CAPACITY_MAX ? value : null;
}

export function CapacityField({
  name,
  capacity,
  busy,
  onSave,
}: {
  name: string;
  capacity: number;
  busy: boolean;
  onSave: (capacity: number) => void;
}) {
  const [typed, setTyped] = useState(String(capacity));
  const parsed = parseCapacity(typed);

  function commit() {
    if (parsed === null) {
      setTyped(String(capacity));
      return;
    }
    if (parsed !== capacity) onSave(parsed);
  }

  return (
    <label class="member__capacity" title="Open conversations the queue hands them at most">
      <span class="member__capacity-label">Capacity</span>
      <span class="visually-hidden"> of {name}</span>
      <input
        class="field__input member__capacity-input"
        type="number"
        inputMode="numeric"
        min={CAPACITY_MIN}
        max={CAPACITY_MAX}
        value={typed}
        disabled={busy}
        aria-invalid={parsed === null}
        onInput={(event) => setTyped(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
        data-testid="op-operator-capacity"
      />
    </label>
  );
}
