import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import { makeAuth } from './auth.js';
import type { Api, ApiContext } from './context.js';
import { serveDashboard } from './dashboard.js';
import { installProblemHandlers } from './problems.js';
import { applicationRoutes } from './routes/applications.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { endpointRoutes } from './routes/endpoints.js';
import { eventRoutes } from './routes/events.js';
import { eventTypeRoutes } from './routes/event-types.js';
import { messageRoutes } from './routes/messages.js';
import { publicRecordRoutes, recordRoutes } from './routes/records.js';
import { portalLinkRoutes, sessionRoutes } from './routes/session.js';
import { settingsRoutes } from './routes/settings.js';
import { tenantRoutes } from './routes/tenants.js';
import { testSendRoutes } from './routes/test-send.js';
import { webhookKeyRoutes } from './routes/webhook-keys.js';
import { makeSessions } from './session.js';
import { installValidators } from './validation.js';

export interface ApiOptions extends ApiContext {
  adminToken: string;
  /** The built dashboard (default: packages/dashboard/dist). */
  dashboardDir?: string;
}

/** Builds the HTTP API (not listening): tests drive it with `inject`, the server with `listen`. */
export async function buildApi(options: ApiOptions): Promise<Api> {
  const { store, config, logger, adminToken, metrics } = options;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimit,
    // Per-request lines only when debugging: at thousands of publishes/s they drown the signal.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    // Ids in paths are ours; trailing slashes are a common client slip.
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as Api;

  installValidators(app);
  await app.register(cookie);
  app.decorateRequest('session', null);
  const sessions = makeSessions(options.box, () => options.publicUrl().startsWith('https://'));
  installProblemHandlers(app, await serveDashboard(app, options.dashboardDir));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Herald API',
        version: '1',
        description: 'Webhook delivery: publish once, Herald signs, delivers at least once, retries and logs every attempt.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'hk_test_… / hk_live_… API key, or the admin token for /tenants' } } },
      security: [{ apiKey: [] }],
    },
  });

  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await store.ping();
      return { status: 'ready' };
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  publicRecordRoutes(app, options);

  const auth = makeAuth(store, adminToken, sessions);
  await app.register(async (open) => sessionRoutes(open as Api, options, { sessions, adminToken }), { prefix: '/api/v1' });
  await app.register(
    async (admin) => {
      admin.addHook('onRequest', auth.requireAdmin);
      tenantRoutes(admin as Api, options);
      admin.post('/signing-keys/rotate', { schema: { tags: ['admin'], summary: 'Start signing records with a new RS256 key; older keys stay in the JWKS' } }, async () => ({
        kid: await options.recordSigner.rotate(),
      }));
    },
    { prefix: '/api/v1' },
  );
  await app.register(
    async (tenant) => {
      tenant.addHook('onRequest', auth.requireApiKey);
      for (const routes of [applicationRoutes, eventTypeRoutes, endpointRoutes, messageRoutes, deliveryRoutes, testSendRoutes, settingsRoutes, webhookKeyRoutes, eventRoutes, recordRoutes]) routes(tenant as Api, options);
      portalLinkRoutes(tenant as Api, options, sessions);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
