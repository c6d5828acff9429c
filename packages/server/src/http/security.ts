// Security headers: strict for the operator UI and the API, open to other origins for what websites embed.

import type { IncomingMessage } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

type Policy = NonNullable<Parameters<FastifyReply['helmet']>[0]>;

const HOST = /^[A-Za-z0-9.:[\]-]+$/;

/**
 * The operator UI's socket: `'self'` covers ws: and wss: on the same host only in recent browsers,
 * so the socket's own origin is named too (from PUBLIC_URL, else from the request's Host).
 */
function socketOrigin(publicUrl: string | null) {
  return (request: IncomingMessage): string => {
    if (publicUrl) return publicUrl.replace(/^http/, 'ws');
    const host = request.headers.host ?? '';
    return HOST.test(host) ? `ws://${host}` : "'self'";
  };
}

function strict(publicUrl: string | null): Policy {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // blob: for the previews of images being attached, drawn from the operator's (or visitor's) own copy.
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", socketOrigin(publicUrl)],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS binds the whole host for a year: the TLS proxy in front decides that, not this server.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    // The same as frame-ancestors 'none', for browsers that predate it.
    xFrameOptions: { action: 'deny' },
  };
}

/** Widget files run inside other sites' pages: no page policy of ours, and loadable from anywhere. */
const EMBEDDED: Policy = {
  contentSecurityPolicy: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginOpenerPolicy: false,
  xFrameOptions: false,
};

/** The visitor API answers the widget on other origins (CORS decides who reads it). */
const VISITOR_API: Policy = { crossOriginResourcePolicy: { policy: 'cross-origin' } };

/** The demo website is a stand-in for an owner's page: the widget's styles go into its shadow root. */
function demoPage(publicUrl: string | null): Policy {
  const base = strict(publicUrl);
  const csp = base.contentSecurityPolicy;
  if (typeof csp !== 'object') return base;
  return {
    ...base,
    contentSecurityPolicy: { ...csp, directives: { ...csp.directives, styleSrc: ["'self'", "'unsafe-inline'"] } },
  };
}

export function policyFor(path: string, demo: boolean, publicUrl: string | null): Policy {
  if (path === '/widget.js' || path.startsWith('/widget/')) return EMBEDDED;
  // Attached files are shown by the widget's <img> on the site's page.
  if (path.startsWith('/api/sites/') || path.startsWith('/api/files/') || path.startsWith('/ws/visitor')) {
    return VISITOR_API;
  }
  const ours = ['/api/', '/ws/', '/operator'].some((prefix) => path.startsWith(prefix));
  if (demo && !ours) return demoPage(publicUrl);
  return {};
}

export async function securityHeaders(app: FastifyInstance): Promise<void> {
  const { demo, publicUrl } = app.config;
  // Not global: one hook picks the policy by path, including for @fastify/static's routes.
  await app.register(fastifyHelmet, { global: false, ...strict(publicUrl) });
  app.addHook('onRequest', async (request, reply) => {
    await reply.helmet(policyFor(request.url.split('?')[0] ?? '/', demo, publicUrl));
  });
}
