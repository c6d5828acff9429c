// Serves the built widget, the operator UI and (in demo mode) the demo website.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

const root = (relative: string) => fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));
export const WIDGET_DIST = root('packages/widget/dist');
export const OPERATOR_UI_DIST = root('packages/operator-ui/dist');
export const DEMO_SITE = root('examples/demo-site');

function missingBuild(app: FastifyInstance, prefix: string, what: string): void {
  app.get(`${prefix}*`, async () => {
    throw new AppError('not_found', `${what} is not built: run \`npm run build\` first`);
  });
}

export async function staticRoutes(app: FastifyInstance): Promise<void> {
  if (existsSync(`${WIDGET_DIST}/widget.js`)) {
    // The loader keeps its URL forever, so it is cached briefly; the UI it imports comes cross-origin.
    await app.register(fastifyStatic, {
      root: `${WIDGET_DIST}/widget`,
      prefix: '/widget/',
      decorateReply: true,
      index: false,
      setHeaders: (res) => {
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('cache-control', 'public, max-age=300');
      },
    });
    app.get('/widget.js', (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').sendFile('widget.js', WIDGET_DIST),
    );
  } else {
    missingBuild(app, '/widget', 'the widget');
  }

  if (existsSync(`${OPERATOR_UI_DIST}/index.html`)) {
    await app.register(fastifyStatic, {
      root: OPERATOR_UI_DIST,
      prefix: '/operator/',
      decorateReply: false,
      setHeaders: (res, path) => {
        const hashed = path.includes('/assets/');
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/operator', (_request, reply) => reply.redirect('/operator/'));
  } else {
    missingBuild(app, '/operator', 'the operator UI');
  }

  if (app.config.demo) {
    await app.register(fastifyStatic, {
      root: DEMO_SITE,
      prefix: '/',
      decorateReply: false,
      extensions: ['html'],
    });
  }
}
