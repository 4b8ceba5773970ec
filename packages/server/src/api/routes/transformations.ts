import { Type } from '@sinclair/typebox';
import { maskSentHeaders, openHeaders } from '../../delivery/header-policy.js';
import { applyTransformation, TransformationError } from '../../delivery/transformation.js';
import { unprocessable } from '../../errors.js';
import { loadApp, loadEndpoint, type Api, type ApiContext } from '../context.js';
import { errorResponses } from '../schemas.js';

const Params = Type.Object({ app: Type.String({ maxLength: 256 }), endpoint: Type.String({ maxLength: 256 }) });
const TryIn = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 65_536, description: "The code to try; default the endpoint's saved transformation" })),
    type: Type.String({ minLength: 1, maxLength: 256, description: 'The event type the sample stands for' }),
    payload: Type.Unknown({ description: 'A sample payload' }),
  },
  { additionalProperties: false },
);
const TryOut = Type.Object({
  ok: Type.Boolean(),
  cancelled: Type.Boolean({ description: 'The handler set cancel: true: nothing would be sent and the delivery would end' }),
  webhook: Type.Union([
    Type.Object({ payload: Type.Unknown(), url: Type.String(), headers: Type.Record(Type.String(), Type.String(), { description: 'Custom headers, credentials masked' }) }),
    Type.Null(),
  ]),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why nothing would be sent: what the code threw, its time or memory limit, or what it returned that is refused' }),
  duration_ms: Type.Number(),
});

/** "Try it": a transformation run on a sample, as a delivery would run it, with nothing sent or stored. */
export function transformationRoutes(app: Api, { store, box, policy, transformations }: ApiContext): void {
  app.post(
    '/app/:app/endpoint/:endpoint/transformation/apply',
    {
      schema: {
        tags: ['endpoints'],
        summary: "Run a transformation on a sample payload with this endpoint's URL and headers; nothing is sent",
        params: Params,
        body: TryIn,
        response: { 200: TryOut, ...errorResponses },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const ep = await loadEndpoint(store, req.scope, application.id, req.params.endpoint);
      const code = req.body.code ?? ep.transformation;
      if (!code) throw unprocessable('This endpoint has no transformation; send the code to try', [{ field: 'body.code', message: 'is required when the endpoint has no transformation' }]);
      if (req.body.payload === undefined) throw unprocessable('"payload" is required', [{ field: 'body.payload', message: 'is required' }]);
      const started = performance.now();
      try {
        const to = { url: ep.url, environment: req.scope.environment, headers: openHeaders(box, ep.headers) };
        const t = await applyTransformation({ sandbox: transformations, policy }, code, { eventType: req.body.type, payload: req.body.payload }, to);
        if (t.cancel) return { ok: true, cancelled: true, webhook: null, error: null, duration_ms: t.duration_ms };
        return { ok: true, cancelled: false, webhook: { payload: JSON.parse(t.payload) as unknown, url: t.url, headers: maskSentHeaders(t.headers) }, error: null, duration_ms: t.duration_ms };
      } catch (err) {
        if (!(err instanceof TransformationError)) throw err;
        return { ok: false, cancelled: false, webhook: null, error: err.message, duration_ms: Math.round(performance.now() - started) };
      }
    },
  );
}
