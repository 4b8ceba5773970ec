import { Type, type Static } from '@sinclair/typebox';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { checkDeliveryHeaders } from '../../delivery/header-policy.js';
import { HttpProblem, conflict, notFound, unprocessable } from '../../errors.js';
import { newId } from '../../ids.js';
import { SchemaBudgetExceeded, SchemaCompileError } from '../../tenant-schemas/sandbox.js';
import { loadApp, loadEndpoint, loadMessage, toMs, type Api, type ApiContext } from '../context.js';
import { fieldErrors, problemFor } from '../problems.js';
import type { PublishRequest } from '../../delivery/publisher.js';
import { spendExtraPublishes } from '../../limits/rate-limits.js';
import type { ApplicationRow, EventTypeRow, Scope } from '../../store/types.js';
import { present } from '../present.js';
import { AppParams, BatchIn, BatchOut, Delivery, IdempotencyKey, LogQuery, Message, MessageIn, Page, errorResponses } from '../schemas.js';

const MessageParams = Type.Object({ app: Type.String({ maxLength: 256 }), msg: Type.String({ maxLength: 256 }) });

/** The application a publish names, from the request's cached lookups. */
async function loadCachedApp(req: FastifyRequest, idOrUid: string): Promise<ApplicationRow> {
  const app = await req.lookups.application(idOrUid);
  if (!app) throw notFound('Application', idOrUid);
  return app;
}

/** One message's refusal inside a bulk answer: the problem the error handler would send, its field named. */
function itemProblem(err: unknown, field: string, log: FastifyBaseLogger) {
  const problem = problemFor(err, log);
  return { status: problem.status, problem: err instanceof HttpProblem && !problem.errors ? { ...problem, errors: [{ field, message: problem.detail }] } : problem };
}

