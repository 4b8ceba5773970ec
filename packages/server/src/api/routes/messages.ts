import { Type } from '@sinclair/typebox';
import { HttpProblem, conflict, unprocessable } from '../../errors.js';
import { newId } from '../../ids.js';
import { SchemaBudgetExceeded, SchemaCompileError } from '../../tenant-schemas/sandbox.js';
import { loadApp, loadEndpoint, loadMessage, toMs, type Api, type ApiContext } from '../context.js';
import { fieldErrors } from '../problems.js';
import { present } from '../present.js';
import { AppParams, Delivery, LogQuery, Message, MessageIn, Page, errorResponses } from '../schemas.js';

const MessageParams = Type.Object({ app: Type.String({ maxLength: 256 }), msg: Type.String({ maxLength: 256 }) });

/** Publishing and reading messages. */
export function messageRoutes(app: Api, { store, schemas, limits, metrics, wakeDelivery, publish, downloads }: ApiContext): void {
  const tags = ['messages'];

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
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' })) }),
        body: MessageIn,
        response: { 202: Message, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { type, id: eventId, record: recordRef } = req.body;
      // Independent lookups, asked together: one trip to the store rather than two in a row.
      const [application, eventType] = await Promise.all([loadApp(store, req.scope, req.params.app), store.getEventType(req.scope, type)]);
      const payloadValue = req.body.payload;
      if (payloadValue === undefined) throw unprocessable('"payload" is required', [{ field: 'body.payload', message: 'is required' }]);
      const record = recordRef ? await store.getRecord(req.scope, application.id, recordRef.id) : null;
      if (recordRef && (!record || record.purged_at)) throw unprocessable(`No record "${recordRef.id}" in this application`, [{ field: 'body.record.id', message: 'is not a record of this application' }]);
      if (record && (typeof payloadValue !== 'object' || payloadValue === null || Array.isArray(payloadValue))) {
        throw unprocessable('A message with a record needs an object payload (the pointer is added as payload.record)', [{ field: 'body.payload', message: 'must be an object' }]);
      }

      if (eventType?.archived) throw unprocessable(`Event type "${type}" is archived`, [{ field: 'body.type', message: 'is archived' }]);
      let payload = JSON.stringify(payloadValue);
      const maxPayload = (await limits.for(req.scope.tenant_id)).max_payload_bytes;
      const payloadBytes = Buffer.byteLength(payload);
      if (payloadBytes > maxPayload) throw new HttpProblem(413, 'Payload Too Large', `The payload is ${payloadBytes} bytes of JSON; this tenant's messages are limited to ${maxPayload}`);
      if (eventType?.schema) {
        // Validate what receivers will get: with a record, the payload plus the pointer Herald adds.
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

      const key = req.headers['idempotency-key'];
      const result = await publish(req.scope, { app: application, event_type: type, event_id: eventId ?? null, payload, record: recordRef ?? null, idempotency_key: key ?? null });
      if (result.kind === 'idempotency_mismatch') {
        throw new HttpProblem(422, 'Idempotency Key Reused', `Idempotency-Key "${key}" was already used with a different request within the last 24 hours`);
      }
      metrics.published.inc({ outcome: result.kind });
      if (result.kind === 'replayed') void reply.header('idempotent-replayed', 'true');
      return reply.code(202).send(present.message(result.message));
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
        params: Type.Composite([MessageParams, Type.Object({ endpoint: Type.String({ maxLength: 64 }) })]),
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
      if (delivery === 'in_flight') throw conflict('This message is being sent to that endpoint right now; try again when the attempt ends');
      wakeDelivery();
      return reply.code(202).send(present.delivery(delivery));
    },
  );
}
