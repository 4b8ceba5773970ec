import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Environment } from '../crypto/tokens.js';
import { HttpProblem } from '../errors.js';

/**
 * Browser sessions for the dashboard and the customer portal. A session is sealed (AES-GCM with
 * the master key) into an HttpOnly cookie, so any API process can read it and nothing is stored
 * server-side. Unsafe methods must repeat the session's CSRF token in `x-csrf-token` (the token
 * is also in a readable cookie for the page's script): a cross-site form cannot read it.
 */
export type Session =
  | { kind: 'admin'; csrf: string; exp: number }
  | { kind: 'key'; token: string; csrf: string; exp: number }
  | { kind: 'portal'; tenant_id: string; environment: Environment; app_id: string; csrf: string; exp: number };

export interface PortalGrant {
  tenant_id: string;
  environment: Environment;
  app_id: string;
  exp: number;
}

export const SESSION_COOKIE = 'herald_session';
export const CSRF_COOKIE = 'herald_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_TTL_MS = 12 * 3600 * 1000;

type SessionInit = { kind: 'admin' } | { kind: 'key'; token: string } | Omit<Extract<Session, { kind: 'portal' }>, 'csrf' | 'exp'>;

export interface Sessions {
  /** Sets the cookies; returns the session (its csrf token goes to the page). */
  issue(reply: FastifyReply, init: SessionInit, now: number, maxExp?: number): Session;
  /** The request's session, or null when it has none or it expired or was tampered with. */
  read(req: FastifyRequest, now: number): Session | null;
  clear(reply: FastifyReply): void;
  /** A sealed, expiring grant for one application: the customer portal link carries it. */
  grantPortal(grant: PortalGrant): string;
  openPortalGrant(token: string, now: number): PortalGrant | null;
  /**
   * The session carried by `Authorization: Portal <token>` (what the embeddable portal sends):
   * undefined when the request has no such header; throws 401 when the token is bad or expired.
   */
  fromPortalHeader(req: FastifyRequest, now: number): Session | undefined;
}

export function makeSessions(box: SecretBox, secureCookies: () => boolean): Sessions {
  const openJson = <T>(sealed: string | undefined): T | null => {
    if (!sealed) return null;
    try {
      return JSON.parse(box.open(sealed)) as T;
    } catch {
      return null;
    }
  };
  const cookieOptions = () => ({ path: '/', sameSite: 'strict' as const, secure: secureCookies() });
  return {
    issue(reply, init, now, maxExp) {
      const exp = Math.min(now + SESSION_TTL_MS, maxExp ?? Number.POSITIVE_INFINITY);
      const session = { ...init, csrf: randomBytes(18).toString('base64url'), exp } as Session;
      const maxAge = Math.max(1, Math.floor((exp - now) / 1000));
      void reply.setCookie(SESSION_COOKIE, box.seal(JSON.stringify({ ...session, purpose: 'session' })), { ...cookieOptions(), httpOnly: true, maxAge });
      void reply.setCookie(CSRF_COOKIE, session.csrf, { ...cookieOptions(), httpOnly: false, maxAge });
      return session;
    },
    read(req, now) {
      const s = openJson<Session & { purpose?: string }>(req.cookies[SESSION_COOKIE]);
      if (!s || s.purpose !== 'session' || typeof s.exp !== 'number' || s.exp <= now) return null;
      delete s.purpose;
      return s;
    },
    clear(reply) {
      void reply.clearCookie(SESSION_COOKIE, cookieOptions());
      void reply.clearCookie(CSRF_COOKIE, cookieOptions());
    },
    grantPortal(grant) {
      return box.seal(JSON.stringify({ ...grant, purpose: 'portal' }));
    },
    fromPortalHeader(req, now) {
      const match = req.headers.authorization?.match(/^Portal\s+(\S+)$/i);
      if (!match) return undefined;
      const grant = this.openPortalGrant(match[1]!, now);
      if (!grant) throw new HttpProblem(401, 'Unauthorized', 'This portal link is invalid or has expired; ask for a new one');
      return { kind: 'portal', ...grant, csrf: '' };
    },
    openPortalGrant(token, now) {
      const g = openJson<PortalGrant & { purpose?: string }>(token);
      if (!g || g.purpose !== 'portal' || g.exp <= now) return null;
      return { tenant_id: g.tenant_id, environment: g.environment, app_id: g.app_id, exp: g.exp };
    },
  };
}
