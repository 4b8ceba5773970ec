import { Type } from '@sinclair/typebox';
import { notFound, orConflict, quotaExceeded, unprocessable } from '../../errors.js';
import { newId } from '../../ids.js';
import { checkSchemaBounds } from '../../tenant-schemas/limits.js';
import { SchemaBudgetExceeded, SchemaCompileError } from '../../tenant-schemas/sandbox.js';
import type { Scope } from '../../store/types.js';
import { loadEventType, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { EventType, EventTypeIn, EventTypePatch, Page, PageQuery, errorResponses } from '../schemas.js';

const NameParams = Type.Object({ name: Type.String({ maxLength: 256 }) });

/** Event types: the catalog of what can be published, each with an optional JSON Schema. */
export function eventTypeRoutes(app: Api, { store, schemas, limits }: ApiContext): void {
  const tags = ['event types'];
  /** Bounds first (cheap, here), then a compile in the schema sandbox (its own thread, time-boxed). */
  const checkSchema = async (scope: Scope, schema: Record<string, unknown> | null | undefined) => {
    if (!schema) return;
    const bounds = checkSchemaBounds(schema, (await limits.for(scope.tenant_id)).max_schema_bytes);
    if (bounds.length) throw unprocessable(`"schema" is outside the bounds tenant schemas must keep: ${bounds.map((e) => `${e.field} ${e.message}`).join('; ')}`, bounds);
    try {
      await schemas.check(schema);
    } catch (err) {
      if (!(err instanceof SchemaCompileError || err instanceof SchemaBudgetExceeded)) throw err;
      const message = err instanceof SchemaBudgetExceeded ? `could not be compiled in time (${err.message}); make it smaller or simpler` : err.message;
      throw unprocessable(`"schema" is not a usable JSON Schema: ${message}`, [{ field: 'body.schema', message }]);
    }
  };

  app.post('/event-type', { schema: { tags, summary: 'Create an event type', body: EventTypeIn, response: { 201: EventType, ...errorResponses } } }, async (req, reply) => {
    await checkSchema(req.scope, req.body.schema);
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
    const max = (await limits.for(req.scope.tenant_id)).max_event_types;
    if (!(await orConflict(store.createEventType(req.scope, row, max), `Event type "${row.name}" already exists`))) {
      throw quotaExceeded(`This environment already has ${max} event types, the most this tenant may have; delete or reuse one`);
    }
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
    return present.eventType(await loadEventType(store, req.scope, req.params.name));
  });

  app.patch(
    '/event-type/:name',
    { schema: { tags, summary: 'Update an event type', params: NameParams, body: EventTypePatch, response: { 200: EventType, ...errorResponses } } },
    async (req) => {
      await checkSchema(req.scope, req.body.schema);
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
