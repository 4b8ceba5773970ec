import { Type } from '@sinclair/typebox';
import type { ServerResponse } from 'node:http';
import { HttpProblem } from '../../errors.js';
import type { Scope, Store } from '../../store/types.js';
import { loadApp, type Api, type ApiContext } from '../context.js';
import { AppParams, errorResponses } from '../schemas.js';

/** How often an open stream looks for changes: three one-row reads through indexes. */
const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;
/** A stream ends after this and the browser reconnects: no connection is held for ever. */
const MAX_STREAM_MS = 30 * 60 * 1000;
/** Open streams per tenant and environment, across its dashboards and portals in this process. */
export const MAX_STREAMS_PER_SCOPE = 20;

/** What a change looks like from outside: the newest delivery and attempt, and the endpoints as listed. */
async function fingerprint(store: Store, scope: Scope, appId: string): Promise<{ deliveries: string; endpoints: string }> {
  const [delivery, attempt, endpoints] = await Promise.all([
    store.listDeliveries(scope, appId, {}, { limit: 1 }),
    store.listAttempts(scope, appId, {}, { limit: 1 }),
    store.listEndpoints(scope, appId, { limit: 250 }),
  ]);
  return {
    deliveries: `${delivery.data[0]?.id ?? ''}/${delivery.data[0]?.updated_at ?? ''}/${attempt.data[0]?.id ?? ''}`,
    endpoints: endpoints.data.map((e) => `${e.id}:${e.updated_at}:${e.status}:${e.throttled_until ?? ''}`).join(','),
  };
}

/**
 * Server-sent events for an application's dashboard and portal pages: `deliveries` when a
 * message, delivery or attempt appeared or changed, `endpoints` when the endpoint list did (and
 * `ready` once). Events say what to reload, never data: the pages read it through the API, with
 * the same access checks. Works with any store and any number of processes: it reads the store.
 */
export function streamRoutes(app: Api, { store, logger }: ApiContext): void {
  const open = new Map<string, number>();
  // Shutting down ends every stream (browsers reconnect to another process), or close would wait for them.
  const responses = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const res of responses) res.end();
    done();
  });
  app.get(
    '/app/:app/stream',
    {
      schema: {
        tags: ['delivery log'],
        summary: "Live updates of an application's delivery log and endpoints (text/event-stream)",
        description:
          'Events: `ready` (once), `deliveries` (a message, delivery or attempt appeared or changed: reload the log), `endpoints` (the endpoint list changed). ' +
          'A comment line every 15 s keeps proxies from closing it; the server ends it after 30 minutes and clients reconnect.',
        params: AppParams,
        produces: ['text/event-stream'],
        response: { 200: Type.String({ description: 'An event stream' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      // Read before a slot is taken: a store that fails here answers 503 and holds nothing.
      let last = await fingerprint(store, req.scope, application.id);
      const key = `${req.scope.tenant_id}/${req.scope.environment}`;
      const count = open.get(key) ?? 0;
      if (count >= MAX_STREAMS_PER_SCOPE) {
        throw new HttpProblem(429, 'Too Many Requests', `At most ${MAX_STREAMS_PER_SCOPE} live streams per environment at once; close another dashboard or portal tab`, undefined, { headers: { 'retry-after': '30' } });
      }
      open.set(key, count + 1);
      reply.hijack();
      const res = reply.raw;
      responses.add(res);
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no', connection: 'keep-alive' });
      const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send('ready', { app_id: application.id });
      let polling = false;
      let failing = false;
      const poll = setInterval(async () => {
        if (polling) return;
        polling = true;
        try {
          const now = await fingerprint(store, req.scope, application.id);
          failing = false;
          if (now.deliveries !== last.deliveries) send('deliveries', {});
          if (now.endpoints !== last.endpoints) send('endpoints', {});
          last = now;
        } catch (err) {
          // A store outage: the stream stays open and catches up once reads work again.
          if (!failing) logger.warn({ err, app_id: application.id }, 'live stream could not read the store; retrying');
          failing = true;
        } finally {
          polling = false;
        }
      }, POLL_MS);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(poll);
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        responses.delete(res);
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      };
      const lifetime = setTimeout(() => res.end(), MAX_STREAM_MS);
      res.on('close', end);
    },
  );
}
