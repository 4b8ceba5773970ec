import { Type } from '@sinclair/typebox';
import { openKeys } from '../../crypto/endpoint-keys.js';
import { buildRequest } from '../../delivery/build-request.js';
import { maskSentHeaders, openHeaders } from '../../delivery/header-policy.js';
import { withRecordPointer } from '../../records/downloads.js';
import { notFound, unprocessable } from '../../errors.js';
import { loadApp, loadEndpoint, toMs, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { Delivery, Message, errorResponses } from '../schemas.js';

const Params = Type.Object({ app: Type.String({ maxLength: 256 }), endpoint: Type.String({ maxLength: 64 }) });

/**
 * Polling fallback (seed 002): everything an endpoint should have received, in publish order,
 * resumable by cursor, so a receiver that missed deliveries can catch up. With `signed=true`
 * each item also carries the exact request Herald would send now, which is what
 * `herald listen --forward-to` replays to a local app.
 */
export function eventRoutes(app: Api, { store, box, config, encrypterFor, downloads }: ApiContext): void {
  app.get(
    '/app/:app/endpoint/:endpoint/events',
    {
      schema: {
        tags: ['endpoints'],
        summary: 'What this endpoint should have received, oldest first, resumable with `after`',
        params: Params,
        querystring: Type.Object(
          {
            after: Type.Optional(Type.String({ maxLength: 64, description: 'The `cursor` of the last item you processed' })),
            since: Type.Optional(Type.String({ format: 'date-time', description: 'Start at this time instead of the beginning' })),
            limit: Type.Integer({ minimum: 1, maximum: 250, default: 50 }),
            signed: Type.Boolean({ default: false, description: 'Include the signed request Herald would send now' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                cursor: Type.String(),
                message: Message,
                delivery: Delivery,
                request: Type.Optional(Type.Object({ headers: Type.Record(Type.String(), Type.String()), body: Type.String() })),
              }),
            ),
            cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `after` for the next page; null when there is nothing yet' }),
            done: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const endpoint = await loadEndpoint(store, req.scope, application.id, req.params.endpoint);
      const q = req.query;
      const rows = await store.listEndpointEvents(req.scope, application.id, endpoint.id, { after: q.after, since: toMs(q.since) }, q.limit);
      const now = Date.now();
      const runtime = q.signed ? await store.getEndpointRuntime(req.scope, application.id, endpoint.id, now) : null;
      if (q.signed && !runtime) throw notFound('Endpoint', endpoint.id);
      let encrypter;
      try {
        encrypter = runtime ? encrypterFor(runtime) : undefined;
      } catch (err) {
        throw unprocessable((err as Error).message);
      }
      const keys = runtime ? runtime.sealed_secrets.map((s) => openKeys(box, s)) : [];
      const data = [];
      for (const { delivery, message } of rows) {
        const item: Record<string, unknown> = { cursor: delivery.id, message: present.message(message), delivery: present.delivery(delivery) };
        if (runtime) {
          const record = message.record_id ? await store.getRecord(req.scope, application.id, message.record_id) : null;
          const payload = record
            ? withRecordPointer(message.payload!, { format: message.record_format!, content_hash: record.content_hash, download_url: downloads.url(record.id, record.content_hash, now) })
            : message.payload!;
          const event = { id: message.event_id ?? message.id, type: message.event_type, payload, createdAt: message.created_at };
          const request = buildRequest(event, { ...runtime, headers: openHeaders(box, runtime.headers) }, keys, now, config.delivery.userAgent, encrypter);
          item.request = { headers: maskSentHeaders(request.headers), body: request.body };
        }
        data.push(item);
      }
      return { data, cursor: rows.length ? rows[rows.length - 1]!.delivery.id : (q.after ?? null), done: rows.length < q.limit } as never;
    },
  );
}
