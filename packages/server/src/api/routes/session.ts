import { Type } from '@sinclair/typebox';
import { hashToken, tokensEqual } from '../../crypto/tokens.js';
import { HttpProblem } from '../../errors.js';
import { loadApp, type Api, type ApiContext } from '../context.js';
import { AppParams, errorResponses } from '../schemas.js';
import { CSRF_HEADER, type Session, type Sessions } from '../session.js';

const SessionOut = Type.Object({
  kind: Type.Union([Type.Literal('admin'), Type.Literal('key'), Type.Literal('portal')]),
  csrf_token: Type.String({ description: `Send it back in the ${CSRF_HEADER} header on POST, PATCH, PUT and DELETE` }),
  tenant_id: Type.Union([Type.String(), Type.Null()]),
  environment: Type.Union([Type.Literal('test'), Type.Literal('live'), Type.Null()]),
  app_id: Type.Union([Type.String(), Type.Null()], { description: 'Portal sessions: the one application they reach' }),
  expires_at: Type.String({ format: 'date-time' }),
});

export interface SessionRouteDeps {
  sessions: Sessions;
  adminToken: string;
}

/** Sign in to the dashboard (admin token or API key) or open a portal link; sign out. */
export function sessionRoutes(app: Api, { store }: ApiContext, { sessions, adminToken }: SessionRouteDeps): void {
  const tags = ['dashboard sessions'];
  const describe = async (s: Session) => {
    const scope =
      s.kind === 'portal'
        ? { tenant_id: s.tenant_id, environment: s.environment }
        : s.kind === 'key'
          ? await store.findApiKey(hashToken(s.token))
          : null;
    return {
      kind: s.kind,
      csrf_token: s.csrf,
      tenant_id: scope?.tenant_id ?? null,
      environment: scope?.environment ?? null,
      app_id: s.kind === 'portal' ? s.app_id : null,
      expires_at: new Date(s.exp).toISOString(),
    };
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
    async (req, reply) => {
      const now = Date.now();
      const { token, portal_token: portalToken } = req.body;
      if ((token === undefined) === (portalToken === undefined)) throw new HttpProblem(400, 'Bad Request', 'Send exactly one of token (admin token or API key) and portal_token');
      let session: Session;
      if (portalToken !== undefined) {
        const grant = sessions.openPortalGrant(portalToken, now);
        if (!grant) throw new HttpProblem(401, 'Unauthorized', 'This portal link is invalid or has expired; ask for a new one');
        const scope = { tenant_id: grant.tenant_id, environment: grant.environment };
        if (!(await store.getApplication(scope, grant.app_id))) throw new HttpProblem(401, 'Unauthorized', 'The application this portal link was made for no longer exists');
        session = sessions.issue(reply, { kind: 'portal', ...scope, app_id: grant.app_id }, now, grant.exp);
      } else if (tokensEqual(token!, adminToken)) {
        session = sessions.issue(reply, { kind: 'admin' }, now);
      } else if (/^hk_(test|live)_/.test(token!) && (await store.findApiKey(hashToken(token!)))) {
        session = sessions.issue(reply, { kind: 'key', token: token! }, now);
      } else {
        throw new HttpProblem(401, 'Unauthorized', 'That is neither the admin token nor a valid API key');
      }
      return reply.code(201).send(await describe(session));
    },
  );

  app.get('/session', { schema: { tags, summary: 'The current browser session (or the portal token sent as "Authorization: Portal …")', response: { 200: SessionOut, ...errorResponses } } }, async (req) => {
    const now = Date.now();
    const session = sessions.fromPortalHeader(req, now) ?? sessions.read(req, now);
    if (!session) throw new HttpProblem(401, 'Unauthorized', 'Not signed in');
    return describe(session);
  });

  app.delete('/session', { schema: { tags, summary: 'Sign out (clears the session cookies)' } }, async (req, reply) => {
    const session = sessions.read(req, Date.now());
    if (session && req.headers[CSRF_HEADER] !== session.csrf) throw new HttpProblem(403, 'Forbidden', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
    sessions.clear(reply);
    return reply.code(204).send();
  });
}

/** The tenant's server asks for a link that opens the portal on one application. */
export function portalLinkRoutes(app: Api, { store, publicUrl }: ApiContext, sessions: Sessions): void {
  app.post(
    '/app/:app/portal-link',
    {
      schema: {
        tags: ['customer portal'],
        summary: "A signed, expiring link to the customer portal for this application (its endpoints, logs and test tools only)",
        params: AppParams,
        body: Type.Optional(Type.Object({ expires_in_seconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 7 * 86_400, default: 3600 })) }, { additionalProperties: false })),
        response: { 201: Type.Object({ url: Type.String(), token: Type.String(), expires_at: Type.String({ format: 'date-time' }) }), ...errorResponses },
      },
    },
    async (req, reply) => {
      if (req.session?.kind === 'portal') throw new HttpProblem(404, 'Not Found', `No route for ${req.method} ${req.url}`);
      const application = await loadApp(store, req.scope, req.params.app);
      const exp = Date.now() + (req.body?.expires_in_seconds ?? 3600) * 1000;
      const token = sessions.grantPortal({ ...req.scope, app_id: application.id, exp });
      return reply.code(201).send({ url: `${publicUrl()}/portal#${token}`, token, expires_at: new Date(exp).toISOString() });
    },
  );
}
