import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startReceiver, waitFor, type Receiver } from './helpers.js';
import { spawnServer, type ServerProcess } from './process.js';

const ADMIN = 'crash-admin-token';
const MESSAGES = 2500;
const ENDPOINTS = 4;

let server: ServerProcess | null = null;
let rx: Receiver | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'herald-crash-'));
after(async () => {
  await server?.stop();
  await rx?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function api(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

test('kill -9 with thousands of deliveries in flight loses nothing: every accepted message arrives after restart', async (t) => {
  const env = { HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: ADMIN };
  // Each response takes a little while, so many requests are open when the process dies.
  const seen = new Map<string, number>();
  rx = await startReceiver((r, res) => {
    const pair = `${r.headers['webhook-id']}|${r.path}`;
    seen.set(pair, (seen.get(pair) ?? 0) + 1);
    setTimeout(() => res.writeHead(200).end(), 300);
  });
  server = await spawnServer(env);
  const tenant = (await api(server.url, ADMIN, 'POST', '/tenants', { name: 'crash' })).body;
  const key = tenant.api_keys.test;
  const app = (await api(server.url, key, 'POST', '/app', { name: 'crash' })).body;
  for (let e = 0; e < ENDPOINTS; e++) {
    await api(server.url, key, 'POST', `/app/${app.id}/endpoint`, { url: `${rx.url}/ep${e}`, max_in_flight: 100, retry_schedule: [0, 0.2, 0.5, 1, 2] });
  }

  // Publish everything from 25 concurrent clients while deliveries are already flowing (the
  // receiver takes 300 ms per request, so a backlog builds), then kill -9 mid-delivery.
  const accepted: string[] = [];
  let next = 0;
  const url = server.url;
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      while (next < MESSAGES) {
        next++;
        const res = await api(url, key, 'POST', `/app/${app.id}/msg`, { type: 'crash.test', payload: { n: next } });
        assert.equal(res.status, 202);
        accepted.push(res.body.id);
      }
    }),
  );
  const total = accepted.length * ENDPOINTS;
  await waitFor(() => seen.size >= total * 0.3, { timeoutMs: 60_000, what: '30 % of deliveries before the kill' });
  const receivedBeforeKill = seen.size;
  await server.kill9();
  assert.ok(receivedBeforeKill < total * 0.9, `the kill must land mid-delivery (${receivedBeforeKill}/${total} received)`);

  server = await spawnServer(env);
  const expected = accepted.flatMap((id) => Array.from({ length: ENDPOINTS }, (_, e) => `${id}|/ep${e}`));
  await waitFor(() => expected.every((pair) => seen.has(pair)), { timeoutMs: 90_000, intervalMs: 200, what: 'every accepted delivery' });
  const lost = expected.filter((pair) => !seen.has(pair)).length;
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  const expectedSet = new Set(expected);
  const extra = [...seen.keys()].filter((pair) => !expectedSet.has(pair)).length;
  t.diagnostic(
    `kill -9 test: ${accepted.length} messages × ${ENDPOINTS} endpoints = ${total} deliveries accepted; at the kill ${receivedBeforeKill} had been received ` +
      `and ${total - receivedBeforeKill} were pending or in flight; after restart: lost ${lost}, duplicates ${duplicates}, unexpected ${extra}`,
  );
  assert.equal(lost, 0);
  assert.equal(extra, 0);
});
