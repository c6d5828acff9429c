// Serves the built widget, the operator UI and (in demo mode) the demo website.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { DEMO_SITE } from '../paths.ts';
import { operatorCacheControl, REVALIDATE, widgetCacheControl } from './cache.ts';

/** Pages of the operator UI that one-time links open; the UI reads the token from the URL's hash. */
export const OPERATOR_LINK_PAGES = ['/operator/setup', '/operator/accept'];

function missingBuild(app: FastifyInstance, prefix: string, what: string): void {
  app.get(`${prefix}*`, async () => {
    throw new AppError('not_found', `${what} is not built: run \`npm run build\` first`);
  });
}

/** Headers of every built file, decided by the folder it was served from. */
function headersFor(widgetDir: string, operatorDir: string) {
  return (res: SetHeadersResponse, path: string): void => {
    if (path.startsWith(widgetDir)) {
      // Pages of any origin import the widget's modules, which needs CORS.
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('cache-control', widgetCacheControl(path));
    } else if (path.startsWith(operatorDir)) {
      res.setHeader('cache-control', operatorCacheControl(path));
    } else {
      res.setHeader('cache-control', REVALIDATE);
    }
    // The same URL answers brotli, gzip or plain bytes: shared caches must keep them apart.
    res.setHeader('vary', 'accept-encoding');
  };
}

export async function staticRoutes(app: FastifyInstance): Promise<void> {
  const widgetDir = join(app.config.publicDir, 'widget');
  const operatorDir = join(app.config.publicDir, 'operator');
  const shared = {
    preCompressed: true,
    // The release's bookkeeping (.own-files.json) is not for browsers.
    dotfiles: 'ignore' as const,
    // Cache-Control is ours (headersFor), per file.
    cacheControl: false,
    setHeaders: headersFor(`${widgetDir}/`, `${operatorDir}/`),
  };
  // reply.sendFile for the single files below, with the same encodings and headers.
  await app.register(fastifyStatic, { ...shared, serve: false, decorateReply: true });

  if (existsSync(join(widgetDir, 'widget.js'))) {
    await app.register(fastifyStatic, {
      ...shared,
      root: join(widgetDir, 'widget'),
      prefix: '/widget/',
      decorateReply: false,
      index: false,
    });
    app.get('/widget.js', (_request, reply) => reply.sendFile('widget.js', widgetDir));
  } else {
    missingBuild(app, '/widget', 'the widget');
  }

  if (existsSync(join(operatorDir, 'index.html'))) {
    await app.register(fastifyStatic, { ...shared, root: operatorDir, prefix: '/operator/', decorateReply: false });
    app.get('/operator', (_request, reply) => reply.redirect('/operator/'));
    for (const page of OPERATOR_LINK_PAGES) {
      app.get(page, (_request, reply) => reply.sendFile('index.html', operatorDir));
    }
  } else {
    missingBuild(app, '/operator', 'the operator UI');
  }

  if (app.config.demo) {
    await app.register(fastifyStatic, {
      ...shared,
      root: DEMO_SITE,
      prefix: '/',
      decorateReply: false,
      extensions: ['html'],
    });
  } else {
    // Without the demo website, the server's own address is where operators sign in.
    app.get('/', (_request, reply) => reply.redirect('/operator/'));
  }
}
