// PostgresFileStorage against the FileStorage contract, on a real PostgreSQL cluster of its own.

import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFileStorage, SLICE_BYTES } from '../../src/db/postgres/files.ts';
import { migrate } from '../../src/db/postgres/migrate.ts';
import { fileStorageContract } from '../../src/files/storage.contract.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let server: PostgresServer;
let pool: pg.Pool;

beforeAll(async () => {
  server = await startPostgres();
  pool = new pg.Pool({ connectionString: server.url });
  await migrate(pool);
});

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const filesKept = async (): Promise<number> => {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM file_bytes');
  return rows[0]?.n ?? 0;
};

fileStorageContract('PostgresFileStorage', () => ({ storage: new PostgresFileStorage(pool), filesKept }));

describe('PostgresFileStorage', () => {
  it('gives back a file larger than one slice, byte for byte', async () => {
    const storage = new PostgresFileStorage(pool);
    const photo = randomBytes(SLICE_BYTES * 3 + 1234);
    const stored = await storage.put(Readable.from([photo.subarray(0, 1000), photo.subarray(1000)]));
    expect(stored).toEqual({ hash: createHash('sha256').update(photo).digest('hex'), size: photo.length });
    const back = await storage.get(stored.hash);
    expect(back && (await buffer(back)).equals(photo)).toBe(true);
  });

  it('gives an empty file back empty', async () => {
    const storage = new PostgresFileStorage(pool);
    const stored = await storage.put(Readable.from([Buffer.alloc(0)]));
    const back = await storage.get(stored.hash);
    expect(back && (await buffer(back)).length).toBe(0);
  });

  it('serves the bytes one node stored to another node on its own connections', async () => {
    const otherPool = new pg.Pool({ connectionString: server.url });
    try {
      const stored = await new PostgresFileStorage(pool).put(Readable.from([Buffer.from('a shared receipt')]));
      const back = await new PostgresFileStorage(otherPool).get(stored.hash);
      expect(back && (await buffer(back)).toString()).toBe('a shared receipt');
    } finally {
      await otherPool.end();
    }
  });

  it('lets two nodes store the same bytes at the same moment, keeping them once', async () => {
    const storage = new PostgresFileStorage(pool);
    const before = await filesKept();
    const bytes = randomBytes(5000);
    const [a, b] = await Promise.all([storage.put(Readable.from([bytes])), storage.put(Readable.from([bytes]))]);
    expect(a).toEqual(b);
    expect(await filesKept()).toBe(before + 1);
  });
});
