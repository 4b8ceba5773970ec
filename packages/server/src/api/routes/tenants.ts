import { Type } from '@sinclair/typebox';
import { generateApiKey, hashToken, type Environment } from '../../crypto/tokens.js';
import { notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { LIMIT_NAMES } from '../../limits/tenant-limits.js';
import type { TenantLimits } from '../../config.js';
import type { NewApiKey } from '../../store/types.js';
import type { Api, ApiContext } from '../context.js';
import { present } from '../present.js';
import { ApiKey, Page, PageQuery, Tenant, errorResponses } from '../schemas.js';

const Env = Type.Union([Type.Literal('test'), Type.Literal('live')]);
const TenantParams = Type.Object({ tenant: Type.String({ maxLength: 64 }) });

const LIMIT_DESCRIPTIONS: Record<keyof TenantLimits, string> = {
  publish_per_second: 'Publish requests per second, per environment',
  api_per_second: 'Other API requests per second, per environment (dashboard and portal included)',
  max_applications: 'Applications per environment',
  max_endpoints_per_app: 'Endpoints per application',
  max_event_types: 'Event types per environment',
  max_schema_bytes: 'Largest event-type JSON Schema, bytes',
  max_payload_bytes: 'Largest message payload, bytes of JSON',
};
const Limits = Type.Object(Object.fromEntries(LIMIT_NAMES.map((n) => [n, Type.Integer({ description: LIMIT_DESCRIPTIONS[n] })])) as Record<keyof TenantLimits, ReturnType<typeof Type.Integer>>);
const LimitsPatch = Type.Object(
  Object.fromEntries(
    LIMIT_NAMES.map((n) => [n, Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: LIMIT_DESCRIPTIONS[n] }), Type.Null()], { description: `${LIMIT_DESCRIPTIONS[n]}; null: the server default` }))]),
  ),
  { additionalProperties: false },
);
const LimitsOut = Type.Object({ limits: Limits, overrides: Type.Partial(Limits), defaults: Limits });

function makeKey(environment: Environment, name: string): { row: NewApiKey; plaintext: string } {
  const plaintext = generateApiKey(environment);
  return {
    plaintext,
    row: { id: newId('key'), environment, name, key_hash: hashToken(plaintext), key_hint: `${plaintext.slice(0, 8)}…${plaintext.slice(-4)}` },
  };
}

/** Admin routes: tenants and their API keys. Keys are shown in full once, stored only as hashes. */
export function tenantRoutes(app: Api, { store }: ApiContext): void {
  app.post(
    '/tenants',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a tenant with one test and one live API key',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
        response: { 201: Type.Composite([Tenant, Type.Object({ api_keys: Type.Object({ test: Type.String(), live: Type.String() }) })]), ...errorResponses },
      },
    },
    async (req, reply) => {
      const now = Date.now();
      const tenant = { id: newId('tnt', now), name: req.body.name, created_at: now };
      const test = makeKey('test', 'default');
      const live = makeKey('live', 'default');
      await store.createTenant(tenant, [test.row, live.row]);
      return reply.code(201).send({ ...present.tenant(tenant), api_keys: { test: test.plaintext, live: live.plaintext } });
    },
  );

  app.get('/tenants', { schema: { tags: ['admin'], summary: 'List tenants', querystring: PageQuery, response: { 200: Page(Tenant), ...errorResponses } } }, async (req) =>
    present.page(await store.listTenants(req.query), present.tenant),
  );

  app.get(
    '/tenants/:tenant/api-keys',
    { schema: { tags: ['admin'], summary: "List a tenant's API keys (hints only)", params: TenantParams, response: { 200: Type.Object({ data: Type.Array(ApiKey) }), ...errorResponses } } },
    async (req) => {
      if (!(await store.getTenant(req.params.tenant))) throw notFound('Tenant', req.params.tenant);
      return { data: (await store.listApiKeys(req.params.tenant)).map(present.apiKey) };
    },
  );

  app.post(
    '/tenants/:tenant/api-keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create another API key for one environment of a tenant',
        params: TenantParams,
        body: Type.Object({ environment: Env, name: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })) }, { additionalProperties: false }),
        response: { 201: Type.Composite([ApiKey, Type.Object({ key: Type.String() })]), ...errorResponses },
      },
    },
    async (req, reply) => {
      if (!(await store.getTenant(req.params.tenant))) throw notFound('Tenant', req.params.tenant);
      const now = Date.now();
      const { row, plaintext } = makeKey(req.body.environment, req.body.name ?? 'unnamed');
      await store.createApiKey(req.params.tenant, row, now);
      return reply.code(201).send({ ...present.apiKey({ ...row, tenant_id: req.params.tenant, created_at: now, revoked_at: null }), key: plaintext });
    },
  );

  app.delete(
    '/tenants/:tenant/api-keys/:key',
    { schema: { tags: ['admin'], summary: 'Revoke an API key', params: Type.Object({ tenant: Type.String({ maxLength: 64 }), key: Type.String({ maxLength: 64 }) }), response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      if (!(await store.revokeApiKey(req.params.tenant, req.params.key, Date.now()))) throw notFound('API key', req.params.key);
      return reply.code(204).send(null);
    },
  );
}

/** Admin: a tenant's rate limits and quotas (overrides of the server defaults, HERALD_LIMIT_*). */
export function tenantLimitRoutes(app: Api, { store, limits }: ApiContext): void {
  const describe = async (tenantId: string) => ({ limits: await limits.for(tenantId), overrides: await limits.overrides(tenantId), defaults: limits.defaults });
  app.get('/tenants/:tenant/limits', { schema: { tags: ['admin'], summary: "A tenant's limits and quotas: in force, set for it, and the defaults", params: TenantParams, response: { 200: LimitsOut, ...errorResponses } } }, async (req) => {
    if (!(await store.getTenant(req.params.tenant))) throw notFound('Tenant', req.params.tenant);
    return describe(req.params.tenant);
  });
  app.patch(
    '/tenants/:tenant/limits',
    {
      schema: {
        tags: ['admin'],
        summary: "Set a tenant's limits (null returns one to the default); in force at once in this process, within 5 s in others",
        params: TenantParams,
        body: LimitsPatch,
        response: { 200: LimitsOut, ...errorResponses },
      },
    },
    async (req) => {
      if (!(await store.getTenant(req.params.tenant))) throw notFound('Tenant', req.params.tenant);
      const next: Partial<TenantLimits> = { ...(await limits.overrides(req.params.tenant)) };
      for (const [name, value] of Object.entries(req.body as Record<keyof TenantLimits, number | null | undefined>)) {
        if (value === null) delete next[name as keyof TenantLimits];
        else if (value !== undefined) next[name as keyof TenantLimits] = value;
      }
      await limits.set(req.params.tenant, next, Date.now());
      return describe(req.params.tenant);
    },
  );
}
