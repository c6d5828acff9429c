// DATABASE_URL: unset keeps SQLite; a PostgreSQL URL is taken; anything else stops the start with a reason.

import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('DATABASE_URL', () => {
  it('unset or empty, the server keeps SQLite in its data folder', () => {
    expect(loadConfig({}, []).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: '' }, []).databaseUrl).toBeNull();
  });

  it('takes postgres:// and postgresql:// URLs as given', () => {
    const url = 'postgres://livechat:secret@db.internal:5432/livechat';
    expect(loadConfig({ DATABASE_URL: url }, []).databaseUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/livechat' }, []).databaseUrl).toBe('postgresql://db/livechat');
  });

  it('refuses another scheme, and what is no URL, before anything starts', () => {
    expect(() => loadConfig({ DATABASE_URL: 'sqlite:///var/lib/livechat.db' }, [])).toThrow(/postgres:\/\/.*sqlite:/);
    expect(() => loadConfig({ DATABASE_URL: 'db.internal:5432' }, [])).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' }, [])).toThrow(/must be a URL/);
  });
});
