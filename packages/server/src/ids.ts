// Server-minted identifiers and secrets.

import { createHash, randomBytes } from 'node:crypto';
import { nanoid } from 'nanoid';

/** A public identifier (21 url-safe characters, 126 random bits). */
export const newId = (): string => nanoid();

/** A bearer secret: 256 random bits, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored hashed, so a copy of the database does not hand out sessions. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const now = (): string => new Date().toISOString();
