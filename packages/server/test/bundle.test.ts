import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Webhook } from '@herald/webhooks';
import { createTestDatabase, startReceiver, waitFor, type Receiver } from './helpers.js';
import { BUNDLE, BUNDLE_NODE_ARGS, buildBundle, REPO_ROOT, spawnServer, type ServerProcess } from './process.js';

// `npm start` runs the esbuild bundle, not the TypeScript sources through tsx: build it from the
// current sources and prove it finds everything that lives beside the code (migrations of both
// dialects, presets, the store thread, the dashboard) and delivers signed webhooks.
const ADMIN = 'bundle-admin-token';
const dataDir = mkdtempSync(join(tmpdir(), 'herald-bundle-'));
let server: ServerProcess | null = null;
let rx: Receiver | null = null;

before(buildBundle);
after(async () => {
  await server?.stop();
  await rx?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server!.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

test('the bundle serves on SQLite: applies migrations, creates an app from a preset, delivers a signed webhook, serves the dashboard', async () => {
  rx = await startReceiver();
  server = await spawnServer({ HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: ADMIN }, [], [], BUNDLE);
  const key = (await api(ADMIN, 'POST', '/tenants', { name: 'bundle' })).body.api_keys.test;
  const app = await api(key, 'POST', '/app', { name: 'from preset', preset: 'klariqo' });
  assert.equal(app.status, 201, JSON.stringify(app.body));
  const types = await api(key, 'GET', '/event-type');
  assert.ok(types.body.data.length > 0, 'the preset brought its event types');
  const plain = (await api(key, 'POST', '/app', { name: 'plain' })).body;
  const ep = await api(key, 'POST', `/app/${plain.id}/endpoint`, { url: `${rx.url}/hook` });
  assert.equal(ep.status, 201, JSON.stringify(ep.body));
  const published = await api(key, 'POST', `/app/${plain.id}/msg`, { type: 'order.created', payload: { n: 1 } });
  assert.equal(published.status, 202);
  const got = await waitFor(() => rx!.received[0], { what: 'the delivery' });
  const event = (await new Webhook(ep.body.secret).verify(got.body, got.headers as Record<string, string>)) as { type: string; data: unknown };
  assert.equal(event.type, 'order.created');
  assert.deepEqual(event.data, { n: 1 });
  const page = await fetch(`${server.url}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<div id="root">/);
});

test('the bundle migrates a PostgreSQL database', async () => {
  const db = await createTestDatabase();
  try {
    const run = () => execFileSync(process.execPath, [BUNDLE, 'migrate'], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: db.url } }).toString();
    assert.match(run(), /applied: 001_/);
    assert.match(run(), /schema is up to date \(PostgreSQL\)/);
  } finally {
    await db.drop();
  }
});

test('npm start runs the bundle with the Node flags the bundle tests and the benchmark use', () => {
  const start = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const run = /node ((?:--\S+ )*)packages\/server\/dist\/herald\.mjs serve/.exec(start);
  assert.ok(run, `npm start runs the bundle: ${start}`);
  const flags = run[1]!.trim().split(' ');
  for (const flag of BUNDLE_NODE_ARGS) assert.ok(flags.includes(flag), `npm start passes ${flag}: ${start}`);
});
