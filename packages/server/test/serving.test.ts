// Serving the built files for real: compressed by Accept-Encoding, cached by content hash, with security headers.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/build/compress.ts';
import { createOperator, discard, loginCookie, SITE_ORIGIN, startServer, type TestServer } from './harness.ts';

/** A built widget and operator UI as the build lays them out, with files big enough to be worth compressing. */
const FILES: Record<string, string> = {
  'widget/widget.js': `(()=>{${'/* loader */ var a = 1;\n'.repeat(80)}})();`,
  'widget/widget/core-Dq3k9xZa.js': `export const core = ${JSON.stringify('chat core '.repeat(300))};`,
  'operator/index.html': `<!doctype html><html><head><script type="module" src="/operator/assets/index-B7xQ2m1p.js"></script></head><body>${'<p>operator</p>'.repeat(40)}</body></html>`,
  'operator/assets/index-B7xQ2m1p.js': `console.log(${JSON.stringify('operator ui '.repeat(300))});`,
};

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body is left as sent (fetch would decompress it): the test checks the bytes themselves. */
function raw(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

let server: TestServer;
let publicDir: string;
beforeAll(async () => {
  publicDir = mkdtempSync(join(tmpdir(), 'livechat-public-'));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(publicDir, path)), { recursive: true });
    writeFileSync(join(publicDir, path), content);
  }
  precompress(join(publicDir, 'widget'));
  precompress(join(publicDir, 'operator'));
  server = await startServer({ publicDir });
});
afterAll(async () => {
  await discard(server);
  rmSync(publicDir, { recursive: true, force: true });
});

describe('compression chosen by Accept-Encoding', () => {
  const original = (path: string) => Buffer.from(FILES[path] ?? '');

  it('sends brotli to a browser that accepts it, and the bytes decompress to the file', async () => {
    const response = await raw(`${server.url}/widget/core-Dq3k9xZa.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.body.byteLength).toBeLessThan(original('widget/widget/core-Dq3k9xZa.js').byteLength);
    expect(brotliDecompressSync(response.body).equals(original('widget/widget/core-Dq3k9xZa.js'))).toBe(true);
  });

  it('sends gzip when only gzip is accepted', async () => {
    const response = await raw(`${server.url}/operator/assets/index-B7xQ2m1p.js`, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).equals(original('operator/assets/index-B7xQ2m1p.js'))).toBe(true);
  });

  it('sends the plain file when nothing is accepted', async () => {
    const response = await raw(`${server.url}/widget.js`);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.equals(original('widget/widget.js'))).toBe(true);
  });

  it('compresses the operator UI page, at its own URL and at the one-time links', async () => {
    for (const path of ['/operator/', '/operator/setup', '/operator/accept']) {
      const response = await raw(`${server.url}${path}`, { 'accept-encoding': 'br' });
      expect(response.status, path).toBe(200);
      expect(response.headers['content-encoding'], path).toBe('br');
      expect(response.headers['content-type'], path).toMatch(/text\/html/);
      expect(brotliDecompressSync(response.body).equals(original('operator/index.html')), path).toBe(true);
    }
  });
});

describe('cache headers', () => {
  it('caches content-hashed chunks for a year, as immutable', async () => {
    for (const path of ['/widget/core-Dq3k9xZa.js', '/operator/assets/index-B7xQ2m1p.js']) {
      const response = await raw(`${server.url}${path}`, { 'accept-encoding': 'br' });
      expect(response.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    }
  });

  it('keeps widget.js for minutes, with an ETag that answers 304', async () => {
    const first = await raw(`${server.url}/widget.js`, { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await raw(`${server.url}/widget.js`, { 'accept-encoding': 'br', 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    const changed = await raw(`${server.url}/widget.js`, { 'accept-encoding': 'br', 'if-none-match': 'W/"other"' });
    expect(changed.status).toBe(200);
  });

  it('makes the browser revalidate the operator UI page at every load', async () => {
    for (const path of ['/operator/', '/operator/setup', '/operator/accept']) {
      expect((await raw(`${server.url}${path}`)).headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('sends the server’s own address to the operator UI when there is no demo website', async () => {
    const root = await raw(`${server.url}/`);
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/operator/');
  });

  it('does not serve the release bookkeeping', async () => {
    writeFileSync(join(publicDir, 'operator', '.own-files.json'), '[]');
    expect((await raw(`${server.url}/operator/.own-files.json`)).status).toBe(404);
  });
});

describe('security headers', () => {
  const strictChecks = (headers: IncomingHttpHeaders, what: string) => {
    const csp = String(headers['content-security-policy']);
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toContain("script-src 'self'");
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['referrer-policy'], what).toBe('no-referrer');
    expect(headers['x-frame-options'], what).toBe('DENY');
  };

  it('sends a strict policy with the operator UI', async () => {
    strictChecks((await raw(`${server.url}/operator/`)).headers, '/operator/');
    strictChecks((await raw(`${server.url}/operator/setup`)).headers, '/operator/setup');
  });

  it('sends a strict policy with the API, signed in or not', async () => {
    const alice = await createOperator(server, 'Alice', 'admin');
    const cookie = await loginCookie(server, alice.email);
    const me = await raw(`${server.url}/api/operator/me`, { cookie });
    expect(me.status).toBe(200);
    strictChecks(me.headers, 'me');
    strictChecks((await raw(`${server.url}/api/operator/me`)).headers, 'me, signed out');
  });

  it('lets any origin load the widget, with nosniff and no page policy of ours', async () => {
    for (const path of ['/widget.js', '/widget/core-Dq3k9xZa.js']) {
      const { headers } = await raw(`${server.url}${path}`, { origin: SITE_ORIGIN });
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['access-control-allow-origin'], path).toBe('*');
      expect(headers['cross-origin-resource-policy'], path).toBe('cross-origin');
      expect(headers['content-security-policy'], path).toBeUndefined();
      expect(headers['x-frame-options'], path).toBeUndefined();
    }
  });

  it('lets the widget call the visitor API from the site', async () => {
    const response = await fetch(`${server.url}/api/sites/shop/visitors`, {
      method: 'POST',
      headers: { origin: SITE_ORIGIN },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBeNull();
  });
});

describe('logs', () => {
  /** The real entry point with its real logger, on a free port; resolves with what it wrote once requests were made. */
  async function logOf(level: string, paths: string[]): Promise<string> {
    const dataDir = mkdtempSync(join(tmpdir(), 'livechat-log-'));
    const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [join(import.meta.dirname, '..', 'src', 'main.ts')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: level, DEMO: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line in: ${output}`)), 15_000);
        child.stdout.on('data', () => {
          const match = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      for (const path of paths) await fetch(`http://127.0.0.1:${port}${path}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
    return output;
  }

  it('has no request lines at info, only start and stop', async () => {
    const output = await logOf('info', ['/api/operator/me', '/no-such-page?token=secret']);
    expect(output).toContain('live chat listening on');
    expect(output).toContain('live chat stopped');
    expect(output).not.toContain('/api/operator/me');
    expect(output).not.toContain('no-such-page');
    expect(output).not.toMatch(/incoming request|request completed/);
  });

  it('writes one line per request at debug, without the query string', async () => {
    const output = await logOf('debug', ['/api/operator/me?token=secret']);
    const lines = output.split('\n').filter((line) => line.includes('"url":"/api/operator/me"'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"status":401');
    expect(output).not.toContain('secret');
  });
});
