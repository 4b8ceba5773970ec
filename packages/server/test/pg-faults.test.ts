import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startReceiver, waitFor, type Receiver } from './helpers.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';
import { spawnServer, type ServerProcess } from './process.js';

/**
 * Real PostgreSQL faults against a cluster of the test's own: crashed (`pg_ctl stop -m immediate`)
 * under load three times, then frozen (SIGSTOP). An API process and a worker process must stay
 * up, answer 503 + Retry-After while the database is away, and deliver every acknowledged
 * message afterwards without a restart.
 */
const ADMIN = 'faults-admin';
const DEADLINE_MS = 2000;
const READY_TIMEOUT_MS = 1000;
/** How long each crash keeps the database down (longer runs by hand: HERALD_FAULT_DOWN_MS=10000). */
const DOWN_MS = Number(process.env.HERALD_FAULT_DOWN_MS ?? 2500);

for (const topology of ['split: an API process and a worker process', 'single process'] as const) describe(`PostgreSQL faults (${topology}): crash, restart, freeze`, () => {
  const split = topology.startsWith('split');
  let cluster: PgCluster;
  let apiProcess: ServerProcess;
  let worker: ServerProcess;
  let rx: Receiver;
  let key: string;
  let appId: string;
  const seen = new Map<string, number>();
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-faults-'));

  before(async () => {
    cluster = await startPgCluster();
    rx = await startReceiver((r, res) => {
      const id = String(r.headers['webhook-id']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
    const env = {
      DATABASE_URL: cluster.url,
      HERALD_ADMIN_TOKEN: ADMIN,
      HERALD_DATA_DIR: dataDir,
      HERALD_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      HERALD_LEASE_GRACE: '5',
      // Polling would hide a wake-up path that never came back: only NOTIFY (or the outage poll) wakes the worker.
      HERALD_POLL_INTERVAL_MS: '60000',
      HERALD_REQUEST_DEADLINE_MS: String(DEADLINE_MS),
      HERALD_READY_TIMEOUT_MS: String(READY_TIMEOUT_MS),
      HERALD_DB_CONNECT_TIMEOUT_MS: '1000',
      HERALD_DB_QUERY_TIMEOUT_MS: '3000',
      HERALD_LISTEN_RETRY_MAX_MS: '1000',
    };
    if (split) {
      apiProcess = await spawnServer({ ...env, HERALD_ROLE: 'api' });
      worker = await spawnServer({ ...env, HERALD_ROLE: 'worker' });
    } else {
      apiProcess = worker = await spawnServer({ ...env, HERALD_ROLE: 'all' });
    }
    key = (await call(apiProcess.url, ADMIN, 'POST', '/tenants', { name: 'faults' })).body.api_keys.test;
    appId = (await call(apiProcess.url, key, 'POST', '/app', { name: 'faults' })).body.id;
    const ep = await call(apiProcess.url, key, 'POST', `/app/${appId}/endpoint`, { url: `${rx.url}/in`, timeout_seconds: 2, retry_schedule: [0, 0.5, 1, 1, 1, 2, 2, 2] });
    assert.equal(ep.status, 201);
  });
  after(async () => {
    await apiProcess?.stop();
    if (split) await worker?.stop();
    await rx?.close();
    cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(url: string, token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }
  const publish = (i: number) => call(apiProcess.url, key, 'POST', `/app/${appId}/msg`, { type: 'fault.test', payload: { i } });
  const alive = () => apiProcess.child.exitCode === null && worker.child.exitCode === null;
  async function metric(name: string): Promise<number> {
    const text = await (await fetch(`${worker.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.split(' ')[1]) : NaN;
  }

  test('crashed three times under load: both processes stay up, every acknowledged message is delivered, 503s carry Retry-After', async (t) => {
    const acknowledged: string[] = [];
    const refused = { count: 0, withoutRetryAfter: 0, other: [] as string[] };
    let next = 0;
    let publishing = true;
    const publishers = Array.from({ length: 4 }, async () => {
      while (publishing && next < 20_000) {
        const res = await publish(next++).catch((err: Error) => ({ status: 0, headers: new Headers(), body: { detail: err.message } }));
        if (res.status === 202) acknowledged.push(res.body.id);
        else if (res.status === 503) {
          refused.count++;
          if (!res.headers.get('retry-after')) refused.withoutRetryAfter++;
          assert.equal(res.headers.get('content-type')?.split(';')[0], 'application/problem+json');
        } else refused.other.push(`${res.status} ${JSON.stringify(res.body)}`);
        if (res.status !== 202) await new Promise((r) => setTimeout(r, 50));
      }
    });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const perCrash: string[] = [];
    for (let crash = 1; crash <= 3; crash++) {
      await sleep(1500);
      const before = acknowledged.length;
      cluster.crash();
      await sleep(DOWN_MS);
      assert.ok(alive(), `a Herald process died after crash ${crash}:\n${apiProcess.output()}\n${worker.output()}`);
      const ready = await fetch(`${apiProcess.url}/health/ready`);
      assert.equal(ready.status, 503, 'readiness while the database is down');
      cluster.start();
      perCrash.push(`crash ${crash}: ${before} acknowledged before it`);
    }
    await sleep(1500);
    publishing = false;
    await Promise.all(publishers);
    assert.ok(alive(), 'both processes are up after the crashes');
    assert.deepEqual(refused.other, [], 'only 202s and 503s');
    assert.equal(refused.withoutRetryAfter, 0, 'every 503 says when to retry');
    await waitFor(() => acknowledged.every((id) => seen.has(id)), { timeoutMs: 90_000, intervalMs: 250, what: 'every acknowledged message delivered' });
    const duplicates = acknowledged.reduce((n, id) => n + (seen.get(id)! - 1), 0);
    t.diagnostic(`pg crash ×3, ${DOWN_MS} ms down each (${split ? 'split' : 'single'}): ${acknowledged.length} acknowledged, ${acknowledged.filter((id) => seen.has(id)).length} delivered, ${duplicates} duplicates, ${refused.count} publishes answered 503 (all with Retry-After); ${perCrash.join('; ')}`);
    assert.ok(acknowledged.length > 100, `load ran (${acknowledged.length} acknowledged)`);
  });

  test('LISTEN comes back by itself: the worker is listening again and a publish wakes it (no poll for 60 s)', async () => {
    await waitFor(async () => (await metric('herald_store_listening')) === 1, { timeoutMs: 20_000, intervalMs: 200, what: 'worker listening again' });
    const notificationsBefore = await metric('herald_work_notifications_total');
    const res = await publish(-1);
    assert.equal(res.status, 202);
    await waitFor(() => seen.has(res.body.id), { timeoutMs: 15_000, intervalMs: 50, what: 'message woken and delivered' });
    assert.ok((await metric('herald_work_notifications_total')) > notificationsBefore, 'the wake-up came from a notification');
  });

  test('frozen (SIGSTOP): publishes fail with 503 + Retry-After within the deadline, readiness answers 503; both recover on thaw', async (t) => {
    cluster.freeze();
    try {
      const started = Date.now();
      const [res, ready] = await Promise.all([
        publish(-2),
        (async () => {
          const t0 = Date.now();
          const r = await fetch(`${apiProcess.url}/health/ready`, { signal: AbortSignal.timeout(15_000) });
          return { status: r.status, ms: Date.now() - t0, body: (await r.json()) as { reason: string } };
        })(),
      ]);
      const elapsed = Date.now() - started;
      assert.equal(res.status, 503, JSON.stringify(res.body));
      assert.ok(res.headers.get('retry-after'));
      assert.match(res.body.detail, /did not answer in time|unreachable/);
      assert.ok(elapsed < DEADLINE_MS + 3000, `publish answered after ${elapsed} ms`);
      assert.equal(ready.status, 503);
      assert.ok(ready.ms < READY_TIMEOUT_MS + 3000, `readiness answered after ${ready.ms} ms`);
      t.diagnostic(`pg frozen (${split ? 'split' : 'single'}): publish 503 after ${elapsed} ms (deadline ${DEADLINE_MS}), readiness 503 after ${ready.ms} ms (timeout ${READY_TIMEOUT_MS})`);
      assert.ok(alive());
    } finally {
      cluster.thaw();
    }
    await waitFor(async () => (await fetch(`${apiProcess.url}/health/ready`)).status === 200, { timeoutMs: 20_000, intervalMs: 200, what: 'ready after thaw' });
    let res = await publish(-3);
    for (let i = 0; res.status !== 202 && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 250));
      res = await publish(-3);
    }
    assert.equal(res.status, 202);
    await waitFor(() => seen.has(res.body.id), { timeoutMs: 20_000, intervalMs: 50, what: 'delivered after thaw' });
    assert.ok(alive());
  });
});
