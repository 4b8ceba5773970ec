import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { tokensEqual } from '../../crypto/tokens.js';
import { lookupApiKey } from '../auth.js';
import { HttpProblem, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import type { CredentialThrottle } from '../../limits/rate-limits.js';
import type { PortalLinkRow, PortalSettings as PortalSettingsRow } from '../../store/types.js';

/** What a portal looks like before its tenant brands it. */
export const DEFAULT_PORTAL: PortalSettingsRow = { name: null, logo_url: null, accent_color: null, theme: 'auto', show_delivery_settings: false };
import { loadApp, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { AppParams, Page, PageQuery, PortalSettings, errorResponses } from '../schemas.js';
import { carriesCsrf, CSRF_HEADER, type Session, type Sessions } from '../session.js';

const SessionOut = Type.Object({
  kind: Type.Union([Type.Literal('admin'), Type.Literal('key'), Type.Literal('portal')]),
  csrf_token: Type.String({ description: `Send it back in the ${CSRF_HEADER} header on POST, PATCH, PUT and DELETE` }),
  tenant_id: Type.Union([Type.String(), Type.Null()]),
  environment: Type.Union([Type.Literal('test'), Type.Literal('live'), Type.Null()]),
  app_id: Type.Union([Type.String(), Type.Null()], { description: 'Portal sessions: the one application they reach' }),
  read_only: Type.Boolean({ description: 'Portal sessions from a read-only link can only read' }),
  expires_at: Type.String({ format: 'date-time' }),
  portal: Type.Union([PortalSettings, Type.Null()], { description: "Portal sessions: the tenant's portal branding (defaults filled in)" }),
});

export const PortalLink = Type.Object({
  id: Type.String(),
  app_id: Type.String(),
  read_only: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.String({ format: 'date-time' }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export interface SessionRouteDeps {
  sessions: Sessions;
  adminToken: string;
  throttle: CredentialThrottle;
}

/** Sign in to the dashboard (admin token or API key) or open a portal link; sign out; sign out everywhere. */
export function sessionRoutes(app: Api, { store }: ApiContext, { sessions, adminToken, throttle }: SessionRouteDeps): void {
  const tags = ['dashboard sessions'];
  const describe = async (s: Session) => {
    const scope =
      s.kind === 'portal'
        ? { tenant_id: s.tenant_id, environment: s.environment }
        : s.kind === 'key'
          ? await lookupApiKey(store, s.token)
          : null;
    return {
      kind: s.kind,
      csrf_token: s.csrf,
      tenant_id: scope?.tenant_id ?? null,
      environment: scope?.environment ?? null,
      app_id: s.kind === 'portal' ? s.app_id : null,
      read_only: s.kind === 'portal' && s.read_only,
      expires_at: new Date(s.exp).toISOString(),
      portal: s.kind === 'portal' ? { ...DEFAULT_PORTAL, ...(await store.getEnvironmentSettings(scope!)).portal } : null,
    };
  };
  const requireCsrf = (req: FastifyRequest, session: Session) => {
    if (!carriesCsrf(req, session)) throw new HttpProblem(403, 'Forbidden', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
  };

  app.post(
    '/session',
    {
      schema: {
        tags,
        summary: 'Start a browser session (HttpOnly cookie) from the admin token, an API key, or a portal link token',
        body: Type.Object(
          { token: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })), portal_token: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })) },
          { additionalProperties: false },
        ),
        response: { 201: SessionOut, ...errorResponses },
      },
    },
    async (req, reply) =>
      throttle.guard(req, async () => {
        const now = Date.now();
        const { token, portal_token: portalToken } = req.body;
        if ((token === undefined) === (portalToken === undefined)) throw new HttpProblem(400, 'Bad Request', 'Send exactly one of token (admin token or API key) and portal_token');
        let session: Session;
        if (portalToken !== undefined) {
          const link = await sessions.openPortalToken(portalToken, now);
          if (!link) throw new HttpProblem(401, 'Unauthorized', 'This portal link is invalid, has expired or was revoked; ask for a new one');
          if (!(await store.getApplication({ tenant_id: link.tenant_id, environment: link.environment }, link.app_id))) {
            throw new HttpProblem(401, 'Unauthorized', 'The application this portal link was made for no longer exists');
          }
          session = await sessions.issue(reply, { kind: 'portal', link }, now);
        } else if (tokensEqual(token!, adminToken)) {
          session = await sessions.issue(reply, { kind: 'admin' }, now);
        } else {
          const key = await lookupApiKey(store, token!);
          if (!key) throw new HttpProblem(401, 'Unauthorized', 'That is neither the admin token nor a valid API key');
          session = await sessions.issue(reply, { kind: 'key', token: token!, tenant_id: key.tenant_id }, now);
        }
        return reply.code(201).send(await describe(session));
      }),
  );

  app.get('/session', { schema: { tags, summary: 'The current browser session (or the portal token sent as "Authorization: Portal …")', response: { 200: SessionOut, ...errorResponses } } }, async (req) => {
    const now = Date.now();
    // A bad portal token is a failed credential; no session at all is not.
    const session = (await throttle.guard(req, () => sessions.fromPortalHeader(req, now))) ?? (await sessions.read(req, now));
    if (!session) throw new HttpProblem(401, 'Unauthorized', 'Not signed in');
    return describe(session);
  });

  app.delete('/session', { schema: { tags, summary: 'Sign out: ends this session on the server and clears its cookies', response: { 204: Type.Null(), ...errorResponses } } }, async (req, reply) => {
    const now = Date.now();
    const session = await sessions.read(req, now);
    if (session) {
      requireCsrf(req, session);
      if (session.sid) await store.revokeSessions({ id: session.sid }, now);
    }
    sessions.clear(reply);
    return reply.code(204).send(null);
  });

  app.post(
    '/session/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'End every session of whoever asks: an admin ends every admin session; a tenant (API key or its session) every session of that tenant',
        response: { 200: Type.Object({ revoked: Type.Integer() }), ...errorResponses },
      },
    },
    async (req, reply) =>
      throttle.guard(req, async () => {
        const now = Date.now();
        const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
        let filter: { kind: 'admin' } | { tenant_id: string };
        if (bearer && tokensEqual(bearer, adminToken)) filter = { kind: 'admin' };
        else if (bearer) {
          const key = await lookupApiKey(store, bearer);
          if (!key) throw new HttpProblem(401, 'Unauthorized', 'That is neither the admin token nor a valid API key');
          filter = { tenant_id: key.tenant_id };
        } else {
          const session = await sessions.read(req, now);
          if (!session) throw new HttpProblem(401, 'Unauthorized', 'Not signed in');
          requireCsrf(req, session);
          if (session.kind === 'portal') throw new HttpProblem(403, 'Forbidden', 'A portal session cannot end other sessions');
          if (session.kind === 'admin') filter = { kind: 'admin' };
          else {
            const key = await lookupApiKey(store, session.token);
            if (!key) throw new HttpProblem(401, 'Unauthorized', 'The API key of this session was revoked');
            filter = { tenant_id: key.tenant_id };
          }
          sessions.clear(reply);
        }
        return { revoked: await store.revokeSessions(filter, now) };
      }),
  );
}

