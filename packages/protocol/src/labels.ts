// How people are named on screen and in records when they have not given a name.

/** The visitor's name, or a short stable handle derived from their id. */
export function visitorLabel<T extends { id: string; name: string | null }>(visitor: T): string {
  const name = visitor.name?.trim();
  if (name) return name;
  const handle = visitor.id
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-4)
    .toUpperCase();
  return `Visitor #${handle || '????'}`;
}
