import { Type } from '@sinclair/typebox';
import { generateEndpointSecret, maskSecret, type Environment } from '../../crypto/tokens.js';
import { badRequest, notFound, unprocessable, type FieldError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { EndpointPatch as StorePatch } from '../../store/types.js';
import { loadApp, toMs, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { AppParams, Endpoint, EndpointIn, EndpointPatch, Page, PageQuery, errorResponses } from '../schemas.js';

const EndpointParams = Type.Object({ app: Type.String({ maxLength: 256 }), endpoint: Type.String({ maxLength: 64 }) });

/** Headers Herald owns on every delivery; an endpoint's custom headers may not set them. */
const RESERVED_HEADERS = /^(webhook-.*|content-type|content-length|user-agent|host|connection|transfer-encoding|keep-alive|upgrade|te|trailer)$/i;

export function checkEndpointUrl(raw: string, environment: Environment): FieldError | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { field: 'body.url', message: 'is not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { field: 'body.url', message: 'must use https:// (or http:// in the test environment)' };
  if (url.protocol === 'http:' && environment === 'live') return { field: 'body.url', message: 'must use https:// in the live environment' };
  if (!url.hostname) return { field: 'body.url', message: 'must have a host' };
  if (url.hash) return { field: 'body.url', message: 'must not have a #fragment' };
  return null;
}

function checkEndpointInput(body: { url?: string | undefined; headers?: Record<string, string> | undefined }, environment: Environment): void {
  const errors: FieldError[] = [];
  if (body.url !== undefined) {
    const urlError = checkEndpointUrl(body.url, environment);
    if (urlError) errors.push(urlError);
  }
  for (const name of Object.keys(body.headers ?? {})) {
    if (RESERVED_HEADERS.test(name)) errors.push({ field: `body.headers.${name}`, message: 'is set by Herald and cannot be overridden' });
  }
  if (errors.length) throw unprocessable(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}

/** Endpoints: where an application's messages are delivered, and how. */
export function endpointRoutes(app: Api, { store, box, wakeDelivery }: ApiContext): void {
  const tags = ['endpoints'];

  app.post(
    '/app/:app/endpoint',
    { schema: { tags, summary: 'Create an endpoint; the response holds its signing secret, shown this once', params: AppParams, body: EndpointIn, response: { 201: Endpoint, ...errorResponses } } },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      checkEndpointInput(req.body, req.scope.environment);
      const now = Date.now();
      const secret = req.body.secret ?? generateEndpointSecret();
      const enabled = !req.body.disabled;
      const created = await store.createEndpoint(
        req.scope,
        {
          id: newId('ep', now),
          app_id: application.id,
          url: req.body.url,
          description: req.body.description ?? '',
          status: enabled ? 'enabled' : 'disabled',
          disabled_reason: enabled ? null : 'manual',
          filter_types: req.body.filter_types ?? null,
          timeout_ms: (req.body.timeout_seconds ?? 15) * 1000,
          retry_schedule: req.body.retry_schedule ?? null,
          max_in_flight: req.body.max_in_flight ?? 10,
          headers: req.body.headers ?? {},
          metadata: req.body.metadata ?? {},
          enabled_at: enabled ? now : null,
          created_at: now,
          updated_at: now,
        },
        { id: newId('sec', now), sealed: box.seal(secret), hint: maskSecret(secret) },
      );
      return reply.code(201).send(present.endpoint(created, secret));
    },
  );

  app.get(
    '/app/:app/endpoint',
    { schema: { tags, summary: 'List endpoints', params: AppParams, querystring: PageQuery, response: { 200: Page(Endpoint), ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      return present.page(await store.listEndpoints(req.scope, application.id, req.query), (e) => present.endpoint(e));
    },
  );

  app.get('/app/:app/endpoint/:endpoint', { schema: { tags, summary: 'Get an endpoint', params: EndpointParams, response: { 200: Endpoint, ...errorResponses } } }, async (req) => {
    const application = await loadApp(store, req.scope, req.params.app);
    const ep = await store.getEndpoint(req.scope, application.id, req.params.endpoint);
    if (!ep) throw notFound('Endpoint', req.params.endpoint);
    return present.endpoint(ep);
  });

  app.patch(
    '/app/:app/endpoint/:endpoint',
    { schema: { tags, summary: 'Update an endpoint; `disabled: false` re-enables it', params: EndpointParams, body: EndpointPatch, response: { 200: Endpoint, ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      checkEndpointInput(req.body, req.scope.environment);
      const { disabled, timeout_seconds, ...rest } = req.body;
      const patch: StorePatch = { ...rest };
      if (timeout_seconds !== undefined) patch.timeout_ms = timeout_seconds * 1000;
      if (disabled !== undefined) patch.status = disabled ? 'disabled' : 'enabled';
      const ep = await store.updateEndpoint(req.scope, application.id, req.params.endpoint, patch, Date.now());
      if (!ep) throw notFound('Endpoint', req.params.endpoint);
      if (disabled === false) wakeDelivery();
      return present.endpoint(ep);
    },
  );

  app.delete(
    '/app/:app/endpoint/:endpoint',
    { schema: { tags, summary: 'Delete an endpoint; its unfinished deliveries are discarded', params: EndpointParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      if (!(await store.deleteEndpoint(req.scope, application.id, req.params.endpoint, Date.now()))) throw notFound('Endpoint', req.params.endpoint);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/app/:app/endpoint/:endpoint/recover',
    {
      schema: {
        tags,
        summary: 'Requeue every failed delivery of this endpoint created since a time',
        params: EndpointParams,
        body: Type.Object({ since: Type.String({ format: 'date-time' }), until: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
        response: { 202: Type.Object({ recovered: Type.Integer() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const ep = await store.getEndpoint(req.scope, application.id, req.params.endpoint);
      if (!ep) throw notFound('Endpoint', req.params.endpoint);
      const now = Date.now();
      const since = toMs(req.body.since)!;
      const until = toMs(req.body.until) ?? now + 1;
      if (since >= until) throw badRequest('"since" must be before "until"', [{ field: 'body.since', message: 'must be before until' }]);
      const recovered = await store.recoverFailed(req.scope, application.id, ep.id, since, until, now);
      wakeDelivery();
      return reply.code(202).send({ recovered });
    },
  );
}
