import { Type } from '@sinclair/typebox';
import { notFound, orConflict, unprocessable } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Api, ApiContext } from '../context.js';
import { present } from '../present.js';
import { EventType, EventTypeIn, EventTypePatch, Page, PageQuery, errorResponses } from '../schemas.js';

const NameParams = Type.Object({ name: Type.String({ maxLength: 256 }) });

/** Event types: the catalog of what can be published, each with an optional JSON Schema. */
export function eventTypeRoutes(app: Api, { store, payloads }: ApiContext): void {
  const tags = ['event types'];
  const checkSchema = (schema: Record<string, unknown> | null | undefined) => {
    if (!schema) return;
    try {
      payloads.check(schema);
    } catch (err) {
      throw unprocessable(`"schema" is not a valid JSON Schema: ${(err as Error).message}`, [{ field: 'body.schema', message: (err as Error).message }]);
    }
  };

  app.post('/event-type', { schema: { tags, summary: 'Create an event type', body: EventTypeIn, response: { 201: EventType, ...errorResponses } } }, async (req, reply) => {
    checkSchema(req.body.schema);
    const now = Date.now();
    const row = {
      id: newId('et', now),
      name: req.body.name,
      description: req.body.description ?? '',
      schema: req.body.schema ?? null,
      example: req.body.example ?? null,
      archived: false,
      created_at: now,
      updated_at: now,
    };
    await orConflict(store.createEventType(req.scope, row), `Event type "${row.name}" already exists`);
    return reply.code(201).send(present.eventType(row));
  });

  app.get(
    '/event-type',
    {
      schema: {
        tags,
        summary: 'List event types',
        querystring: Type.Object({ ...PageQuery.properties, include_archived: Type.Boolean({ default: false }) }, { additionalProperties: false }),
        response: { 200: Page(EventType), ...errorResponses },
      },
    },
    async (req) => present.page(await store.listEventTypes(req.scope, req.query, req.query.include_archived), present.eventType),
  );

  app.get('/event-type/:name', { schema: { tags, summary: 'Get an event type', params: NameParams, response: { 200: EventType, ...errorResponses } } }, async (req) => {
    const et = await store.getEventType(req.scope, req.params.name);
    if (!et) throw notFound('Event type', req.params.name);
    return present.eventType(et);
  });

  app.patch(
    '/event-type/:name',
    { schema: { tags, summary: 'Update an event type', params: NameParams, body: EventTypePatch, response: { 200: EventType, ...errorResponses } } },
    async (req) => {
      checkSchema(req.body.schema);
      const et = await store.updateEventType(req.scope, req.params.name, req.body, Date.now());
      if (!et) throw notFound('Event type', req.params.name);
      return present.eventType(et);
    },
  );

  app.delete('/event-type/:name', { schema: { tags, summary: 'Delete an event type', params: NameParams, response: { 204: Type.Null(), ...errorResponses } } }, async (req, reply) => {
    if (!(await store.deleteEventType(req.scope, req.params.name))) throw notFound('Event type', req.params.name);
    return reply.code(204).send(null);
  });
}
