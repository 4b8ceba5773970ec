import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import { openapiOptions } from './openapi.js';
import { docsRoutes } from './docs.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { newId } from '../ids.js';
import { tokensEqual } from '../crypto/tokens.js';
import { HttpProblem } from '../errors.js';
import type { WindowCounters } from '../limits/counters.js';
import { installRateLimits, makeCredentialThrottle } from '../limits/rate-limits.js';
import { asStoreFailure, RETRY_AFTER_SECONDS, withinDeadline } from '../store/failures.js';
import { makeAuth } from './auth.js';
import type { Api, ApiContext } from './context.js';
import { serveDashboard } from './dashboard.js';
import { installJsonBodyParser } from './json-body.js';
import { clientErrorHandler, frameworkErrorHandler, installProblemHandlers } from './problems.js';
import { applicationRoutes } from './routes/applications.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { endpointRoutes } from './routes/endpoints.js';
import { endpointHealthRoutes } from './routes/endpoint-health.js';
import { transformationRoutes } from './routes/transformations.js';
import { streamRoutes } from './routes/stream.js';
import { eventRoutes } from './routes/events.js';
import { eventTypeRoutes } from './routes/event-types.js';
import { messageRoutes } from './routes/messages.js';
import { publicRecordRoutes, recordRoutes } from './routes/records.js';
import { portalLinkRoutes, sessionRoutes, tenantSessionRoutes } from './routes/session.js';
import { settingsRoutes } from './routes/settings.js';
import { tenantLimitRoutes, tenantRoutes } from './routes/tenants.js';
import { testSendRoutes } from './routes/test-send.js';
import { webhookKeyRoutes } from './routes/webhook-keys.js';
import { makeLookupCache } from './lookup-cache.js';
import { makeSessions } from './session.js';
import { installValidators } from './validation.js';
import { svixRoutes } from './svix/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's server span (tracing.ts); a no-op span while tracing is off. */
    span: Span;
  }
}

export interface ApiOptions extends ApiContext {
  adminToken: string;
  /** The built dashboard (default: packages/dashboard/dist). */
  dashboardDir?: string;
}

/** The longest id or uid a path takes (256), percent-encoded: longer segments are refused by the router (414). */
const MAX_PATH_PARAM = 3 * 256;

const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : newId('req');
}

