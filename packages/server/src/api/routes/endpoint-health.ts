import { Type } from '@sinclair/typebox';
import { loadApp, type Api, type ApiContext } from '../context.js';
import { AppParams, errorResponses } from '../schemas.js';

const WINDOW_MS = 24 * 3600 * 1000;

const EndpointHealth = Type.Object({
  endpoint_id: Type.String(),
  attempts: Type.Integer({ description: 'Attempts in the window' }),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
  success_rate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'succeeded / attempts; null without attempts' }),
  p50_latency_ms: Type.Union([Type.Integer(), Type.Null()], { description: 'Median attempt duration (of the newest 1,000 attempts in the window)' }),
  last_error: Type.Union([
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      error_class: Type.Union([Type.String(), Type.Null()]),
      response_status: Type.Union([Type.Integer(), Type.Null()]),
      error_message: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

/** Endpoint cards' health figures: the last 24 hours of each endpoint's attempts. */
export function endpointHealthRoutes(app: Api, { store }: ApiContext): void {
  app.get(
    '/app/:app/endpoint-health',
    {
      schema: {
        tags: ['endpoints'],
        summary: "Each endpoint's health over the last 24 hours: success rate, median latency, last error",
        params: AppParams,
        response: { 200: Type.Object({ window_seconds: Type.Integer(), data: Type.Array(EndpointHealth) }), ...errorResponses },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const endpoints = await store.listEndpoints(req.scope, application.id, { limit: 250 });
      const stats = await store.endpointStats(req.scope, application.id, endpoints.data.map((e) => e.id), Date.now() - WINDOW_MS);
      return {
        window_seconds: WINDOW_MS / 1000,
        data: stats.map((s) => ({
          endpoint_id: s.endpoint_id,
          attempts: s.attempts,
          succeeded: s.succeeded,
          failed: s.attempts - s.succeeded,
          success_rate: s.attempts ? s.succeeded / s.attempts : null,
          p50_latency_ms: s.p50_latency_ms,
          last_error: s.last_error && { at: new Date(s.last_error.created_at).toISOString(), error_class: s.last_error.error_class, response_status: s.last_error.response_status, error_message: s.last_error.error_message },
        })),
      };
    },
  );
}
