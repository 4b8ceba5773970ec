import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../errors.js';
import { installRateLimits } from '../../limits/rate-limits.js';
import type { makeAuth } from '../auth.js';
import type { Api, ApiContext } from '../context.js';
import { installSvixErrors } from './errors.js';
import { messageRoutes } from './messages.js';
import { nativeCaller } from './native.js';
import { resourceRoutes } from './resources.js';

export const SVIX_PREFIX = '/svix';

/**
 * Svix's API (`/api/v1/…`, camelCase, its pagination and error bodies) under /svix, so its
 * official SDKs work with `serverUrl: "<herald>/svix"`. A thin adapter: reads come from the
 * store through the native presenters, writes are the native routes themselves (native.ts).
 * Svix's SDKs send API keys only, so no cookie session is accepted here.
 */
export async function svixRoutes(root: FastifyInstance, ctx: ApiContext, auth: ReturnType<typeof makeAuth>): Promise<void> {
  await root.register(
    async (svix) => {
      installSvixErrors(svix);
      // Svix documents this surface (its own OpenAPI); Herald's document describes the native API.
      svix.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, hide: true };
      });
      svix.get('/api/v1/health', async (_req, reply) => {
        await ctx.store.ping();
        return reply.code(204).send();
      });
      await svix.register(async (tenant) => {
        tenant.addHook('onRequest', async (req: FastifyRequest) => {
          if (!/^Bearer\s+\S+$/i.test(req.headers.authorization ?? '')) {
            throw new HttpProblem(401, 'Unauthorized', 'Send your Herald API key as "Authorization: Bearer hk_test_…" (the token of a Svix SDK)', undefined, { headers: { 'www-authenticate': 'Bearer' } });
          }
        });
        tenant.addHook('onRequest', auth.requireApiKey);
        tenant.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
          req.native = nativeCaller(root, req, reply, ctx.tracing.traceparentOf);
        });
        // Each request spends the rate limit once: reads here, writes in the native route they call.
        tenant.addHook('onRoute', (route) => {
          if (route.method !== 'GET' && route.method !== 'HEAD') route.config = { ...(route.config as object), rateLimit: false } as typeof route.config;
        });
        await installRateLimits(tenant, ctx.counters, ctx.limits);
        resourceRoutes(tenant as Api, ctx);
        messageRoutes(tenant as Api, ctx);
      }, { prefix: '/api/v1' });
    },
    { prefix: SVIX_PREFIX },
  );
}
