import { Type, type Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { generateEndpointKeys, openKeys, sealKeys } from '../../crypto/endpoint-keys.js';
import { maskSecret } from '../../crypto/tokens.js';
import { checkDeliveryHeaders, sealHeaders } from '../../delivery/header-policy.js';
import { oneOffResult } from '../../delivery/one-off.js';
import { checkAuth, checkTls, sealAuth, sealTls } from '../../delivery/endpoint-auth.js';
import { checkEndpointUrl } from '../../delivery/endpoint-url.js';
import { checkTransformation } from '../../delivery/transformation.js';
import { checkPayloadFilter } from '../../delivery/payload-filter.js';
import type { NetworkPolicy } from '../../delivery/network-policy.js';
import { badRequest, conflict, notFound, orConflict, quotaExceeded, unprocessable, type FieldError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { ApplicationRow, EmailChannelConfig, EndpointPatch as StorePatch, Scope } from '../../store/types.js';
import { loadApp, loadEndpoint as loadEndpointIn, loadEventType, toMs, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { AppParams, EmailChannelIn, Endpoint, EndpointIn, EndpointPatch, EndpointSecret, Page, PageQuery, errorResponses } from '../schemas.js';

const EndpointParams = Type.Object({ app: Type.String({ maxLength: 256 }), endpoint: Type.String({ maxLength: 256 }) });
const OneOffResponse = Type.Object({
  ok: Type.Boolean(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  latency_ms: Type.Integer(),
  body_excerpt: Type.Union([Type.String(), Type.Null()]),
  response_headers: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
  error_class: Type.Union([Type.String(), Type.Null()]),
  error_message: Type.Union([Type.String(), Type.Null()]),
  request: Type.Object({ url: Type.String(), headers: Type.Record(Type.String(), Type.String()), body: Type.String() }),
});
export { OneOffResponse };

const DEFAULT_GRACE_SECONDS = 24 * 3600;
const MAX_GRACE_SECONDS = 7 * 24 * 3600;

/** The standard scheme keys HMAC with the base64 after whsec_, so its secrets must be in that form. */
function checkSecretForScheme(secret: string, scheme: string, field: string): FieldError | null {
  if (scheme !== 'standard' && scheme !== 'standard-ed25519') return null;
  const match = secret.match(/^whsec_([A-Za-z0-9+/]+={0,2})$/);
  const bytes = match ? Buffer.from(match[1]!, 'base64').length : 0;
  return bytes >= 24 && bytes <= 64 ? null : { field, message: 'must be whsec_ followed by base64 of 24–64 bytes for the standard schemes' };
}

type EmailInput = Static<typeof EmailChannelIn>;

/** The stored form of an email channel: the password sealed; kept from `previous` when not resent. */
function emailConfig(input: EmailInput, box: SecretBox, previous: EmailChannelConfig | null): EmailChannelConfig {
  return {
    to: input.to,
    from: input.from,
    subject_prefix: input.subject_prefix ?? previous?.subject_prefix ?? '[Herald] ',
    smtp: {
      host: input.smtp.host,
      port: input.smtp.port,
      security: input.smtp.security,
      username: input.smtp.username ?? null,
      sealed_password: input.smtp.password !== undefined ? box.seal(input.smtp.password) : (previous?.smtp.sealed_password ?? null),
      reject_unauthorized: input.smtp.reject_unauthorized ?? true,
    },
  };
}

function checkSmtpRelay(smtp: EmailInput['smtp'], environment: string, policy: NetworkPolicy): FieldError | null {
  // A plain connection sends the relay password (and every message) readable on the way; test
  // environments may use a local relay without TLS, live ones may not.
  if (environment === 'live' && smtp.security === 'none') return { field: 'body.email.smtp.security', message: 'must be "tls" or "starttls" in the live environment' };
  try {
    policy.checkLiteral(smtp.host);
    return null;
  } catch {
    return { field: 'body.email.smtp.host', message: 'points at a private, loopback, link-local or reserved address' };
  }
}

/** An endpoint's Authorization comes from `auth` or from a custom header, not both. */
function checkAuthHeader(auth: unknown, headers: Record<string, unknown> | null | undefined): FieldError | null {
  const named = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === 'authorization');
  return auth && named ? { field: `body.headers.${named}`, message: 'cannot be set beside auth, which sends its own Authorization header' } : null;
}

function throwIfAny(errors: (FieldError | null)[]): void {
  const real = errors.filter((e): e is FieldError => e !== null);
  if (real.length) throw unprocessable(real.map((e) => `${e.field} ${e.message}`).join('; '), real);
}

/** What a portal customer may not set unless the tenant's portal settings show delivery internals. */
const DELIVERY_INTERNALS = ['kind', 'email', 'signature_scheme', 'scheme_options', 'envelope', 'encrypt_data', 'trace_propagation'] as const;

/** Endpoints: where an application's messages are delivered, and how. */
export function endpointRoutes(app: Api, { store, box, policy, verifyEndpoint, wakeDelivery, logger, deliverOnce, emit, limits, transformations }: ApiContext): void {
  const tags = ['endpoints'];
  const challengeInBackground = (scope: Scope, appId: string, endpointId: string) => {
    // The endpoint exists whatever the receiver says; the outcome is stored on it.
    verifyEndpoint(scope, appId, endpointId).catch((err: unknown) => logger.error({ err, endpoint_id: endpointId }, 'verification challenge failed'));
  };
  const loadEndpoint = (scope: Scope, appId: string, id: string) => loadEndpointIn(store, scope, appId, id);
  const effectiveScheme = (a: ApplicationRow, ep: { signature_scheme?: string | null | undefined }) => ep.signature_scheme ?? a.signature_scheme;
  /** A portal customer sees URL, description, types, channels, rate limit, headers, secret and tests; the tenant decides the rest. */
  const refuseHiddenFromPortal = async (req: FastifyRequest, body: object) => {
    if (req.session?.kind !== 'portal') return;
    const given = DELIVERY_INTERNALS.filter((f) => (body as Record<string, unknown>)[f] !== undefined && !(f === 'kind' && (body as { kind?: string }).kind === 'webhook'));
    if (!given.length || (await store.getEnvironmentSettings(req.scope)).portal?.show_delivery_settings) return;
    throw unprocessable(`The portal cannot set ${given.join(', ')}: these are set by the provider`, given.map((f) => ({ field: `body.${f}`, message: 'is set by the provider' })));
  };

  app.post(
    '/app/:app/endpoint',
    {
      schema: {
        tags,
        summary: 'Create an endpoint; the response holds its signing secret, shown this once',
        description: 'When the application requires verification the endpoint starts `pending_verification` and a challenge is sent at once.',
        params: AppParams,
        body: EndpointIn,
        response: { 201: Endpoint, ...errorResponses },
      },
    },
    async (req, reply) => {
      await refuseHiddenFromPortal(req, req.body);
      const application = await loadApp(store, req.scope, req.params.app);
      const body = req.body;
      const kind = body.kind ?? 'webhook';
      throwIfAny([
        kind === 'email'
          ? body.email
            ? checkSmtpRelay(body.email.smtp, req.scope.environment, policy)
            : { field: 'body.email', message: 'is required for an email channel' }
          : body.url === undefined
            ? { field: 'body.url', message: 'is required' }
            : checkEndpointUrl(body.url, req.scope.environment, policy),
        kind !== 'email' && body.email ? { field: 'body.email', message: 'is only for kind "email"' } : null,
        ...checkDeliveryHeaders(body.headers),
        ...checkPayloadFilter(body.payload_filter),
        ...checkAuth(body.auth, null, (url, field) => checkEndpointUrl(url, req.scope.environment, policy, field)),
        ...checkTls(body.tls, null, box),
        ...(await checkTransformation(transformations, body.transformation)),
        checkAuthHeader(body.auth, body.headers),
        body.secret ? checkSecretForScheme(body.secret, effectiveScheme(application, body), 'body.secret') : null,
      ]);
      const now = Date.now();
      const maxEndpoints = (await limits.for(req.scope.tenant_id)).max_endpoints_per_app;
      const keys = generateEndpointKeys(body.secret);
      // Channels cannot answer a challenge; only webhooks are verified.
      const status = body.disabled ? 'disabled' : application.require_verification && kind === 'webhook' ? 'pending_verification' : 'enabled';
      const created = await orConflict(store.createEndpoint(
        req.scope,
        {
          id: newId('ep', now),
          app_id: application.id,
          uid: body.uid ?? null,
          channels: body.channels ?? null,
          kind,
          channel_config: body.email ? emailConfig(body.email, box, null) : null,
          url: kind === 'email' ? `mailto:${body.email!.to.join(',')}` : body.url!,
          description: body.description ?? '',
          status,
          disabled_reason: status === 'disabled' ? 'manual' : null,
          filter_types: body.filter_types ?? null,
          payload_filter: body.payload_filter ?? null,
          timeout_ms: body.timeout_seconds !== undefined ? body.timeout_seconds * 1000 : (application.default_timeout_ms ?? 15_000),
          retry_schedule: body.retry_schedule ?? null,
          max_in_flight: body.max_in_flight ?? 10,
          rate_limit: body.rate_limit_per_second ?? null,
          headers: sealHeaders(box, body.headers ?? {}),
          auth: sealAuth(box, body.auth ?? null, null),
          tls: sealTls(box, body.tls ?? null, null),
          transformation: body.transformation ?? null,
          ordering: body.ordering ?? 'unordered',
          ordering_failure: body.ordering_failure ?? 'continue',
          metadata: body.metadata ?? {},
          signature_scheme: body.signature_scheme ?? null,
          scheme_options: body.scheme_options ?? null,
          envelope: body.envelope ?? null,
          encrypt_data: body.encrypt_data ?? null,
          trace_propagation: body.trace_propagation ?? false,
          enabled_at: status === 'enabled' ? now : null,
          verified_at: null,
          verification_error: null,
          created_at: now,
          updated_at: now,
        },
        { id: newId('sec', now), sealed: sealKeys(box, keys), hint: maskSecret(keys.secret), public_key: keys.publicKey },
        maxEndpoints,
      ), `An endpoint with uid "${body.uid}" already exists in this application`);
      if (created === 'quota_exceeded') throw quotaExceeded(`This application already has ${maxEndpoints} endpoints, the most this tenant may have per application; delete one first`);
      if (status === 'pending_verification') challengeInBackground(req.scope, application.id, created.id);
      void emit(req.scope, application.id, 'endpoint.created', { app_id: application.id, app_uid: application.uid, endpoint_id: created.id, url: created.url });
      return reply.code(201).send(present.endpoint(created, keys.secret));
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
    return present.endpoint(await loadEndpoint(req.scope, application.id, req.params.endpoint));
  });

  app.patch(
    '/app/:app/endpoint/:endpoint',
    {
      schema: {
        tags,
        summary: 'Update an endpoint; `disabled: false` re-enables it',
        description: 'Changing the URL of an application that requires verification sends a new challenge; the endpoint receives nothing until it is answered.',
        params: EndpointParams,
        body: EndpointPatch,
        response: { 200: Endpoint, ...errorResponses },
      },
    },
    async (req) => {
      await refuseHiddenFromPortal(req, req.body);
      const application = await loadApp(store, req.scope, req.params.app);
      const current = await loadEndpoint(req.scope, application.id, req.params.endpoint);
      throwIfAny([
        req.body.url !== undefined && current.kind === 'email' ? { field: 'body.url', message: 'is derived from email.to for an email channel' } : null,
        req.body.url !== undefined && current.kind !== 'email' ? checkEndpointUrl(req.body.url, req.scope.environment, policy) : null,
        req.body.email && current.kind !== 'email' ? { field: 'body.email', message: 'is only for kind "email"' } : null,
        req.body.email ? checkSmtpRelay(req.body.email.smtp, req.scope.environment, policy) : null,
        ...checkDeliveryHeaders(req.body.headers),
        ...checkPayloadFilter(req.body.payload_filter),
        ...checkAuth(req.body.auth, current.auth, (url, field) => checkEndpointUrl(url, req.scope.environment, policy, field)),
        ...checkTls(req.body.tls, current.tls, box),
        ...(await checkTransformation(transformations, req.body.transformation)),
        checkAuthHeader(req.body.auth !== undefined ? req.body.auth : current.auth, req.body.headers !== undefined ? req.body.headers : current.headers),
      ]);
      const { disabled, timeout_seconds, email, rate_limit_per_second, headers, auth, tls, ...rest } = req.body;
      const patch: StorePatch = { ...rest };
      if (headers !== undefined) patch.headers = sealHeaders(box, headers, current.headers);
      if (auth !== undefined) patch.auth = sealAuth(box, auth, current.auth);
      if (tls !== undefined) patch.tls = sealTls(box, tls, current.tls);
      if (rate_limit_per_second !== undefined) patch.rate_limit = rate_limit_per_second;
      if (email) {
        patch.channel_config = emailConfig(email, box, current.channel_config);
        patch.url = `mailto:${email.to.join(',')}`;
      }
      if (timeout_seconds !== undefined) patch.timeout_ms = timeout_seconds * 1000;
      if (disabled === false && current.status === 'pending_verification') {
        throw conflict('This endpoint has not answered its verification challenge yet; POST …/verify to send it again');
      }
      const urlChanged = req.body.url !== undefined && req.body.url !== current.url;
      const needsChallenge =
        current.kind === 'webhook' && application.require_verification && disabled !== true && (urlChanged || (disabled === false && current.verified_at === null));
      if (disabled === true) patch.status = 'disabled';
      else if (needsChallenge) patch.status = 'pending_verification';
      else if (disabled === false) patch.status = 'enabled';
      const ep = await orConflict(store.updateEndpoint(req.scope, application.id, current.id, patch, Date.now()), `An endpoint with uid "${req.body.uid}" already exists in this application`);
      if (needsChallenge) challengeInBackground(req.scope, application.id, current.id);
      if (patch.status === 'enabled') wakeDelivery();
      void emit(req.scope, application.id, 'endpoint.updated', { app_id: application.id, app_uid: application.uid, endpoint_id: current.id, url: ep!.url, status: ep!.status });
      return present.endpoint(ep!);
    },
  );

  app.delete(
    '/app/:app/endpoint/:endpoint',
    { schema: { tags, summary: 'Delete an endpoint; its unfinished deliveries are discarded', params: EndpointParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const ep = await loadEndpoint(req.scope, application.id, req.params.endpoint);
      if (!(await store.deleteEndpoint(req.scope, application.id, ep.id, Date.now()))) throw notFound('Endpoint', req.params.endpoint);
      void emit(req.scope, application.id, 'endpoint.deleted', { app_id: application.id, app_uid: application.uid, endpoint_id: ep.id });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/app/:app/endpoint/:endpoint/secret/rotate',
    {
      schema: {
        tags,
        summary: 'Rotate the signing secret: the new one signs at once, older ones keep signing beside it for a grace window',
        params: EndpointParams,
        body: Type.Object(
          {
            grace_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_GRACE_SECONDS, description: 'How long older secrets keep signing (default 24 h, at most 7 days)' })),
            secret: Type.Optional(EndpointSecret),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ secret: Type.String(), public_key: Type.String(), previous_expire_at: Type.String({ format: 'date-time' }), endpoint: Endpoint }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const current = await loadEndpoint(req.scope, application.id, req.params.endpoint);
      if (req.body.secret) throwIfAny([checkSecretForScheme(req.body.secret, effectiveScheme(application, current), 'body.secret')]);
      const now = Date.now();
      const keys = generateEndpointKeys(req.body.secret);
      const previousExpireAt = now + (req.body.grace_seconds ?? DEFAULT_GRACE_SECONDS) * 1000;
      const ep = await store.rotateEndpointSecret(
        req.scope,
        application.id,
        current.id,
        { id: newId('sec', now), sealed: sealKeys(box, keys), hint: maskSecret(keys.secret), public_key: keys.publicKey },
        previousExpireAt,
        now,
      );
      return { secret: keys.secret, public_key: keys.publicKey, previous_expire_at: new Date(previousExpireAt).toISOString(), endpoint: present.endpoint(ep!) };
    },
  );

  app.post(
    '/app/:app/endpoint/:endpoint/verify',
    {
      schema: {
        tags,
        summary: 'Send the verification challenge now and report the result; echoing it enables a pending endpoint',
        params: EndpointParams,
        response: { 200: Type.Object({ verified: Type.Boolean(), endpoint: Endpoint, response: OneOffResponse }), ...errorResponses },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const current = await loadEndpoint(req.scope, application.id, req.params.endpoint);
      if (current.kind !== 'webhook') throw conflict(`A ${current.kind} channel cannot answer a challenge; only webhook endpoints are verified`);
      const outcome = await verifyEndpoint(req.scope, application.id, current.id);
      if (!outcome?.endpoint) throw notFound('Endpoint', req.params.endpoint);
      if (outcome.verified) wakeDelivery();
      const { raw: _raw, ...response } = outcome.result as typeof outcome.result & { raw?: unknown };
      return { verified: outcome.verified, endpoint: present.endpoint(outcome.endpoint), response };
    },
  );

  app.post(
    '/app/:app/endpoint/:endpoint/send-example',
    {
      schema: {
        tags,
        summary: "Send an event type's example to this endpoint now, signed like a real delivery, and report the response",
        params: EndpointParams,
        body: Type.Object({ type: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
        response: { 200: OneOffResponse, ...errorResponses },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const now = Date.now();
      const ep = await loadEndpoint(req.scope, application.id, req.params.endpoint);
      const runtime = await store.getEndpointRuntime(req.scope, application.id, ep.id, now);
      if (!runtime) throw notFound('Endpoint', req.params.endpoint);
      const eventType = await loadEventType(store, req.scope, req.body.type);
      if (eventType.example === null || eventType.example === undefined) throw unprocessable(`Event type "${eventType.name}" has no example; add one with PATCH /event-type/${eventType.name}`);
      const event = { id: newId(application.message_id_prefix, now), type: eventType.name, payload: JSON.stringify(eventType.example), createdAt: now };
      const { request, result: r } = await deliverOnce(event, runtime, runtime.sealed_secrets.map((s) => openKeys(box, s)), now);
      if (r.errorClass === 'configuration') throw unprocessable(r.errorMessage ?? 'This endpoint cannot send as configured');
      return oneOffResult(request, r);
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
      const ep = await loadEndpoint(req.scope, application.id, req.params.endpoint);
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