/** Builds the HTTP API (not listening): tests drive it with `inject`, the server with `listen`. */
export async function buildApi(options: ApiOptions): Promise<Api> {
  const { store, config, logger, adminToken, metrics, counters, limits, tracing } = options;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimit,
    // A hop count is valid at run time (proxy-addr); Fastify's types leave it out.
    trustProxy: config.security.trustProxy as boolean | string,
    // Per-request lines only when debugging: at thousands of publishes/s they drown the signal.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace', requestIdLogLabel: 'request_id' }),
    // Ids in paths are ours; trailing slashes are a common client slip.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_PARAM },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // A caller's (or its proxy's) x-request-id is kept when it is a plain token, so one id
    // follows a request through both systems' logs; otherwise Herald mints one.
    requestIdHeader: false,
    genReqId: requestId,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as Api;

  installValidators(app);
  // No id, name or cursor holds a NUL, and PostgreSQL cannot even compare text with one (it
  // fails the query): refused here for every route, whatever its schema says.
  app.addHook('preValidation', async (req) => {
    for (const [where, values] of [['path', req.params], ['query', req.query]] as const) {
      for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if ((typeof value === 'string' ? [value] : Array.isArray(value) ? value : []).some((v) => typeof v === 'string' && v.includes('\u0000'))) {
          throw new HttpProblem(400, 'Bad Request', `The ${where} parameter "${name}" contains a NUL character`, [{ field: `${where === 'path' ? 'params' : 'querystring'}.${name}`, message: 'contains a NUL character' }]);
        }
      }
    }
  });
  installJsonBodyParser(app, config.security.jsonMaxDepth);
  const https = () => options.publicUrl().startsWith('https://');
  // Security headers on every response (helmet's middleware, built once: @fastify/helmet builds
  // it again for every request). The CSP here is the API's (it serves no documents); dashboard
  // pages and record downloads set their own. Framing is decided per page (the customer portal
  // is made to be embedded), HSTS only when Herald is reached over HTTPS.
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
    frameguard: false,
    hsts: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  // By route pattern, never the raw URL (ids would make a series per message); unmatched paths share one.
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.requested(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    tracing.endRequest(req.span, req.method, route, reply.statusCode, req.scope ?? null);
    done();
  });
  app.decorateRequest('span', null as never);
  app.addHook('onRequest', (req, reply, done) => {
    req.span = tracing.startRequest(req.method, req.headers);
    reply.raw.setHeader('x-request-id', req.id);
    if (https() || req.protocol === 'https') reply.raw.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  if (config.security.recordsUrl) {
    // The records origin serves records only: no dashboard, no API, no session cookie to steal.
    const recordsHost = new URL(config.security.recordsUrl).host;
    app.addHook('onRequest', async (req) => {
      if (req.host === recordsHost && !req.url.startsWith('/records/') && new URL(options.publicUrl()).host !== recordsHost) {
        throw new HttpProblem(404, 'Not Found', 'This origin serves stored records only');
      }
    });
  }
  await app.register(cookie);
  app.decorateRequest('session', null);
  const sessions = makeSessions(options.box, store, { ttlMs: config.security.sessionTtlMs, secureCookies: https });
  installProblemHandlers(app, await serveDashboard(app, options.dashboardDir));

  await app.register(swagger, openapiOptions(options.publicUrl));

  const throttle = makeCredentialThrottle(counters, config.security.failedAuthPerWindow, config.security.failedAuthWindowMs);
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await withinDeadline(store.ping(), config.store.readyTimeoutMs);
      return { status: 'ready' };
    } catch (err) {
      const reason = asStoreFailure(err)?.reason ?? 'unavailable';
      logger.warn({ err, reason }, 'readiness check failed');
      return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS[reason])).send({ status: 'unavailable', reason });
    }
  });
  if (!config.security.metricsAddr) {
    // On the API's own port, metrics (which name every tenant's traffic) need a token.
    const metricsToken = config.security.metricsToken ?? adminToken;
    app.get('/metrics', { schema: { hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
      await throttle.guard(req, async () => {
        const token = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
        if (!token || !tokensEqual(token, metricsToken)) {
          throw new HttpProblem(401, 'Unauthorized', 'Send HERALD_METRICS_TOKEN (or, when it is unset, the admin token) as "Authorization: Bearer …", or serve metrics on their own address with HERALD_METRICS_ADDR', undefined, {
            headers: { 'www-authenticate': 'Bearer' },
          });
        }
      });
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  docsRoutes(app as Api);
  publicRecordRoutes(app, options, throttle);

  const auth = makeAuth(store, makeLookupCache(store), adminToken, sessions, throttle);
  await app.register(async (open) => sessionRoutes(open as Api, options, { sessions, adminToken, throttle }), { prefix: '/api/v1' });
  await app.register(
    async (admin) => {
      admin.addHook('onRequest', auth.requireAdmin);
      tenantRoutes(admin as Api, options);
      tenantLimitRoutes(admin as Api, options);
      tenantSessionRoutes(admin as Api, options);
      admin.post('/signing-keys/rotate', { schema: { tags: ['admin'], summary: 'Start signing records with a new RS256 key; older keys stay in the JWKS' } }, async () => ({
        kid: await options.recordSigner.rotate(),
      }));
    },
    { prefix: '/api/v1' },
  );
  await app.register(
    async (tenant) => {
      tenant.addHook('onRequest', auth.requireApiKey);
      await installRateLimits(tenant, counters, limits);
      for (const routes of [applicationRoutes, eventTypeRoutes, endpointRoutes, endpointHealthRoutes, transformationRoutes, streamRoutes, messageRoutes, deliveryRoutes, testSendRoutes, settingsRoutes, webhookKeyRoutes, eventRoutes, recordRoutes]) routes(tenant as Api, options);
      portalLinkRoutes(tenant as Api, options, sessions);
    },
    { prefix: '/api/v1' },
  );
  await svixRoutes(app, options, auth);
  return app;
}
