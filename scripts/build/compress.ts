// Brotli and gzip copies beside each compressible file, made once at build time instead of per request.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.map', '.txt']);

export function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const relativePath = prefix ? `${prefix}/${name}` : name;
    return statSync(path).isDirectory() ? filesUnder(path, relativePath) : [relativePath];
  });
}

/** Writes NAME.br and NAME.gz where they are smaller than NAME; the server sends them by Accept-Encoding. */
export function precompress(dir: string): string[] {
  const written: string[] = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const bytes = readFileSync(join(dir, file));
    const variants: Array<[string, Buffer]> = [
      [
        '.br',
        brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        }),
      ],
      ['.gz', gzipSync(bytes, { level: 9 })],
    ];
    for (const [extension, compressed] of variants) {
      if (compressed.byteLength >= bytes.byteLength) continue;
      writeFileSync(join(dir, file + extension), compressed);
      written.push(file + extension);
    }
  }
  return written;
}
