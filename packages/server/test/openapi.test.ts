// The OpenAPI document as a client generator and a linter read it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { OPERATIONS } from '../src/api/openapi-operations.js';
import { startHerald, type TestHerald } from './helpers.js';

type Json = Record<string, any>;
let h: TestHerald;
let doc: Json;
const operations: { key: string; op: Json }[] = [];

before(async () => {
  h = await startHerald();
  const res = await h.call('GET', '/api/v1/openapi.json');
  assert.equal(res.status, 200);
  doc = res.body;
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) operations.push({ key: `${method.toUpperCase()} ${path}`, op });
  }
});
after(() => h?.close());

const component = (schema: Json) => {
  assert.match(schema.$ref ?? '', /^#\/components\/schemas\/\w+$/, `a $ref, not an inline schema: ${JSON.stringify(schema).slice(0, 120)}`);
  const found = doc.components.schemas[String(schema.$ref).split('/').pop()!];
  assert.ok(found, schema.$ref);
  return found;
};

test('redocly lints it with the recommended rules: no errors, no warnings', async () => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
  const summary = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
  assert.deepEqual(summary, []);
});

test('every operation has a stable, unique resource-verb id, a summary and a description', () => {
  assert.ok(operations.length >= 59, `${operations.length} operations`);
  const ids = operations.map(({ op }) => op.operationId);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const { key, op } of operations) {
    assert.equal(op.operationId, OPERATIONS[key]?.id, `${key} is in openapi-operations.ts`);
    assert.match(String(op.operationId), /^(create|list|get|update|delete|revoke|rotate|apply|verify|send|recover|resend|retry|activate|retire|sign)[A-Z]\w*$/, key);
    assert.ok(op.summary?.length > 5, `${key} summary`);
    assert.ok(op.description?.length > op.summary.length / 2, `${key} description`);
  }
  // No entry in the table names a route that does not exist.
  assert.deepEqual(Object.keys(OPERATIONS).filter((k) => !operations.some((o) => o.key === k)), []);
});

test('resources and request bodies are named components, referenced by $ref', () => {
  for (const name of ['Application', 'ApplicationIn', 'Endpoint', 'EndpointIn', 'EndpointPatch', 'EventType', 'EventTypeIn', 'Message', 'MessageIn', 'BatchIn', 'Delivery', 'Attempt', 'Tenant', 'ApiKey', 'WebhookKey', 'Problem', 'EndpointPage', 'MessagePage', 'RotateEndpointSecretResponse']) {
    assert.ok(doc.components.schemas[name], `components.schemas.${name}`);
  }
  const get = (path: string, method: string) => doc.paths[path][method];
  assert.deepEqual(get('/api/v1/app/{app}/endpoint/{endpoint}', 'get').responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/Endpoint' });
  assert.deepEqual(get('/api/v1/app/{app}/endpoint', 'post').requestBody.content['application/json'].schema, { $ref: '#/components/schemas/EndpointIn' });
  assert.deepEqual(component(get('/api/v1/app/{app}/endpoint', 'get').responses['200'].content['application/json'].schema).properties.data.items, { $ref: '#/components/schemas/Endpoint' });
  // The rotation answer is what the server sends: the endpoint, the new secret and when the old one stops.
  const rotated = component(get('/api/v1/app/{app}/endpoint/{endpoint}/secret/rotate', 'post').responses['200'].content['application/json'].schema);
  assert.deepEqual(Object.keys(rotated.properties).sort(), ['endpoint', 'previous_expire_at', 'public_key', 'secret']);
  // Components keep what the route validates: header names keep their pattern.
  assert.ok(doc.components.schemas.EndpointIn.properties.headers.patternProperties);
  for (const { key, op } of operations) {
    const body = op.requestBody?.content?.['application/json'];
    if (body) component(body.schema);
    for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
      const media = response.content?.['application/json'];
      if (Number(status) < 400 && media) assert.doesNotThrow(() => component(media.schema), `${key} ${status}`);
    }
  }
});

test('every request body and success response has an example', () => {
  for (const { key, op } of operations) {
    for (const [type, media] of Object.entries((op.requestBody?.content ?? {}) as Record<string, Json>)) {
      if (type === 'application/json') assert.notEqual(media.example, undefined, `${key} request example`);
    }
    for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
      if (Number(status) < 400 && response.content) {
        for (const [type, media] of Object.entries(response.content as Record<string, Json>)) assert.notEqual(media.example, undefined, `${key} ${status} ${type} example`);
      }
    }
  }
  const publish = doc.paths['/api/v1/app/{app}/msg'].post;
  assert.equal(publish.requestBody.content['application/json'].example.type, 'order.created');
});

test('errors are application/problem+json with the problem schema', () => {
  for (const { key, op } of operations) {
    const errors = Object.entries(op.responses as Record<string, Json>).filter(([s]) => Number(s) >= 400);
    assert.ok(errors.some(([s]) => s === '401') && errors.some(([s]) => s === '503'), key);
    for (const [status, response] of errors) {
      assert.deepEqual(Object.keys(response.content), ['application/problem+json'], `${key} ${status}`);
      assert.deepEqual(response.content['application/problem+json'].schema, { $ref: '#/components/schemas/Problem' });
      assert.ok(response.description && response.description !== 'Default Response', `${key} ${status}`);
    }
  }
});

test('a query parameter with a default is optional; servers and licence are set', () => {
  let defaults = 0;
  for (const { key, op } of operations) {
    for (const p of (op.parameters ?? []) as Json[]) {
      if (p.schema?.default !== undefined) {
        defaults++;
        assert.equal(p.required, false, `${key} ?${p.name}`);
      }
      if (p.in === 'path') assert.equal(p.required, true);
    }
  }
  assert.ok(defaults >= 12, `${defaults} defaulted parameters`);
  assert.deepEqual(doc.servers, [{ url: h.url, description: 'This Herald server' }]);
  assert.deepEqual(doc.info.license, { name: 'MIT', identifier: 'MIT' });
});

test('what the document promises, the server does: limit may be left out', async () => {
  const tenant = (await h.admin('POST', '/api/v1/tenants', { name: 'Docs' })).body;
  const list = await h.call('GET', '/api/v1/app', { token: tenant.api_keys.test });
  assert.equal(list.status, 200);
  assert.deepEqual(list.body, { data: [], iterator: null, done: true });
  const bad = await h.call('POST', '/api/v1/app', { token: tenant.api_keys.test, body: { name: 42 } });
  assert.equal(bad.status, 422);
  assert.ok(doc.paths['/api/v1/app'].post.responses['422']);
  assert.match(String(bad.headers['content-type']), /^application\/problem\+json/);
});
