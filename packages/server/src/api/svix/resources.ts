import { Type, type Static } from '@sinclair/typebox';
import { openKeys } from '../../crypto/endpoint-keys.js';
import { unprocessable } from '../../errors.js';
import type { PageQuery, Scope } from '../../store/types.js';
import { loadApp, loadEndpoint, loadEventType, toMs, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import type { Application, Endpoint, EventType } from '../schemas.js';
import type { NativeCall } from './native.js';
import { NativeProblem } from './native.js';
import { ApplicationIn, ApplicationPatch, Bool, EndpointIn, EndpointParams, EndpointPatch, EndpointUpdate, EventTypeIn, EventTypeParams, EventTypeUpdate, IntOrNull, ListQuery, open, StrOrNull, AppParams, Time } from './schemas.js';
import * as wire from './wire.js';

type App = Static<typeof Application>;
type Ep = Static<typeof Endpoint>;
type Et = Static<typeof EventType>;
const call = (req: { native: NativeCall }): NativeCall => req.native;

/** A page request in Herald's terms: an iterator behind a "-" is a prevIterator (the page before); ascending order is refused plainly. */
export function pageOf(q: { limit?: number | undefined; iterator?: string | null | undefined; order?: string | undefined }): PageQuery {
  if (q.order === 'ascending') throw unprocessable('Herald lists newest first; order=ascending is not supported', [{ field: 'query.order', message: 'must be "descending"' }]);
  const limit = q.limit ?? 50;
  if (!q.iterator) return { limit };
  return q.iterator.startsWith('-') ? { limit, before: q.iterator.slice(1) } : { limit, iterator: q.iterator };
}

/**
 * An application made through the Svix surface is set up as Svix sends: the payload as the body
 * (no envelope) and svix-id / svix-timestamp / svix-signature headers.
 */
export const createApp = (native: NativeCall, fields: Record<string, unknown>) =>
  native<App>('POST', '/app', { ...fields, envelope: 'raw', scheme_options: { header_names: 'svix' } });

const missing = (err: unknown) => err instanceof NativeProblem && err.problem.status === 404;

/** Svix ApplicationIn → Herald's application fields (uid null on a PUT keeps the stored one: Herald uids are set, not cleared). */
const toApp = (b: Static<typeof ApplicationPatch>) => ({
  ...(b.name !== undefined ? { name: b.name } : {}),
  ...(b.uid ? { uid: b.uid } : {}),
  ...(b.metadata !== undefined ? { metadata: b.metadata } : {}),
});

/** Svix endpoint fields → Herald's; `full` (PUT) sets every field, absent ones to their defaults. SDK 2.x says eventTypes for filterTypes. */
function toEndpoint(b: Static<typeof EndpointPatch>, full: boolean) {
  const pick = <T>(value: T | undefined, fallback: T) => (value !== undefined ? value : full ? fallback : undefined);
  // Svix sends [] for "no filter"; Herald says null.
  const listOrNull = (list: string[] | null | undefined) => (list === undefined ? undefined : list?.length ? list : null);
  const out: Record<string, unknown> = {
    url: b.url,
    description: pick(b.description, ''),
    uid: b.uid,
    filter_types: pick(listOrNull(b.filterTypes !== undefined ? b.filterTypes : b.eventTypes), null),
    channels: pick(listOrNull(b.channels), null),
    rate_limit_per_second: pick(b.rateLimit !== undefined ? b.rateLimit : b.throttleRate, null),
    metadata: pick(b.metadata, {}),
    disabled: pick(b.disabled, false),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function toEventType(b: Static<typeof EventTypeUpdate>, full: boolean) {
  const { schema, example } = b.schemas !== undefined ? wire.schemaFromSvix(b.schemas) : { schema: undefined, example: undefined };
  const out: Record<string, unknown> = {
    description: b.description ?? (full ? '' : undefined),
    schema: schema !== undefined ? schema : full ? null : undefined,
    example: example !== undefined ? example : schema !== undefined ? null : undefined,
    archived: b.archived ?? (full ? false : undefined),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** Applications, endpoints and event types, on Svix's paths. */
export function resourceRoutes(app: Api, { store, box }: ApiContext): void {
  const currentEndpoint = async (scope: Scope, p: { app_id: string; endpoint_id: string }) => {
    const application = await loadApp(store, scope, p.app_id);
    return present.endpoint(await loadEndpoint(store, scope, application.id, p.endpoint_id));
  };

  // --- applications
  app.get('/app', { schema: { querystring: ListQuery } }, async (req) => wire.page(await store.listApplications(req.scope, pageOf(req.query)), (r) => wire.application(present.application(r))));

  app.post('/app', { schema: { body: ApplicationIn, querystring: open({ get_if_exists: Bool }) } }, async (req, reply) => {
    const existing = req.query.get_if_exists && req.body.uid ? await store.getApplication(req.scope, req.body.uid) : null;
    if (existing) return reply.code(200).send(wire.application(present.application(existing)));
    const created = await createApp(call(req), { ...toApp(req.body), name: req.body.name });
    return reply.code(201).send(wire.application(created.body));
  });

  app.get('/app/:app_id', { schema: { params: AppParams } }, async (req) => wire.application(present.application(await loadApp(store, req.scope, req.params.app_id))));

  app.put('/app/:app_id', { schema: { params: AppParams, body: ApplicationIn } }, async (req, reply) => {
    const native = call(req);
    const path = `/app/${encodeURIComponent(req.params.app_id)}`;
    try {
      return wire.application((await native<App>('PATCH', path, { ...toApp(req.body), metadata: req.body.metadata ?? {} })).body);
    } catch (err) {
      if (!missing(err)) throw err;
    }
    // Svix's PUT creates what is missing, under the uid in the path.
    const uid = req.body.uid ?? (req.params.app_id.startsWith('app_') ? undefined : req.params.app_id);
    const created = await createApp(native, { ...toApp(req.body), ...(uid ? { uid } : {}) });
    return reply.code(201).send(wire.application(created.body));
  });

  app.patch('/app/:app_id', { schema: { params: AppParams, body: ApplicationPatch } }, async (req) =>
    wire.application((await call(req)<App>('PATCH', `/app/${encodeURIComponent(req.params.app_id)}`, toApp(req.body))).body),
  );

  app.delete('/app/:app_id', { schema: { params: AppParams } }, async (req, reply) => {
    await call(req)('DELETE', `/app/${encodeURIComponent(req.params.app_id)}`);
    return reply.code(204).send();
  });

  // --- endpoints
  const epPath = (p: { app_id: string; endpoint_id: string }) => `/app/${encodeURIComponent(p.app_id)}/endpoint/${encodeURIComponent(p.endpoint_id)}`;

  app.get('/app/:app_id/endpoint', { schema: { params: AppParams, querystring: ListQuery } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    return wire.page(await store.listEndpoints(req.scope, application.id, pageOf(req.query)), (e) => wire.endpoint(present.endpoint(e)));
  });

  app.post('/app/:app_id/endpoint', { schema: { params: AppParams, body: EndpointIn } }, async (req, reply) => {
    const { secret, headers } = req.body;
    const body = { ...toEndpoint(req.body, false), ...(secret ? { secret } : {}), ...(headers ? { headers } : {}) };
    const created = await call(req)<Ep>('POST', `/app/${encodeURIComponent(req.params.app_id)}/endpoint`, body);
    return reply.code(201).send(wire.endpoint(created.body));
  });

  app.get('/app/:app_id/endpoint/:endpoint_id', { schema: { params: EndpointParams } }, async (req) => wire.endpoint(await currentEndpoint(req.scope, req.params)));

  app.put('/app/:app_id/endpoint/:endpoint_id', { schema: { params: EndpointParams, body: EndpointUpdate } }, async (req, reply) => {
    const native = call(req);
    await loadApp(store, req.scope, req.params.app_id);
    try {
      return wire.endpoint((await native<Ep>('PATCH', epPath(req.params), toEndpoint(req.body, true))).body);
    } catch (err) {
      if (!missing(err)) throw err;
    }
    const uid = req.body.uid ?? (req.params.endpoint_id.startsWith('ep_') ? undefined : req.params.endpoint_id);
    const created = await native<Ep>('POST', `/app/${encodeURIComponent(req.params.app_id)}/endpoint`, { ...toEndpoint(req.body, false), ...(uid ? { uid } : {}) });
    return reply.code(201).send(wire.endpoint(created.body));
  });

  app.patch('/app/:app_id/endpoint/:endpoint_id', { schema: { params: EndpointParams, body: EndpointPatch } }, async (req) => {
    const native = call(req);
    const patch = toEndpoint(req.body, false);
    let ep = Object.keys(patch).length ? (await native<Ep>('PATCH', epPath(req.params), patch)).body : null;
    // A secret in a Svix patch replaces the signing secret at once.
    if (req.body.secret) ep = (await native<{ endpoint: Ep }>('POST', `${epPath(req.params)}/secret/rotate`, { secret: req.body.secret, grace_seconds: 0 })).body.endpoint;
    return wire.endpoint(ep ?? (await currentEndpoint(req.scope, req.params)));
  });

  app.delete('/app/:app_id/endpoint/:endpoint_id', { schema: { params: EndpointParams } }, async (req, reply) => {
    await call(req)('DELETE', epPath(req.params));
    return reply.code(204).send();
  });

  // Svix hands the secret to an API key on request; the native API shows it once (README, "Coming from Svix").
  app.get('/app/:app_id/endpoint/:endpoint_id/secret', { schema: { params: EndpointParams } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    const ep = await loadEndpoint(store, req.scope, application.id, req.params.endpoint_id);
    const runtime = await store.getEndpointRuntime(req.scope, application.id, ep.id, Date.now());
    const newest = runtime?.sealed_secrets[0];
    if (!newest) throw unprocessable('This endpoint has no live signing secret');
    return { key: openKeys(box, newest).secret };
  });

  app.post(
    '/app/:app_id/endpoint/:endpoint_id/secret/rotate',
    { schema: { params: EndpointParams, body: Type.Optional(open({ key: StrOrNull, gracePeriodSeconds: IntOrNull })) } },
    async (req, reply) => {
      const b = req.body ?? {};
      await call(req)('POST', `${epPath(req.params)}/secret/rotate`, { ...(b.key ? { secret: b.key } : {}), ...(typeof b.gracePeriodSeconds === 'number' ? { grace_seconds: b.gracePeriodSeconds } : {}) });
      return reply.code(204).send();
    },
  );

  /** Svix shows custom headers in clear except the sensitive ones, which it only names; Herald's sealed ones are those. */
  app.get('/app/:app_id/endpoint/:endpoint_id/headers', { schema: { params: EndpointParams } }, async (req) => {
    const shown = (await currentEndpoint(req.scope, req.params)).headers;
    const sensitive = Object.keys(shown).filter((k) => shown[k] === '********');
    return { headers: Object.fromEntries(Object.entries(shown).filter(([k]) => !sensitive.includes(k))), sensitive };
  });

  app.put(
    '/app/:app_id/endpoint/:endpoint_id/headers',
    { schema: { params: EndpointParams, body: open({ headers: Type.Record(Type.String(), Type.String()) }) } },
    async (req, reply) => {
      await call(req)('PATCH', epPath(req.params), { headers: req.body.headers });
      return reply.code(204).send();
    },
  );

  app.patch(
    '/app/:app_id/endpoint/:endpoint_id/headers',
    {
      schema: {
        params: EndpointParams,
        body: open({ headers: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])), deleteHeaders: Type.Optional(Type.Array(Type.String())) }),
      },
    },
    async (req, reply) => {
      const native = call(req);
      const current = (await currentEndpoint(req.scope, req.params)).headers;
      // The masked values of sealed headers, sent back, keep what is stored.
      const merged: Record<string, string> = { ...current };
      for (const [name, value] of Object.entries(req.body.headers)) {
        for (const k of Object.keys(merged)) if (k.toLowerCase() === name.toLowerCase()) delete merged[k];
        if (value !== null) merged[name] = value;
      }
      for (const name of req.body.deleteHeaders ?? []) for (const k of Object.keys(merged)) if (k.toLowerCase() === name.toLowerCase()) delete merged[k];
      await native('PATCH', epPath(req.params), { headers: merged });
      return reply.code(204).send();
    },
  );

  app.post(
    '/app/:app_id/endpoint/:endpoint_id/recover',
    { schema: { params: EndpointParams, body: open({ since: Type.String({ format: 'date-time' }), until: Time }) } },
    async (req, reply) => {
      await call(req)('POST', `${epPath(req.params)}/recover`, { since: req.body.since, ...(req.body.until ? { until: req.body.until } : {}) });
      // Herald requeues within the request: the task Svix would run later is finished when this answers.
      return reply.code(202).send({ id: `qtask_${Date.now().toString(36)}`, status: 'finished', task: 'endpoint.recover', updatedAt: new Date().toISOString() });
    },
  );

  app.get(
    '/app/:app_id/endpoint/:endpoint_id/stats',
    { schema: { params: EndpointParams, querystring: open({ since: Time, until: Time }) } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app_id);
      const ep = await loadEndpoint(store, req.scope, application.id, req.params.endpoint_id);
      const c = await store.countDeliveries(req.scope, application.id, { endpoint_id: ep.id, since: toMs(req.query.since ?? undefined), until: toMs(req.query.until ?? undefined) });
      return { success: c.succeeded, pending: c.pending, sending: c.delivering, fail: c.failed, canceled: c.discarded };
    },
  );

  app.post(
    '/app/:app_id/endpoint/:endpoint_id/send-example',
    { schema: { params: EndpointParams, body: open({ eventType: Type.String(), exampleIndex: Type.Optional(Type.Integer({ minimum: 0 })) }) } },
    async (req, reply) => {
      const native = call(req);
      const sent = await native<{ request: { headers: Record<string, string>; body: string } }>('POST', `${epPath(req.params)}/send-example`, { type: req.body.eventType });
      const h = sent.body.request.headers;
      const id = h['svix-id'] ?? h['webhook-id'] ?? '';
      const payload = (await loadEventType(store, req.scope, req.body.eventType)).example;
      return reply.code(202).send({ id, eventId: null, eventType: req.body.eventType, payload, channels: null, tags: null, deliverAt: null, timestamp: new Date().toISOString() });
    },
  );

  // --- event types
  app.get('/event-type', { schema: { querystring: open({ ...ListQuery.properties, include_archived: Bool, with_content: Bool }) } }, async (req) =>
    wire.page(await store.listEventTypes(req.scope, pageOf(req.query), req.query.include_archived ?? false), (e) => wire.eventType(present.eventType(e), req.query.with_content ?? true)),
  );

  app.post('/event-type', { schema: { body: EventTypeIn } }, async (req, reply) => {
    const native = call(req);
    const { archived, ...fields } = toEventType(req.body, false);
    let created = (await native<Et>('POST', '/event-type', { name: req.body.name, ...fields })).body;
    if (archived) created = (await native<Et>('PATCH', `/event-type/${encodeURIComponent(req.body.name)}`, { archived: true })).body;
    return reply.code(201).send(wire.eventType(created));
  });

  app.get('/event-type/:event_type_name', { schema: { params: EventTypeParams } }, async (req) => wire.eventType(present.eventType(await loadEventType(store, req.scope, req.params.event_type_name))));

  app.put('/event-type/:event_type_name', { schema: { params: EventTypeParams, body: EventTypeUpdate } }, async (req, reply) => {
    const native = call(req);
    const path = `/event-type/${encodeURIComponent(req.params.event_type_name)}`;
    try {
      return wire.eventType((await native<Et>('PATCH', path, toEventType(req.body, true))).body);
    } catch (err) {
      if (!missing(err)) throw err;
    }
    const { archived, ...fields } = toEventType(req.body, false);
    let created = (await native<Et>('POST', '/event-type', { name: req.params.event_type_name, ...fields })).body;
    if (archived) created = (await native<Et>('PATCH', path, { archived: true })).body;
    return reply.code(201).send(wire.eventType(created));
  });

  app.patch('/event-type/:event_type_name', { schema: { params: EventTypeParams, body: EventTypeUpdate } }, async (req) =>
    wire.eventType((await call(req)<Et>('PATCH', `/event-type/${encodeURIComponent(req.params.event_type_name)}`, toEventType(req.body, false))).body),
  );

  // Svix archives on delete unless asked to expunge.
  app.delete('/event-type/:event_type_name', { schema: { params: EventTypeParams, querystring: open({ expunge: Bool }) } }, async (req, reply) => {
    const path = `/event-type/${encodeURIComponent(req.params.event_type_name)}`;
    if (req.query.expunge) await call(req)('DELETE', path);
    else await call(req)('PATCH', path, { archived: true });
    return reply.code(204).send();
  });
}
