import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHerald, loadConfig } from '../src/index.js';
import { makeLogger } from '../src/logger.js';
import { createAppAndEndpoint, createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe('health, metrics, OpenAPI', () => {
  let h: TestHerald;
  let rx: Receiver;
  before(async () => {
    h = await startHerald();
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  test('liveness and readiness answer without auth', async () => {
    assert.deepEqual((await h.call('GET', '/health/live')).body, { status: 'ok' });
    assert.deepEqual((await h.call('GET', '/health/ready')).body, { status: 'ready' });
    const real = await fetch(`${h.url}/health/ready`);
    assert.equal(real.status, 200);
  });

  test('/metrics (admin token) exposes deliveries by outcome, attempt latency, queue depth and in-flight, no endpoint ids', async () => {
    const t = await createTenant(h);
    const { appId, endpointId } = await createAppAndEndpoint(h, t.test, `${rx.url}/m`);
    await h.call('POST', `/api/v1/app/${appId}/msg`, { token: t.test, body: { type: 'm', payload: {} } });
    await waitFor(() => rx.received.length === 1);
    const text = await waitFor(async () => {
      const body = (await h.call('GET', '/metrics', { token: 'test-admin-token' })).body as string;
      // The counter moves when the response arrives, the queue gauge once the outcome is committed,
      // the in-flight gauge once the worker lets go of the request: wait until all three have settled.
      const settled =
        body.includes('herald_delivery_attempts_total{outcome="succeeded"} 1') &&
        body.includes('herald_queue_depth{status="delivering"} 0') &&
        body.includes('herald_in_flight 0');
      return settled ? body : null;
    });
    assert.match(text, /herald_attempt_duration_seconds_bucket\{le="0.005",outcome="succeeded"\}/);
    assert.match(text, /herald_queue_depth\{status="pending"\} 0/);
    assert.match(text, /herald_queue_depth\{status="delivering"\} 0/);
    assert.ok(!text.includes(endpointId) && !text.includes('herald_endpoint_in_flight{'), 'no series per endpoint unless HERALD_METRICS_ENDPOINT_LABELS');
    assert.match(text, /herald_messages_published_total\{outcome="created"\} 1/);
    assert.match(text, /herald_process_resident_memory_bytes/);
  });

  test('an OpenAPI 3.1 document describes every route with its schemas', async () => {
    const res = await h.call('GET', '/api/v1/openapi.json');
    assert.equal(res.status, 200);
    const doc = res.body;
    assert.equal(doc.openapi, '3.1.0');
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/v1/tenants', '/api/v1/app', '/api/v1/app/{app}/endpoint/{endpoint}', '/api/v1/app/{app}/msg', '/api/v1/app/{app}/delivery/{delivery}/attempt', '/api/v1/event-type/{name}']) {
      assert.ok(paths.includes(p), `${p} missing from OpenAPI`);
    }
    const component = (schema: { $ref: string }) => doc.components.schemas[schema.$ref.split('/').pop()!];
    const publish = doc.paths['/api/v1/app/{app}/msg'].post;
    assert.ok(component(publish.requestBody.content['application/json'].schema).properties.type);
    assert.ok(publish.responses['202']);
    assert.ok(publish.responses['422']);
    assert.ok(publish.parameters.some((p: { name: string; in: string }) => p.name === 'idempotency-key' && p.in === 'header'));
    const bulk = doc.paths['/api/v1/app/{app}/msg/batch'].post;
    const messages = component(bulk.requestBody.content['application/json'].schema).properties.messages;
    assert.equal(messages.maxItems, 100);
    assert.ok(messages.items.properties.idempotency_key);
    assert.ok(component(bulk.responses['200'].content['application/json'].schema).properties.data.items.properties.problem);
    // Every operation carries a summary and at least one response schema.
    for (const [path, ops] of Object.entries(doc.paths) as [string, Record<string, { summary?: string; responses?: object }>][]) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.summary, `${method} ${path} has no summary`);
        assert.ok(op.responses && Object.keys(op.responses).length, `${method} ${path} has no responses`);
      }
    }
  });

  test('unknown routes are a problem response, not HTML', async () => {
    const res = await h.call('GET', '/api/v1/nope');
    assert.equal(res.status, 404);
    assert.equal(res.body.title, 'Not Found');
  });
});

describe('logs', () => {
  test('are JSON and never contain secrets or API keys', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-logs-'));
    const config = { ...loadConfig({}, { dataDir }), port: 0, adminToken: 'log-admin', logLevel: 'debug', allowNetworks: ['127.0.0.1/32'] };
    const herald = await createHerald(config, { logger: makeLogger('debug', sink) });
    const url = await herald.listen();
    const rx = await startReceiver((_r, res) => void res.writeHead(500).end());
    try {
      const post = (token: string, path: string, body: unknown) =>
        fetch(`${url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      const tenant = await post('log-admin', '/tenants', { name: 'logs' });
      const app = await post(tenant.api_keys.test, '/app', { name: 'logs' });
      const ep = await post(tenant.api_keys.test, `/app/${app.id}/endpoint`, { url: `${rx.url}/x`, retry_schedule: [0] });
      await post(tenant.api_keys.test, `/app/${app.id}/msg`, { type: 'log.test', payload: { hello: 'world' } });
      await waitFor(() => rx.received.length === 1);
      await new Promise((r) => setTimeout(r, 100));
      const all = lines.join('');
      assert.ok(lines.length > 3, 'debug logging produced request lines');
      for (const line of lines) JSON.parse(line);
      for (const secret of ['log-admin', tenant.api_keys.test, tenant.api_keys.live, ep.secret, ep.secret.slice(6)]) {
        assert.ok(!all.includes(secret), `a log line contains a secret (${secret.slice(0, 8)}…)`);
      }
    } finally {
      await rx.close();
      await herald.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
