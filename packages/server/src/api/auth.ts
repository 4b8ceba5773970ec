import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, tokensEqual } from '../crypto/tokens.js';
import { HttpProblem, notFound } from '../errors.js';
import type { CredentialThrottle } from '../limits/rate-limits.js';
import type { Scope, Store } from '../store/types.js';
import type { LookupCache, Lookups } from './lookup-cache.js';
import { portalMayCall } from './portal-scope.js';
import { carriesCsrf, CSRF_HEADER, type Session, type Sessions } from './session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the API-key hook: every tenant route reads and writes only inside it. */
    scope: Scope;
    /** Set when the request was authenticated by a browser session rather than a bearer token. */
    session: Session | null;
    /** The scope's applications and event types, cached while unchanged (lookup-cache.ts). */
    lookups: Lookups;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^Bearer\s+(\S+)$/i;

const API_KEY = /^hk_(test|live)_[A-Za-z0-9_-]{1,200}$/;

/** The live API key a token is, or null (malformed, unknown or revoked). */
export async function lookupApiKey(store: Store, token: string) {
  return API_KEY.test(token) ? store.findApiKey(hashToken(token)) : null;
}

const unauthorized = (detail: string) => new HttpProblem(401, 'Unauthorized', detail, undefined, { headers: { 'www-authenticate': 'Bearer' } });
const noRoute = (req: FastifyRequest) => new HttpProblem(404, 'Not Found', `No route for ${req.method} ${req.url.split('?')[0]}`);

export function makeAuth(store: Store, cache: LookupCache, adminToken: string, sessions: Sessions, throttle: CredentialThrottle) {
  /**
   * A bearer token; a portal token (`Authorization: Portal <token>`, what the embeddable portal
   * sends: no cookie, so it works inside a third-party iframe and needs no CSRF token); or the
   * browser session (with its CSRF token on unsafe methods).
   */
  async function credential(req: FastifyRequest): Promise<{ token: string } | { session: Session }> {
    const now = Date.now();
    const portal = await sessions.fromPortalHeader(req, now);
    if (portal) {
      req.session = portal;
      return { session: portal };
    }
    const header = req.headers.authorization;
    if (header) {
      const match = header.match(BEARER);
      if (!match) throw unauthorized('Send your API key as "Authorization: Bearer hk_test_…" or "hk_live_…"');
      return { token: match[1]! };
    }
    const session = await sessions.read(req, now);
    if (!session) throw unauthorized('Send your API key as "Authorization: Bearer hk_test_…" or "hk_live_…", or sign in to the dashboard');
    if (UNSAFE.has(req.method) && !carriesCsrf(req, session)) {
      throw new HttpProblem(403, 'Forbidden', `This request came with a dashboard session but without its CSRF token; send it in the ${CSRF_HEADER} header`);
    }
    req.session = session;
    return { session };
  }

  async function authenticateKey(req: FastifyRequest, token: string): Promise<void> {
    const found = API_KEY.test(token) ? await cache.key(hashToken(token)) : null;
    if (!found) throw unauthorized('The API key is unknown or revoked');
    req.scope = { tenant_id: found.key.tenant_id, environment: found.key.environment };
    req.lookups = found.lookups;
  }

  /** Throttled addresses are refused before any credential is looked at; a 401 counts against the address. */
  const guarded = (check: (req: FastifyRequest, reply: FastifyReply) => Promise<void>) => (req: FastifyRequest, reply: FastifyReply) => throttle.guard(req, () => check(req, reply));

  /** Every later line of this request (its handler's, the response line) names the tenant and environment. */
  function logScope(req: FastifyRequest, reply: FastifyReply): void {
    const log = req.log.child({ tenant_id: req.scope.tenant_id, environment: req.scope.environment });
    req.log = log;
    reply.log = log;
  }

  /** The tenant and environment a request acts in: from its API key, or from its dashboard or portal session. */
  async function scopeOf(req: FastifyRequest): Promise<void> {
    const c = await credential(req);
    if ('token' in c) return authenticateKey(req, c.token);
    const s = c.session;
    if (s.kind === 'key') return authenticateKey(req, s.token);
    if (s.kind === 'portal') {
      if (!portalMayCall(req.method, req.routeOptions.url, req.params, s)) throw noRoute(req);
      req.scope = { tenant_id: s.tenant_id, environment: s.environment };
    } else {
      // The operator signed in with the admin token and picked a tenant and environment.
      const tenantId = req.headers['x-herald-tenant'];
      const environment = req.headers['x-herald-environment'] ?? 'test';
      if (typeof tenantId !== 'string' || tenantId.length > 64 || (environment !== 'test' && environment !== 'live')) {
        throw new HttpProblem(400, 'Bad Request', 'An admin session names the tenant and environment in the x-herald-tenant and x-herald-environment (test or live) headers');
      }
      if (!(await store.getTenant(tenantId))) throw notFound('Tenant', tenantId);
      req.scope = { tenant_id: tenantId, environment };
    }
    req.lookups = cache.direct(req.scope);
  }

  return {
    requireAdmin: guarded(async (req) => {
      const c = await credential(req);
      const ok = 'token' in c ? tokensEqual(c.token, adminToken) : c.session.kind === 'admin';
      if (!ok) throw unauthorized('This route needs the admin token (HERALD_ADMIN_TOKEN, printed at first start)');
    }),
    requireApiKey: guarded(async (req, reply) => {
      await scopeOf(req);
      logScope(req, reply);
    }),
  };
}
