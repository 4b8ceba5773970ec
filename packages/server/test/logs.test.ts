import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { makeLogger } from '../src/logger.js';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

interface Line {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A Herald whose JSON log lines are kept, parsed, for the test to search. */
async function loggedHerald(level: string): Promise<{ h: TestHerald; lines: () => Line[]; text: () => string }> {
  const raw: string[] = [];
  const sink = new Writable({ write: (chunk, _e, done) => (raw.push(String(chunk)), done()) });
  const h = await startHerald({ logLevel: level }, { logger: makeLogger(level, sink) });
  const text = () => raw.join('');
  return { h, text, lines: () => text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line) };
}

const INFO = 30;
const DEBUG = 20;

describe('logs an operator can search', () => {
  let rx: Receiver;
  let failFirst = new Set<string>();
  before(async () => {
    // Fails each path's first request with 503, then accepts.
    rx = await startReceiver((req, res) => {
      if (!failFirst.has(req.path)) {
        failFirst.add(req.path);
        return void res.writeHead(503).end('busy');
      }
      res.writeHead(204).end();
    });
  });
  after(() => rx.close());

  test('every response carries a request id; a plain caller id is kept, anything else replaced', async () => {
    const { h, lines } = await loggedHerald('debug');
    try {
      const minted = await h.call('GET', '/health/live');
      assert.match(String(minted.headers['x-request-id']), /^req_[0-9a-z]{26}$/i);
      const kept = await h.call('GET', '/health/live', { headers: { 'x-request-id': 'edge-7f3a:01.b' } });
      assert.equal(kept.headers['x-request-id'], 'edge-7f3a:01.b');
      for (const bad of ['a b', 'x'.repeat(129), '<script>', '']) {
        const res = await h.call('GET', '/health/live', { headers: { 'x-request-id': bad } });
        assert.match(String(res.headers['x-request-id']), /^req_/, `"${bad.slice(0, 20)}" is not kept`);
      }
      const problem = await h.call('GET', '/api/v1/app', { headers: { 'x-request-id': 'caller-401' } });
      assert.equal(problem.status, 401);
      assert.equal(problem.headers['x-request-id'], 'caller-401', 'problems carry it too');
      const logged = lines().filter((l) => l.request_id === 'edge-7f3a:01.b');
      assert.deepEqual(logged.map((l) => l.msg).sort(), ['incoming request', 'request completed']);
    } finally {
      await h.close();
    }
  });

  test('once authenticated, request lines name the tenant and environment, never the key', async () => {
    const { h, lines, text } = await loggedHerald('debug');
    try {
      const tenant = await createTenant(h);
      const res = await h.call('POST', '/api/v1/app', { token: tenant.live, body: { name: 'Logged' }, headers: { 'x-request-id': 'create-app-1' } });
      assert.equal(res.status, 201);
      const completed = lines().find((l) => l.request_id === 'create-app-1' && l.msg === 'request completed');
      assert.ok(completed, 'the response line');
      assert.equal(completed.tenant_id, tenant.id);
      assert.equal(completed.environment, 'live');
      assert.ok(!text().includes(tenant.live) && !text().includes(tenant.test) && !text().includes('test-admin-token'), 'no credential in the log');
    } finally {
      await h.close();
    }
  });

  test('one line per attempt: failures at info with the next attempt time, successes only at debug, no payload', async () => {
    for (const level of ['info', 'debug'] as const) {
      const { h, lines, text } = await loggedHerald(level);
      try {
        const { test: key, id: tenantId } = await createTenant(h);
        const app = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'a' } })).body.id;
        const ep = (await h.call('POST', `/api/v1/app/${app}/endpoint`, { token: key, body: { url: `${rx.url}/${level}`, retry_schedule: [0, 1] } })).body;
        const msg = (await h.call('POST', `/api/v1/app/${app}/msg`, { token: key, body: { type: 'order.paid', payload: { card: 'PAYLOAD-MARKER-4242' } } })).body;
        const succeeded = await waitFor(async () => {
          const d = (await h.call('GET', `/api/v1/app/${app}/delivery`, { token: key })).body.data[0];
          return d?.status === 'succeeded' ? d : null;
        });
        const attempts = (await h.call('GET', `/api/v1/app/${app}/delivery/${succeeded.id}/attempt`, { token: key })).body.data;
        const [second, first] = attempts as { id: string }[];
        const failed = lines().find((l) => l.msg === 'attempt failed; will retry');
        assert.ok(failed, `${level}: the failure is logged`);
        assert.equal(failed.level, INFO);
        assert.deepEqual(
          { ...failed, time: undefined, pid: undefined, hostname: undefined, next_attempt_at: undefined, duration_ms: undefined },
          {
            level: INFO, msg: 'attempt failed; will retry', time: undefined, pid: undefined, hostname: undefined,
            tenant_id: tenantId, environment: 'test', app_id: app, endpoint_id: ep.id, message_id: msg.id, delivery_id: succeeded.id,
            attempt_id: first!.id, attempt_number: 1, event_type: 'order.paid', outcome: 'retrying', response_status: 503, error_class: 'http_status',
            next_attempt_at: undefined, duration_ms: undefined,
          },
        );
        assert.ok(!Number.isNaN(Date.parse(String(failed.next_attempt_at))), 'the next attempt time, ISO 8601');
        assert.equal(typeof failed.duration_ms, 'number');
        const success = lines().find((l) => l.msg === 'attempt succeeded');
        if (level === 'info') assert.equal(success, undefined, 'successes are not logged at info');
        else {
          assert.ok(success, 'successes are logged at debug');
          assert.equal(success.level, DEBUG);
          assert.equal(success.attempt_id, second!.id);
          assert.equal(success.attempt_number, 2);
          assert.equal(success.next_attempt_at, null);
        }
        assert.ok(!text().includes('PAYLOAD-MARKER-4242'), 'no payload in the log');
        assert.ok(!text().includes(rx.url), 'no endpoint URL in the log');
      } finally {
        await h.close();
      }
    }
  });
});
