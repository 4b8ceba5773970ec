import { Type } from '@sinclair/typebox';
import { generateApiKey, hashToken, type Environment } from '../../crypto/tokens.js';
import { notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import type { NewApiKey } from '../../store/types.js';
import type { Api, ApiContext } from '../context.js';
import { present } from '../present.js';
import { ApiKey, Page, PageQuery, Tenant, errorResponses } from '../schemas.js';

const Env = Type.Union([Type.Literal('test'), Type.Literal('live')]);

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
    { schema: { tags: ['admin'], summary: "List a tenant's API keys (hints only)", params: Type.Object({ tenant: Type.String() }), response: { 200: Type.Object({ data: Type.Array(ApiKey) }), ...errorResponses } } },
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
        params: Type.Object({ tenant: Type.String() }),
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
    { schema: { tags: ['admin'], summary: 'Revoke an API key', params: Type.Object({ tenant: Type.String(), key: Type.String() }), response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      if (!(await store.revokeApiKey(req.params.tenant, req.params.key, Date.now()))) throw notFound('API key', req.params.key);
      return reply.code(204).send(null);
    },
  );
}
