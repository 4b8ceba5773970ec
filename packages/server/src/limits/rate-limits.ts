import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem, tooManyRequests } from '../errors.js';
import type { WindowCounters } from './counters.js';
import type { TenantLimitsSource } from './tenant-limits.js';

const WINDOW_MS = 1000;

/** Which per-second budget a tenant request spends: publishing, or everything else. */
export function rateCategory(req: FastifyRequest): 'publish' | 'api' {
  return req.method === 'POST' && PUBLISH_ROUTES.has(req.routeOptions.url ?? '') ? 'publish' : 'api';
}

const PUBLISH_ROUTES = new Set(['/api/v1/app/:app/msg', '/api/v1/app/:app/msg/batch']);

/** The window a request spends from. A portal link spends a budget of its own: a tenant's customer cannot use up the tenant's. */
const rateKey = (req: FastifyRequest) =>
  `rate:${req.scope.tenant_id}:${req.scope.environment}:${req.session?.kind === 'portal' ? `portal:${req.session.link_id}` : rateCategory(req)}`;

/**
 * A bulk publish is one request but many publishes: the rest of its messages (the request itself
 * was counted on arrival) spend the same per-second budget, and past it the request is refused whole.
 */
export async function spendExtraPublishes(counters: WindowCounters, limits: TenantLimitsSource, req: FastifyRequest, extra: number): Promise<void> {
  if (extra <= 0) return;
  const max = (await limits.for(req.scope.tenant_id)).publish_per_second;
  const { count, resetAt } = counters.hit(rateKey(req), WINDOW_MS, extra);
  if (count > max) {
    const retry = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
    throw tooManyRequests(`This environment may publish ${max} messages per second; this batch would make ${count} in the current second; retry after ${retry} s`, retry);
  }
}

/**
 * A @fastify/rate-limit store over Herald's window counters, so limits hold across processes on
 * PostgreSQL (see counters.ts) and exactly in SQLite's one process.
 */
function counterStore(counters: WindowCounters) {
  return class HeraldRateLimitStore {
    incr(key: string, cb: (err: Error | null, res: { current: number; ttl: number }) => void, timeWindow: number): void {
      const { count, resetAt } = counters.hit(key, timeWindow);
      cb(null, { current: count, ttl: resetAt - Date.now() });
    }
    read(key: string, cb: (err: Error | null, res: { current: number; ttl: number }) => void, timeWindow: number): void {
      const { count, resetAt } = counters.peek(key, timeWindow);
      cb(null, { current: count, ttl: resetAt - Date.now() });
    }
    child(): this {
      return this;
    }
  };
}

/**
 * Per-environment request limits on the tenant API (register after the API-key hook: the key
 * is the authenticated scope); each portal link has its own budget of `api_per_second`. Over
 * the limit: 429 problem with Retry-After; every response carries the draft-standard
 * RateLimit-Limit / -Remaining / -Reset headers.
 */
export async function installRateLimits(scope: FastifyInstance, counters: WindowCounters, limits: TenantLimitsSource): Promise<void> {
  await scope.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: WINDOW_MS,
    enableDraftSpec: true,
    store: counterStore(counters) as never,
    keyGenerator: rateKey,
    max: async (req) => {
      const l = await limits.for(req.scope.tenant_id);
      return rateCategory(req) === 'publish' ? l.publish_per_second : l.api_per_second;
    },
    errorResponseBuilder: (req, context): HttpProblem => {
      const what = rateCategory(req) === 'publish' ? 'publish requests' : 'API requests';
      const problem = tooManyRequests(`This environment may make ${context.max} ${what} per second; retry after ${Math.ceil(context.ttl / 1000)} s`, Math.ceil(context.ttl / 1000));
      return Object.assign(problem, { statusCode: 429 });
    },
  });
}

/**
 * Failed credentials (admin token, API key, portal link, download token) per client address:
 * past `max` in a window, every credential from that address is refused until the window ends,
 * right or wrong, so guessing stays as slow as the limit.
 */
export function makeCredentialThrottle(counters: WindowCounters, max: number, windowMs: number) {
  const key = (req: FastifyRequest) => `authfail:${req.ip}`;
  return {
    check(req: FastifyRequest): void {
      const { count, resetAt } = counters.peek(key(req), windowMs);
      if (count >= max) {
        throw tooManyRequests(`Too many failed credentials from this address; retry after ${Math.ceil((resetAt - Date.now()) / 1000)} s`, Math.ceil((resetAt - Date.now()) / 1000));
      }
    },
    failed(req: FastifyRequest): void {
      counters.hit(key(req), windowMs);
    },
    /** Runs a credential check: refused at once when throttled; a 401 it throws counts as a failure. */
    async guard<T>(req: FastifyRequest, check: () => Promise<T>): Promise<T> {
      this.check(req);
      try {
        return await check();
      } catch (err) {
        if (err instanceof HttpProblem && err.status === 401) this.failed(req);
        throw err;
      }
    },
  };
}
export type CredentialThrottle = ReturnType<typeof makeCredentialThrottle>;