/** Publishing and reading messages. */
export function messageRoutes(app: Api, { store, schemas, limits, counters, metrics, wakeDelivery, publish, downloads, tracing }: ApiContext): void {
  const tags = ['messages'];

  /**
   * A message as it will be published, or the problem that refuses it; nothing is written. With a
   * record, the payload is checked as receivers will get it: plus the pointer Herald adds.
   */
  const prepare = async (req: FastifyRequest, application: ApplicationRow, eventType: EventTypeRow | null, body: Static<typeof MessageIn>, key: string | null): Promise<PublishRequest> => {
    const { scope } = req;
    const { type, id: eventId, record: recordRef } = body;
    const payloadValue = body.payload;
    if (payloadValue === undefined) throw unprocessable('"payload" is required', [{ field: 'body.payload', message: 'is required' }]);
    const record = recordRef ? await store.getRecord(scope, application.id, recordRef.id) : null;
    if (recordRef && (!record || record.purged_at)) throw unprocessable(`No record "${recordRef.id}" in this application`, [{ field: 'body.record.id', message: 'is not a record of this application' }]);
    if (record && (typeof payloadValue !== 'object' || payloadValue === null || Array.isArray(payloadValue))) {
      throw unprocessable('A message with a record needs an object payload (the pointer is added as payload.record)', [{ field: 'body.payload', message: 'must be an object' }]);
    }

    const headerErrors = checkDeliveryHeaders(body.headers);
    if (headerErrors.length) throw unprocessable(headerErrors.map((e) => `${e.field} ${e.message}`).join('; '), headerErrors);
    if (eventType?.archived) throw unprocessable(`Event type "${type}" is archived`, [{ field: 'body.type', message: 'is archived' }]);
    let payload = JSON.stringify(payloadValue);
    const maxPayload = (await limits.for(scope.tenant_id)).max_payload_bytes;
    const payloadBytes = Buffer.byteLength(payload);
    if (payloadBytes > maxPayload) throw new HttpProblem(413, 'Payload Too Large', `The payload is ${payloadBytes} bytes of JSON; this tenant's messages are limited to ${maxPayload}`);
    if (eventType?.schema) {
      const delivered = record
        ? JSON.stringify({ ...(payloadValue as object), record: { format: recordRef!.format, content_hash: record.content_hash, download_url: `${downloads.base()}/records/${record.id}` } })
        : payload;
      let outcome;
      try {
        outcome = await schemas.validate(`${eventType.id}:${eventType.updated_at}`, eventType.schema, delivered);
      } catch (err) {
        if (!(err instanceof SchemaBudgetExceeded || err instanceof SchemaCompileError)) throw err;
        const why = err instanceof SchemaBudgetExceeded ? `validation ${err.message}` : err.message;
        throw unprocessable(`The payload could not be checked against the schema of "${type}" (${why}); simplify the schema (PATCH /event-type/${type})`, [
          { field: 'body.payload', message: 'could not be checked against the schema' },
        ]);
      }
      if (outcome.errors) {
        const details = fieldErrors(outcome.errors, 'body.payload');
        throw unprocessable(`The payload does not match the schema of "${type}": ${details.map((e) => `${e.field} ${e.message}`).join('; ')}`, details);
      }
      if (outcome.filled !== null) {
        // The schema's defaults filled in what the publisher left out; the pointer is Herald's, not stored.
        const filled = JSON.parse(outcome.filled) as Record<string, unknown>;
        if (record) delete filled.record;
        payload = JSON.stringify(filled);
      }
    }
    return {
      app: application, event_type: type, event_id: eventId ?? null, payload, record: recordRef ?? null, channels: body.channels ?? null, idempotency_key: key,
      trace_context: tracing.traceparentOf(req.span), headers: body.headers ?? null, ordering_key: body.ordering_key ?? null,
    };
  };

  const reused = (key: string | null) => new HttpProblem(422, 'Idempotency Key Reused', `Idempotency-Key "${key}" was already used with a different request within the last 24 hours`);

  app.post(
    '/app/:app/msg',
    {
      schema: {
        tags,
        summary: 'Publish a message to every subscribed, enabled endpoint of the application',
        description:
          'The message and one delivery per matching endpoint are stored in one transaction; 202 is sent only after it commits. ' +
          'Repeating a request with the same Idempotency-Key within 24 h returns the original response and creates nothing.',
        params: AppParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKey) }),
        body: MessageIn,
        response: { 202: Message, ...errorResponses },
      },
    },
    async (req, reply) => {
      // Independent lookups, asked together: one trip to the store rather than two in a row.
      const [application, eventType] = await Promise.all([loadCachedApp(req, req.params.app), req.lookups.eventType(req.body.type)]);
      const key = req.headers['idempotency-key'] ?? null;
      const result = await publish(req.scope, await prepare(req, application, eventType, req.body, key));
      if (result.kind === 'idempotency_mismatch') throw reused(key);
      if (tracing.enabled) req.span.setAttributes({ 'herald.app_id': application.id, 'herald.message_id': result.message.id });
      metrics.published.inc({ outcome: result.kind });
      if (result.kind === 'replayed') void reply.header('idempotent-replayed', 'true');
      return reply.code(202).send(present.message(result.message));
    },
  );

  app.post(
    '/app/:app/msg/batch',
    {
      schema: {
        tags,
        summary: 'Publish up to 100 messages in one request and one transaction',
        description:
          'Each message is checked and published as POST /app/{app}/msg would, with its own `idempotency_key`; the answer has one result per message, in order: ' +
          '`status` 202 with the `message` (and `replayed` when an idempotency key or event id repeated an earlier one), or the problem that refused it. ' +
          'The accepted messages are stored in one transaction before the response is sent. Every message counts against the publish rate limit.',
        params: AppParams,
        body: BatchIn,
        response: { 200: BatchOut, ...errorResponses },
      },
    },
    async (req) => {
      const { messages } = req.body;
      await spendExtraPublishes(counters, limits, req, messages.length - 1);
      const application = await loadCachedApp(req, req.params.app);
      const types = [...new Set(messages.map((m) => m.type))];
      const eventTypes = new Map(await Promise.all(types.map(async (t) => [t, await req.lookups.eventType(t)] as const)));
      const prepared = await Promise.allSettled(messages.map((m) => prepare(req, application, eventTypes.get(m.type) ?? null, m, m.idempotency_key ?? null)));
      const accepted = prepared.flatMap((p) => (p.status === 'fulfilled' ? [p.value] : []));
      const published = await publish.many(req.scope, accepted);
      let next = 0;
      const data = prepared.map((p, i) => {
        const field = `body.messages.${i}`;
        if (p.status === 'rejected') return itemProblem(p.reason, field, req.log);
        const r = published[next++]!;
        if (r.status === 'rejected') return itemProblem(r.reason, field, req.log);
        if (r.value.kind === 'idempotency_mismatch') return itemProblem(reused(messages[i]!.idempotency_key ?? null), field, req.log);
        metrics.published.inc({ outcome: r.value.kind });
        return { status: 202, message: present.message(r.value.message), replayed: r.value.kind === 'replayed' };
      });
      return { data };
    },
  );

  app.get(
    '/app/:app/msg',
    {
      schema: {
        tags,
        summary: 'List messages, newest first',
        params: AppParams,
        querystring: Type.Pick(LogQuery, ['limit', 'iterator', 'type', 'since', 'until']),
        response: { 200: Page(Message), ...errorResponses },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const q = req.query;
      const page = await store.listMessages(req.scope, application.id, { event_type: q.type, since: toMs(q.since), until: toMs(q.until) }, q);
      return present.page(page, present.message);
    },
  );

  app.get(
    '/app/:app/msg/:msg',
    { schema: { tags, summary: 'Get a message by its msg_ id or your event id', params: MessageParams, response: { 200: Message, ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      return present.message(await loadMessage(store, req.scope, application.id, req.params.msg));
    },
  );

  app.post(
    '/app/:app/msg/:msg/endpoint/:endpoint/resend',
    {
      schema: {
        tags,
        summary: 'Send a message to one endpoint again, now, with a fresh retry budget',
        params: Type.Composite([MessageParams, Type.Object({ endpoint: Type.String({ maxLength: 256 }) })]),
        response: { 202: Delivery, ...errorResponses },
      },
    },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const message = await loadMessage(store, req.scope, application.id, req.params.msg);
      const ep = await loadEndpoint(store, req.scope, application.id, req.params.endpoint);
      if (ep.status !== 'enabled') throw conflict(`Endpoint "${ep.id}" is disabled; enable it before resending`);
      const now = Date.now();
      const delivery = await store.resend(req.scope, application.id, message.id, ep.id, now, newId('dlv', now));
      if (delivery === null) throw notFound('Message', message.id);
      if (delivery === 'in_flight') throw conflict('This message is being sent to that endpoint right now; try again when the attempt ends');
      wakeDelivery();
      return reply.code(202).send(present.delivery(delivery));
    },
  );
}
