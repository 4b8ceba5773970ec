import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, tokensEqual } from '../crypto/tokens.js';
import { HttpProblem, notFound } from '../errors.js';
import type { Scope, Store } from '../store/types.js';
import { CSRF_HEADER, type Session, type Sessions } from './session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the API-key hook: every tenant route reads and writes only inside it. */
    scope: Scope;
    /** Set when the request was authenticated by a browser session rather than a bearer token. */
    session: Session | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function unauthorized(reply: FastifyReply, detail: string): HttpProblem {
  void reply.header('www-authenticate', 'Bearer');
  return new HttpProblem(401, 'Unauthorized', detail);
}

/**
 * What a customer-portal session may reach: one application's endpoints, messages, deliveries
 * and attempts (and reading the application and the event catalogue). Everything else answers 404, as if absent.
 */
function portalAllows(method: string, url: string, appId: string): boolean {
  const path = url.split('?')[0]!;
  // The event catalogue (names, schemas, examples) is what customers subscribe to: readable.
  if (/^\/api\/v1\/event-type(\/[^/]+)?$/.test(path)) return method === 'GET';
  const base = `/api/v1/app/${appId}`;
  if (path === base || path === `${base}/`) return method === 'GET';
  return path.startsWith(`${base}/`) && /^\/(endpoint|msg|delivery|attempt)(\/|$)/.test(path.slice(base.length));
}

export function makeAuth(store: Store, adminToken: string, sessions: Sessions) {
  /**
   * A bearer token; a portal token (`Authorization: Portal <token>`, what the embeddable portal
   * sends: no cookie, so it works inside a third-party iframe and needs no CSRF token); or the
   * browser session (with its CSRF token on unsafe methods).
   */
  function credential(req: FastifyRequest, reply: FastifyReply): { token: string } | { session: Session } {
    const header = req.headers.authorization;
    const portal = sessions.fromPortalHeader(req, Date.now());
    if (portal) {
      req.session = portal;
      return { session: portal };
    }
    if (header) {
      const match = header.match(/^Bearer\s+(\S+)$/i);
      if (!match) throw unauthorized(reply, 'Send your API key as "Authorization: Bearer hk_test_…" or "hk_live_…"');
      return { token: match[1]! };
    }
    const session = sessions.read(req, Date.now());
    if (!session) throw unauthorized(reply, 'Send your API key as "Authorization: Bearer hk_test_…" or "hk_live_…", or sign in to the dashboard');
    if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== session.csrf) {
      throw new HttpProblem(403, 'Forbidden', `This request came with a dashboard session but without its CSRF token; send it in the ${CSRF_HEADER} header`);
    }
    req.session = session;
    return { session };
  }

  async function scopeOfKey(token: string, reply: FastifyReply): Promise<Scope> {
    const key = /^hk_(test|live)_/.test(token) ? await store.findApiKey(hashToken(token)) : null;
    if (!key) throw unauthorized(reply, 'The API key is unknown or revoked');
    return { tenant_id: key.tenant_id, environment: key.environment };
  }

  return {
    async requireAdmin(req: FastifyRequest, reply: FastifyReply) {
      const c = credential(req, reply);
      const ok = 'token' in c ? tokensEqual(c.token, adminToken) : c.session.kind === 'admin';
      if (!ok) throw unauthorized(reply, 'This route needs the admin token (HERALD_ADMIN_TOKEN, printed at first start)');
    },
    async requireApiKey(req: FastifyRequest, reply: FastifyReply) {
      const c = credential(req, reply);
      if ('token' in c) {
        req.scope = await scopeOfKey(c.token, reply);
        return;
      }
      const s = c.session;
      if (s.kind === 'key') {
        req.scope = await scopeOfKey(s.token, reply);
      } else if (s.kind === 'portal') {
        if (!portalAllows(req.method, req.url, s.app_id)) throw new HttpProblem(404, 'Not Found', `No route for ${req.method} ${req.url.split('?')[0]}`);
        req.scope = { tenant_id: s.tenant_id, environment: s.environment };
      } else {
        // The operator signed in with the admin token and picked a tenant and environment.
        const tenantId = req.headers['x-herald-tenant'];
        const environment = req.headers['x-herald-environment'] ?? 'test';
        if (typeof tenantId !== 'string' || (environment !== 'test' && environment !== 'live')) {
          throw new HttpProblem(400, 'Bad Request', 'An admin session names the tenant and environment in the x-herald-tenant and x-herald-environment (test or live) headers');
        }
        if (!(await store.getTenant(tenantId))) throw notFound('Tenant', tenantId);
        req.scope = { tenant_id: tenantId, environment };
      }
    },
  };
}
