import { Type, type Static } from '@sinclair/typebox';
import { notFound, unprocessable } from '../../errors.js';
import type { DeliveryStatus, LogFilter, MessageRow, Scope } from '../../store/types.js';
import { loadApp, loadEndpoint, loadMessage, toMs, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import type { Message } from '../schemas.js';
import type { NativeCall } from './native.js';
import { NativeProblem } from './native.js';
import { createApp, pageOf } from './resources.js';
import { AppParams, Bool, EndpointParams, LogQuery, MessageIn, MsgParams, open, PortalAccessIn } from './schemas.js';
import * as wire from './wire.js';


type Msg = Static<typeof Message>;
type Query = Static<typeof LogQuery>;
const call = (req: { native: NativeCall }): NativeCall => req.native;

/** Svix's log filters in Herald's terms; what Herald does not record (tags, status code classes) is refused, not ignored. */
function filterOf(q: Query): LogFilter {
  if (q.tag) throw unprocessable('Herald messages have no tags; filter by channel or event type', [{ field: 'query.tag', message: 'is not supported' }]);
  if (q.status_code_class !== undefined) throw unprocessable('Filter attempts by status instead of status_code_class', [{ field: 'query.status_code_class', message: 'is not supported' }]);
  const types = q.event_types ? q.event_types.split(',').filter(Boolean) : undefined;
  return {
    ...(types?.length ? { event_types: types } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.after ? { since: toMs(q.after) } : {}),
    ...(q.before ? { until: toMs(q.before) } : {}),
  };
}

/** Attempts carry only outcomes: Svix's success (0) and fail (2) filters; pending and sending have no attempts yet. */
function attemptStatus(status: number | undefined): LogFilter['status'] | 'none' | undefined {
  if (status === undefined) return undefined;
  return status === 0 ? 'succeeded' : status === 2 ? 'failed' : 'none';
}

/** Messages, attempts, portal access and health, on Svix's paths. */
export function messageRoutes(app: Api, { store }: ApiContext): void {
  const presentMessage = (m: MessageRow) => present.message(m) as Msg;

  app.post('/app/:app_id/msg', { schema: { params: AppParams, body: MessageIn, querystring: open({ with_content: Bool }) } }, async (req, reply) => {
    const native = call(req);
    const b = req.body;
    if (b.deliverAt) throw unprocessable('Herald sends messages when they are published; deliverAt is not supported', [{ field: 'body.deliverAt', message: 'is not supported' }]);
    if (b.tags?.length) throw unprocessable('Herald messages have no tags; use channels', [{ field: 'body.tags', message: 'is not supported' }]);
    const path = `/app/${encodeURIComponent(req.params.app_id)}/msg`;
    const body = { type: b.eventType, payload: b.payload, ...(b.eventId ? { id: b.eventId } : {}), ...(b.channels?.length ? { channels: b.channels } : {}) };
    let published;
    try {
      published = await native<Msg>('POST', path, body);
    } catch (err) {
      // Svix creates the application named by `application` when it does not exist yet.
      if (!(b.application && err instanceof NativeProblem && err.problem.status === 404 && !(await store.getApplication(req.scope, req.params.app_id)))) throw err;
      await createApp(native, { name: b.application.name, uid: b.application.uid ?? req.params.app_id, ...(b.application.metadata ? { metadata: b.application.metadata } : {}) });
      published = await native<Msg>('POST', path, body);
    }
    return reply.code(202).send(wire.message(published.body, req.query.with_content ?? true));
  });

  app.get('/app/:app_id/msg', { schema: { params: AppParams, querystring: LogQuery } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    const page = await store.listMessages(req.scope, application.id, filterOf(req.query), pageOf(req.query));
    return wire.page(page, (m) => wire.message(presentMessage(m), req.query.with_content ?? true));
  });

  app.get('/app/:app_id/msg/:msg_id', { schema: { params: MsgParams, querystring: open({ with_content: Bool }) } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    return wire.message(presentMessage(await loadMessage(store, req.scope, application.id, req.params.msg_id)), req.query.with_content ?? true);
  });

  // --- attempts
  const listAttempts = async (scope: Scope, appId: string, filter: LogFilter, q: Query) => {
    const status = attemptStatus(q.status);
    if (status === 'none') return { data: [], iterator: null, prevIterator: null, done: true };
    const page = await store.listAttempts(scope, appId, { ...filterOf(q), ...filter, ...(status ? { status } : {}) }, pageOf(q));
    const messages = new Map<string, Msg>();
    if (q.with_msg) {
      for (const id of new Set(page.data.map((a) => a.message_id))) {
        const m = await store.getMessage(scope, appId, id);
        if (m) messages.set(id, presentMessage(m));
      }
    }
    return wire.page(page, (a) => wire.attempt(present.attempt(a), messages.get(a.message_id)));
  };

  app.get('/app/:app_id/attempt/endpoint/:endpoint_id', { schema: { params: EndpointParams, querystring: LogQuery } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    const ep = await loadEndpoint(store, req.scope, application.id, req.params.endpoint_id);
    return listAttempts(req.scope, application.id, { endpoint_id: ep.id }, req.query);
  });

  app.get('/app/:app_id/attempt/msg/:msg_id', { schema: { params: MsgParams, querystring: LogQuery } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    const message = await loadMessage(store, req.scope, application.id, req.params.msg_id);
    const endpoint = req.query.endpoint_id ? (await loadEndpoint(store, req.scope, application.id, req.query.endpoint_id)).id : undefined;
    return listAttempts(req.scope, application.id, { message_id: message.id, ...(endpoint ? { endpoint_id: endpoint } : {}) }, req.query);
  });

  app.get('/app/:app_id/msg/:msg_id/attempt/:attempt_id', { schema: { params: Type.Composite([MsgParams, Type.Object({ attempt_id: Type.String({ maxLength: 64 }) })]) } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    const message = await loadMessage(store, req.scope, application.id, req.params.msg_id);
    const found = (await store.listAttempts(req.scope, application.id, { message_id: message.id, attempt_id: req.params.attempt_id }, { limit: 1 })).data[0];
    if (!found) throw notFound('Attempt', req.params.attempt_id);
    return wire.attempt(present.attempt(found));
  });

  const deliveryStatuses = (status: number | undefined): DeliveryStatus[] | undefined => (status === undefined ? undefined : wire.DELIVERY_STATUSES[status]);

  // The messages an endpoint was sent, each with where its delivery stands.
  app.get('/app/:app_id/endpoint/:endpoint_id/msg', { schema: { params: EndpointParams, querystring: LogQuery } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    const ep = await loadEndpoint(store, req.scope, application.id, req.params.endpoint_id);
    const statuses = deliveryStatuses(req.query.status);
    const filter = { ...filterOf(req.query), endpoint_id: ep.id, ...(statuses?.length === 1 ? { status: statuses[0] } : {}) };
    const page = await store.listDeliveries(req.scope, application.id, filter, pageOf(req.query));
    const rows = await Promise.all(
      page.data.map(async (d) => {
        const m = await store.getMessage(req.scope, application.id, d.message_id);
        return m && m.payload !== null && (!statuses || statuses.includes(d.status)) ? wire.endpointMessage(presentMessage(m), present.delivery(d), req.query.with_content ?? true) : null;
      }),
    );
    return { ...wire.page(page, () => null), data: rows.filter((r) => r !== null) };
  });

  // The endpoints a message went to, each with where its delivery stands.
  app.get('/app/:app_id/msg/:msg_id/endpoint', { schema: { params: MsgParams, querystring: LogQuery } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app_id);
    const message = await loadMessage(store, req.scope, application.id, req.params.msg_id);
    const page = await store.listDeliveries(req.scope, application.id, { message_id: message.id }, pageOf(req.query));
    const rows = await Promise.all(
      page.data.map(async (d) => {
        const e = await store.getEndpoint(req.scope, application.id, d.endpoint_id);
        return e ? wire.messageEndpoint(present.endpoint(e), present.delivery(d)) : null;
      }),
    );
    return { ...wire.page(page, () => null), data: rows.filter((r) => r !== null) };
  });

  app.post(
    '/app/:app_id/msg/:msg_id/endpoint/:endpoint_id/resend',
    { schema: { params: Type.Composite([MsgParams, Type.Object({ endpoint_id: Type.String({ maxLength: 256 }) })]) } },
    async (req, reply) => {
      const p = req.params;
      await call(req)('POST', `/app/${encodeURIComponent(p.app_id)}/msg/${encodeURIComponent(p.msg_id)}/endpoint/${encodeURIComponent(p.endpoint_id)}/resend`);
      return reply.code(202).send({});
    },
  );

  // --- portal access: a Herald portal link, answered as Svix's {url, token}
  const portalAccess = async (req: { native: NativeCall; scope: Scope; params: { app_id: string }; body?: Static<typeof PortalAccessIn> }) => {
    const native = call(req);
    const b = req.body ?? {};
    if (b.application && !(await store.getApplication(req.scope, req.params.app_id))) {
      await createApp(native, { name: b.application.name, uid: b.application.uid ?? req.params.app_id });
    }
    const link = await native<{ url: string; token: string }>('POST', `/app/${encodeURIComponent(req.params.app_id)}/portal-link`, {
      ...(typeof b.expiry === 'number' ? { expires_in_seconds: b.expiry } : {}),
      ...(b.readOnly !== undefined ? { read_only: b.readOnly } : {}),
    });
    return { url: link.body.url, token: link.body.token };
  };
  app.post('/auth/app-portal-access/:app_id', { schema: { params: AppParams, body: PortalAccessIn } }, async (req) => portalAccess(req));
  app.post('/auth/dashboard-access/:app_id', { schema: { params: AppParams, body: PortalAccessIn } }, async (req) => portalAccess(req));
}
