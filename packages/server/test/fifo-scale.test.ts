// Ordered delivery across processes: 1 API and 3 worker processes on one PostgreSQL, one worker
// killed with SIGKILL mid-run. Each key's arrivals must be in publish order (a killed worker's
// head may arrive twice, never after a later message), while an unordered endpoint drains beside.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createTestDatabase, startReceiver, waitFor, type Receiver } from './helpers.js';
import { makeApiClient, spawnServer, type ServerProcess } from './process.js';

const ADMIN = 'fifo-admin';
const KEYS = 50;
const MESSAGES = 5000;
const UNORDERED = 2000;

const processes: ServerProcess[] = [];
let rx: Receiver | null = null;
let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'herald-fifo-'));
after(async () => {
  for (const p of processes) await p.stop();
  await rx?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});
const client = makeApiClient();
after(() => client.close());
const api = client.call;

test('fifo on PostgreSQL: 5,000 messages over 50 keys, 3 workers, one killed mid-way: every key in order, unordered traffic beside it', async (t) => {
  database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, HERALD_ADMIN_TOKEN: ADMIN, HERALD_DATA_DIR: dataDir, HERALD_LEASE_GRACE: '1', HERALD_MASTER_KEY: Buffer.alloc(32, 5).toString('base64') };

  /** Per key, the message numbers in arrival order. */
  const lines = new Map<string, number[]>();
  const firstSeen = new Set<string>();
  let unorderedSeen = 0;
  let unorderedFirstAt = 0;
  let unorderedLastAt = 0;
  let fifoFirstAt = 0;
  let fifoLastAt = 0;
  rx = await startReceiver((r, res) => {
    const { k, n } = JSON.parse(r.body).data as { k: string; n: number };
    const now = Date.now();
    if (r.path === '/unordered') {
      if (!firstSeen.has(`u${n}`)) unorderedSeen++;
      firstSeen.add(`u${n}`);
      unorderedFirstAt ||= now;
      unorderedLastAt = now;
    } else {
      if (!lines.has(k)) lines.set(k, []);
      lines.get(k)!.push(n);
      firstSeen.add(`${k}:${n}`);
      fifoFirstAt ||= now;
      fifoLastAt = now;
    }
    setTimeout(() => res.writeHead(204).end(), 2);
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
  const key = (await api(url, ADMIN, 'POST', '/tenants', { name: 'fifo' })).body.api_keys.test;
  const app = (await api(url, key, 'POST', '/app', { name: 'fifo' })).body;
  const fifo = await api(url, key, 'POST', `/app/${app.id}/endpoint`, { url: `${rx.url}/fifo`, filter_types: ['ordered'], ordering: 'fifo', max_in_flight: KEYS, timeout_seconds: 2 });
  assert.equal(fifo.status, 201, JSON.stringify(fifo.body));
  assert.equal((await api(url, key, 'POST', `/app/${app.id}/endpoint`, { url: `${rx.url}/unordered`, filter_types: ['free'], max_in_flight: 20, timeout_seconds: 2 })).status, 201);

  let killedAt = -1;
  const killer = waitFor(() => firstSeen.size >= MESSAGES * 0.3, { timeoutMs: 120_000, intervalMs: 20, what: '30 % delivered' }).then(async () => {
    killedAt = firstSeen.size;
    await workers[0]!.kill9();
  });
  // Each key's messages are published one after another (its publish order), 50 keys side by side,
  // with unordered messages mixed in.
  const started = Date.now();
  await Promise.all([
    ...Array.from({ length: KEYS }, async (_, k) => {
      for (let n = 0; n < MESSAGES / KEYS; n++) {
        const res = await api(url, key, 'POST', `/app/${app.id}/msg`, { type: 'ordered', ordering_key: `key-${k}`, payload: { k: `key-${k}`, n } });
        assert.equal(res.status, 202);
      }
    }),
    (async () => {
      for (let n = 0; n < UNORDERED; n++) assert.equal((await api(url, key, 'POST', `/app/${app.id}/msg`, { type: 'free', payload: { k: 'u', n } })).status, 202);
    })(),
  ]);
  await killer;
  await waitFor(() => [...lines.values()].reduce((s, l) => s + new Set(l).size, 0) === MESSAGES && unorderedSeen === UNORDERED, {
    timeoutMs: 180_000,
    intervalMs: 200,
    what: 'every message delivered',
  });
  const done = Date.now();

  let duplicates = 0;
  for (let k = 0; k < KEYS; k++) {
    const line = lines.get(`key-${k}`)!;
    duplicates += line.length - new Set(line).size;
    // In order: never a message before one published earlier; a head resent after a kill arrives
    // again right behind itself, never after a later message.
    for (let i = 1; i < line.length; i++) assert.ok(line[i]! >= line[i - 1]!, `key-${k} arrived out of order: …${line.slice(Math.max(0, i - 3), i + 2).join(', ')}…`);
    assert.deepEqual([...new Set(line)], Array.from({ length: MESSAGES / KEYS }, (_, n) => n), `key-${k} has every message once in order`);
  }
  const perKey = (MESSAGES / KEYS / ((fifoLastAt - fifoFirstAt) / 1000)).toFixed(1);
  t.diagnostic(
    `fifo across processes: ${MESSAGES} ordered messages over ${KEYS} keys and ${UNORDERED} unordered, 1 API + 3 workers on PostgreSQL, worker killed after ${killedAt} deliveries; ` +
      `all delivered ${done - started} ms after the first publish; ordered ${Math.round(MESSAGES / ((fifoLastAt - fifoFirstAt) / 1000))}/s overall (${perKey}/s per key), ` +
      `unordered ${Math.round(UNORDERED / ((unorderedLastAt - unorderedFirstAt) / 1000))}/s; duplicates ${duplicates} (the killed worker's heads)`,
  );
});
