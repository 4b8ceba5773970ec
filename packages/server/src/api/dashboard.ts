import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ASSETS } from '../paths.js';
import type { Api } from './context.js';

/** Where `npm run build` (run by `npm install`) puts the dashboard. */
export const DASHBOARD_DIST = ASSETS.dashboard + '/';

const NOT_PAGES = /^\/(api|health|metrics|records|\.well-known|assets|docs)(\/|$)/;

/**
 * Serves the built dashboard (operator UI at /, customer portal at /portal) from this server:
 * hashed assets cached for a year, pages never cached, each in the encoding the browser accepts.
 * Returns the fallback that answers page routes with index.html.
 */
export async function serveDashboard(app: Api, dist = DASHBOARD_DIST): Promise<(req: FastifyRequest, reply: FastifyReply) => boolean> {
  const built = existsSync(`${dist}index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each text file (dashboard/vite.config.ts).
      preCompressed: true,
      // Source maps would publish the dashboard's sources; the build makes none, and none is served.
      allowedPath: (path: string) => !path.endsWith('.map'),
      setHeaders(res, path) {
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (req.method !== 'GET' || NOT_PAGES.test(path)) return false;
    if (!built) {
      void reply.code(503).type('text/plain; charset=utf-8').send('The dashboard is not built. Run `npm run build` (npm install does it) and restart Herald.');
      return true;
    }
    // The customer portal is made to be embedded in the tenant's own app (an iframe); the
    // operator dashboard never is.
    const frameAncestors = path === '/portal' || path.startsWith('/portal/') ? '*' : "'none'";
    if (frameAncestors === "'none'") void reply.header('x-frame-options', 'DENY');
    void reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', `default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; frame-ancestors ${frameAncestors}`)
      .sendFile('index.html');
    return true;
  };
}
