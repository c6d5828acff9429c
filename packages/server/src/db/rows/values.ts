// Column values both stores give in their own way, read one way: SQLite's 0/1 and JSON text, PostgreSQL's booleans and jsonb.

/** A true/false column: SQLite stores 0 or 1, PostgreSQL a boolean. */
export const flag = (value: number | boolean): boolean => value === true || value === 1;

/** A JSON column: SQLite gives its text, PostgreSQL's jsonb arrives parsed. */
export function json<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** A list of ids: SQLite's group_concat gives them comma-joined (NULL for none), PostgreSQL an array. */
export function idList(value: string | null | readonly string[]): string[] {
  if (value === null) return [];
  return typeof value === 'string' ? value.split(',') : [...value];
}
