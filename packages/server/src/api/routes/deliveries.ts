import { Type } from '@sinclair/typebox';
import { conflict, notFound } from '../../errors.js';
import type { LogFilter } from '../../store/types.js';
import { loadApp, loadMessage, toMs, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { AppParams, Attempt, Delivery, DeliveryQuery, LogQuery, Page, errorResponses } from '../schemas.js';

const DeliveryParams = Type.Object({ app: Type.String({ maxLength: 256 }), delivery: Type.String({ maxLength: 64 }) });
const MessageParams = Type.Object({ app: Type.String({ maxLength: 256 }), msg: Type.String({ maxLength: 256 }) });

type Query = { status?: string; endpoint_id?: string; type?: string; since?: string; until?: string; type_prefix?: string; search?: string };
const toFilter = (q: Query): LogFilter => ({
  status: q.status as LogFilter['status'],
  endpoint_id: q.endpoint_id,
  event_type: q.type,
  since: toMs(q.since),
  until: toMs(q.until),
  event_type_prefix: q.type_prefix,
  payload_contains: q.search,
});

/** The delivery log: deliveries (message × endpoint), every attempt, and replay. */
export function deliveryRoutes(app: Api, { store, wakeDelivery }: ApiContext): void {
  const tags = ['delivery log'];

  app.get(
    '/app/:app/delivery',
    { schema: { tags, summary: 'List deliveries, newest first; filter by status, endpoint, type, time; search by type prefix or payload text', params: AppParams, querystring: DeliveryQuery, response: { 200: Page(Delivery), ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      return present.page(await store.listDeliveries(req.scope, application.id, toFilter(req.query), req.query), present.delivery);
    },
  );

  app.get(
    '/app/:app/msg/:msg/delivery',
    { schema: { tags, summary: "List a message's deliveries", params: MessageParams, querystring: LogQuery, response: { 200: Page(Delivery), ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const message = await loadMessage(store, req.scope, application.id, req.params.msg);
      const filter = { ...toFilter(req.query), message_id: message.id };
      return present.page(await store.listDeliveries(req.scope, application.id, filter, req.query), present.delivery);
    },
  );

  app.get('/app/:app/delivery/:delivery', { schema: { tags, summary: 'Get a delivery', params: DeliveryParams, response: { 200: Delivery, ...errorResponses } } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app);
    const delivery = await store.getDelivery(req.scope, application.id, req.params.delivery);
    if (!delivery) throw notFound('Delivery', req.params.delivery);
    return present.delivery(delivery);
  });

  app.get(
    '/app/:app/delivery/:delivery/attempt',
    { schema: { tags, summary: "List a delivery's attempts, newest first", params: DeliveryParams, querystring: LogQuery, response: { 200: Page(Attempt), ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const delivery = await store.getDelivery(req.scope, application.id, req.params.delivery);
      if (!delivery) throw notFound('Delivery', req.params.delivery);
      const filter = { ...toFilter(req.query), delivery_id: delivery.id };
      return present.page(await store.listAttempts(req.scope, application.id, filter, req.query), present.attempt);
    },
  );

  app.get(
    '/app/:app/attempt',
    {
      schema: {
        tags,
        summary: 'List attempts across the application; filter by status (succeeded|failed), endpoint, type, time',
        params: AppParams,
        querystring: LogQuery,
        response: { 200: Page(Attempt), ...errorResponses },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      return present.page(await store.listAttempts(req.scope, application.id, toFilter(req.query), req.query), present.attempt);
    },
  );

  app.post(
    '/app/:app/delivery/:delivery/retry',
    { schema: { tags, summary: 'Retry a failed or waiting delivery now, with a fresh retry budget', params: DeliveryParams, response: { 202: Delivery, ...errorResponses } } },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const result = await store.retryNow(req.scope, application.id, req.params.delivery, Date.now());
      if (result === null) throw notFound('Delivery', req.params.delivery);
      if (result === 'in_flight') throw conflict('This delivery is being sent right now; try again when the attempt ends');
      if (result === 'succeeded') throw conflict('This delivery already succeeded; use resend to send the message again');
      if (result === 'discarded') throw conflict('This delivery was discarded because its endpoint was deleted');
      wakeDelivery();
      return reply.code(202).send(present.delivery(result));
    },
  );
}
