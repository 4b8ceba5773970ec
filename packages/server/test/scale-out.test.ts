import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createTestDatabase, startReceiver, waitFor, type Receiver } from './helpers.js';
import { makeApiClient, spawnServer, type ServerProcess } from './process.js';

const ADMIN = 'scale-admin';
const ENDPOINTS = 50;
const MESSAGES = 20_000;
const MAX_IN_FLIGHT = 5;

const processes: ServerProcess[] = [];
let rx: Receiver | null = null;
let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'herald-scale-'));
after(async () => {
  for (const p of processes) await p.stop();
  await rx?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const client = makeApiClient();
after(() => client.close());
const api = client.call;

test('1 API + 3 worker processes on one PostgreSQL: 20k messages over 50 endpoints, a worker killed mid-run, nothing lost, limits held', async (t) => {
  database = await createTestDatabase();
  // Same master key everywhere: every process must open the endpoint secrets.
  const env = { DATABASE_URL: database.url, HERALD_ADMIN_TOKEN: ADMIN, HERALD_DATA_DIR: dataDir, HERALD_LEASE_GRACE: '2', HERALD_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') };

  const seen = new Map<string, number>();
  const open = new Map<string, number>();
  let peak = 0;
  rx = await startReceiver((r, res) => {
    const pair = `${r.headers['webhook-id']}|${r.path}`;
    seen.set(pair, (seen.get(pair) ?? 0) + 1);
    const n = (open.get(r.path) ?? 0) + 1;
    open.set(r.path, n);
    peak = Math.max(peak, n);
    setTimeout(() => {
      open.set(r.path, open.get(r.path)! - 1);
      res.writeHead(204).end();
    }, 3);
  });

  const apiProcess = await spawnServer({ ...env, HERALD_ROLE: 'api' });
  processes.push(apiProcess);
  const workers: ServerProcess[] = [];
  for (let i = 0; i < 3; i++) {
    const w = await spawnServer({ ...env, HERALD_ROLE: 'worker' });
    processes.push(w);
    workers.push(w);
  }
  const url = apiProcess.url;
  const key = (await api(url, ADMIN, 'POST', '/tenants', { name: 'scale' })).body.api_keys.test;
  const app = (await api(url, key, 'POST', '/app', { name: 'scale' })).body;
  for (let e = 0; e < ENDPOINTS; e++) {
    const res = await api(url, key, 'POST', `/app/${app.id}/endpoint`, { url: `${rx.url}/ep${e}`, filter_types: [`t${e}`], max_in_flight: MAX_IN_FLIGHT, timeout_seconds: 2, retry_schedule: [0, 0.5, 1, 2, 4] });
    assert.equal(res.status, 201);
  }

  const accepted: string[] = [];
  let next = 0;
  const started = Date.now();
  let killedAt = -1;
  const killer = waitFor(() => seen.size >= MESSAGES * 0.3, { timeoutMs: 120_000, intervalMs: 50, what: '30 % delivered' }).then(async () => {
    killedAt = seen.size;
    await workers[0]!.kill9();
  });
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < MESSAGES) {
        const i = next++;
        const res = await api(url, key, 'POST', `/app/${app.id}/msg`, { type: `t${i % ENDPOINTS}`, payload: { i } });
        assert.equal(res.status, 202);
        accepted.push(`${res.body.id}|/ep${i % ENDPOINTS}`);
      }
    }),
  );
  const published = Date.now();
  await killer;
  await waitFor(() => accepted.every((p) => seen.has(p)), { timeoutMs: 180_000, intervalMs: 500, what: 'every accepted message delivered' });
  const done = Date.now();
  const lost = accepted.filter((p) => !seen.has(p)).length;
  const duplicates = [...seen.values()].reduce((s, n) => s + n - 1, 0);
  t.diagnostic(
    `scale-out: ${accepted.length} messages over ${ENDPOINTS} endpoints, 1 API + 3 workers on PostgreSQL; published in ${published - started} ms, ` +
      `all delivered after ${done - started} ms (${Math.round(accepted.length / ((done - started) / 1000))}/s overall); worker killed after ${killedAt} deliveries; ` +
      `lost ${lost}, duplicates ${duplicates}, peak in flight per endpoint ${peak} (limit ${MAX_IN_FLIGHT})`,
  );
  assert.equal(lost, 0);
  assert.ok(peak <= MAX_IN_FLIGHT, `an endpoint had ${peak} requests open at once`);
});