/** Admin: end every browser session of a tenant (its dashboard and portal sessions). */
export function tenantSessionRoutes(app: Api, { store }: ApiContext): void {
  app.delete(
    '/tenants/:tenant/sessions',
    {
      schema: {
        tags: ['admin'],
        summary: "End every browser session of a tenant (dashboard and portal)",
        params: Type.Object({ tenant: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Object({ revoked: Type.Integer() }), ...errorResponses },
      },
    },
    async (req) => {
      if (!(await store.getTenant(req.params.tenant))) throw notFound('Tenant', req.params.tenant);
      return { revoked: await store.revokeSessions({ tenant_id: req.params.tenant }, Date.now()) };
    },
  );
}

/** The tenant's server asks for links that open the portal on one application, lists and revokes them. */
export function portalLinkRoutes(app: Api, { store, publicUrl, config }: ApiContext, sessions: Sessions): void {
  const tags = ['customer portal'];
  const { portalLinkDefaultTtlMs: defaultTtl, portalLinkMaxTtlMs: maxTtl } = config.security;
  const LinkParams = Type.Object({ app: Type.String({ maxLength: 256 }), link: Type.String({ maxLength: 64 }) });

  app.post(
    '/app/:app/portal-link',
    {
      schema: {
        tags,
        summary: 'A signed, expiring, revocable link to the customer portal for this application (its endpoints, logs and test tools only)',
        params: AppParams,
        body: Type.Optional(
          Type.Object(
            {
              expires_in_seconds: Type.Optional(Type.Integer({ minimum: 60, maximum: maxTtl / 1000, description: `Default ${defaultTtl / 1000}` })),
              read_only: Type.Optional(Type.Boolean({ description: 'The portal can only read (no endpoint changes, resends or test sends)' })),
            },
            { additionalProperties: false },
          ),
        ),
        response: { 201: Type.Composite([PortalLink, Type.Object({ url: Type.String(), token: Type.String() })]), ...errorResponses },
      },
    },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const now = Date.now();
      const link: PortalLinkRow = {
        id: newId('plk', now),
        ...req.scope,
        app_id: application.id,
        read_only: req.body?.read_only ?? false,
        created_at: now,
        expires_at: now + (req.body?.expires_in_seconds !== undefined ? req.body.expires_in_seconds * 1000 : defaultTtl),
        revoked_at: null,
      };
      await store.createPortalLink(link);
      const token = sessions.portalToken(link);
      return reply.code(201).send({ ...present.portalLink(link), url: `${publicUrl()}/portal#${token}`, token });
    },
  );

  app.get(
    '/app/:app/portal-link',
    { schema: { tags, summary: "This application's portal links that have not expired (revoked ones too), newest first", params: AppParams, querystring: PageQuery, response: { 200: Page(PortalLink), ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      return present.page(await store.listPortalLinks(req.scope, application.id, req.query, Date.now()), present.portalLink);
    },
  );

  app.delete(
    '/app/:app/portal-link/:link',
    { schema: { tags, summary: 'Revoke a portal link and end the sessions opened from it', params: LinkParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      if (!(await store.revokePortalLinks(req.scope, application.id, req.params.link, Date.now()))) throw notFound('Portal link', req.params.link);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/app/:app/portal-link',
    { schema: { tags, summary: "Revoke every live portal link of this application", params: AppParams, response: { 200: Type.Object({ revoked: Type.Integer() }), ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      return { revoked: await store.revokePortalLinks(req.scope, application.id, null, Date.now()) };
    },
  );
}
