// Query strings validated at the edge: a parameter given twice is refused by name, not read as a list.

import type { z } from '@livechat/protocol/validate';
import { AppError } from '../errors.ts';
import { parseBody } from './errors.ts';

/** Fastify hands a repeated parameter over as an array; no route here takes one. */
export function refuseRepeated(query: unknown): void {
  if (typeof query !== 'object' || query === null) return;
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value))
      throw new AppError('bad_request', `the query parameter "${name}" is given more than once`);
  }
}

export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  refuseRepeated(query);
  return parseBody(schema, query);
}
