import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecretBox } from '../crypto/secret-box.js';
import { tokensEqual, type Environment } from '../crypto/tokens.js';
import { HttpProblem } from '../errors.js';
import { newId } from '../ids.js';
import type { PortalLinkRow, Store } from '../store/types.js';

/**
 * Browser sessions for the dashboard and the customer portal. The cookie is sealed (AES-GCM with
 * the master key) and names a session row in the store: signing out revokes the row, so a copied
 * cookie stops working too, in every process. Unsafe methods must repeat the session's CSRF token
 * in `x-csrf-token` (the token is also in a readable cookie for the page's script): a cross-site
 * form cannot read it. Portal links are sealed tokens naming a portal-link row, revocable the same way.
 */
export type Session =
  | { kind: 'admin'; sid: string; csrf: string; exp: number }
  | { kind: 'key'; sid: string; token: string; csrf: string; exp: number }
  | { kind: 'portal'; sid: string | null; link_id: string; tenant_id: string; environment: Environment; app_id: string; read_only: boolean; csrf: string; exp: number };

export const SESSION_COOKIE = 'herald_session';
export const CSRF_COOKIE = 'herald_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Whether the request repeats the session's CSRF token (compared in constant time, like every token). */
export function carriesCsrf(req: FastifyRequest, session: Session): boolean {
  const sent = req.headers[CSRF_HEADER];
  return typeof sent === 'string' && session.csrf !== '' && tokensEqual(sent, session.csrf);
}

type SessionInit =
  | { kind: 'admin' }
  | { kind: 'key'; token: string; tenant_id: string }
  | { kind: 'portal'; link: PortalLinkRow };

export interface Sessions {
  /** Stores a session and sets its cookies; returns it (its csrf token goes to the page). */
  issue(reply: FastifyReply, init: SessionInit, now: number): Promise<Session>;
  /** The request's cookie session, or null when it has none, or it expired, was revoked or tampered with. */
  read(req: FastifyRequest, now: number): Promise<Session | null>;
  clear(reply: FastifyReply): void;
  /** A sealed token for a stored portal link: the customer portal link carries it. */
  portalToken(link: PortalLinkRow): string;
  /** The live link a portal token names, or null (bad, expired or revoked). */
  openPortalToken(token: string, now: number): Promise<PortalLinkRow | null>;
  /**
   * The session carried by `Authorization: Portal <token>` (what the embeddable portal sends):
   * undefined when the request has no such header; throws 401 when the token is bad, expired or revoked.
   */
  fromPortalHeader(req: FastifyRequest, now: number): Promise<Session | undefined>;
}

const PORTAL_HEADER = /^Portal\s+(\S+)$/i;

export function makeSessions(box: SecretBox, store: Store, options: { ttlMs: number; secureCookies: () => boolean }): Sessions {
  const openJson = <T>(sealed: string | undefined): T | null => {
    if (!sealed || sealed.length > 4096) return null;
    try {
      return JSON.parse(box.open(sealed)) as T;
    } catch {
      return null;
    }
  };
  const cookieOptions = () => ({ path: '/', sameSite: 'strict' as const, secure: options.secureCookies() });
  const portalSession = (link: PortalLinkRow, sid: string | null, csrf: string, exp: number): Session => ({
    kind: 'portal', sid, link_id: link.id, tenant_id: link.tenant_id, environment: link.environment, app_id: link.app_id, read_only: link.read_only, csrf, exp,
  });

  return {
    async issue(reply, init, now) {
      const exp = Math.min(now + options.ttlMs, init.kind === 'portal' ? init.link.expires_at : Number.POSITIVE_INFINITY);
      const sid = newId('ses', now);
      const csrf = randomBytes(18).toString('base64url');
      await store.createSession({
        id: sid,
        kind: init.kind,
        tenant_id: init.kind === 'admin' ? null : init.kind === 'key' ? init.tenant_id : init.link.tenant_id,
        portal_link_id: init.kind === 'portal' ? init.link.id : null,
        created_at: now,
        expires_at: exp,
        revoked_at: null,
      });
      const session: Session =
        init.kind === 'portal' ? portalSession(init.link, sid, csrf, exp) : init.kind === 'key' ? { kind: 'key', sid, token: init.token, csrf, exp } : { kind: 'admin', sid, csrf, exp };
      const sealed = box.seal(JSON.stringify({ purpose: 'session', sid, csrf, exp, ...(init.kind === 'key' ? { token: init.token } : {}) }));
      const maxAge = Math.max(1, Math.floor((exp - now) / 1000));
      void reply.setCookie(SESSION_COOKIE, sealed, { ...cookieOptions(), httpOnly: true, maxAge });
      void reply.setCookie(CSRF_COOKIE, csrf, { ...cookieOptions(), httpOnly: false, maxAge });
      return session;
    },
    async read(req, now) {
      const c = openJson<{ purpose?: string; sid?: string; csrf?: string; exp?: number; token?: string }>(req.cookies[SESSION_COOKIE]);
      if (!c || c.purpose !== 'session' || typeof c.sid !== 'string' || typeof c.csrf !== 'string' || typeof c.exp !== 'number' || c.exp <= now) return null;
      const row = await store.getLiveSession(c.sid, now);
      if (!row) return null;
      if (row.kind === 'admin') return { kind: 'admin', sid: row.id, csrf: c.csrf, exp: row.expires_at };
      if (row.kind === 'key') return typeof c.token === 'string' ? { kind: 'key', sid: row.id, token: c.token, csrf: c.csrf, exp: row.expires_at } : null;
      const link = row.portal_link_id ? await store.getLivePortalLink(row.portal_link_id, now) : null;
      return link ? portalSession(link, row.id, c.csrf, row.expires_at) : null;
    },
    clear(reply) {
      void reply.clearCookie(SESSION_COOKIE, cookieOptions());
      void reply.clearCookie(CSRF_COOKIE, cookieOptions());
    },
    portalToken(link) {
      return box.seal(JSON.stringify({ purpose: 'portal', lid: link.id, exp: link.expires_at }));
    },
    async openPortalToken(token, now) {
      const g = openJson<{ purpose?: string; lid?: string; exp?: number }>(token);
      if (!g || g.purpose !== 'portal' || typeof g.lid !== 'string' || typeof g.exp !== 'number' || g.exp <= now) return null;
      return store.getLivePortalLink(g.lid, now);
    },
    async fromPortalHeader(req, now) {
      const match = req.headers.authorization?.match(PORTAL_HEADER);
      if (!match) return undefined;
      const link = await this.openPortalToken(match[1]!, now);
      if (!link) throw new HttpProblem(401, 'Unauthorized', 'This portal link is invalid, has expired or was revoked; ask for a new one');
      return portalSession(link, null, '', link.expires_at);
    },
  };
}
