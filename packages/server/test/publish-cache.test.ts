import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createTestDatabase } from './helpers.js';
import { spawnServer, type ServerProcess } from './process.js';

const ADMIN = 'cache-admin';
const processes: ServerProcess[] = [];
let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'herald-cache-'));
after(async () => {
  for (const p of processes) await p.stop();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

test('two API processes on one PostgreSQL: a change made through one is seen by the very next publish through the other', async () => {
  database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, HERALD_ADMIN_TOKEN: ADMIN, HERALD_DATA_DIR: dataDir, HERALD_ROLE: 'api', HERALD_MASTER_KEY: Buffer.alloc(32, 5).toString('base64') };
  const [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  processes.push(a!, b!);
  const tenant = (await call(a!.url, ADMIN, 'POST', '/tenants', { name: 'cache' })).body;
  const key: string = tenant.api_keys.test;
  const app = (await call(a!.url, key, 'POST', '/app', { name: 'cached', uid: 'cached-app' })).body;
  const publishB = (type: string, payload: unknown) => call(b!.url, key, 'POST', `/app/cached-app/msg`, { type, payload });

  // B has now cached the key, the application and the (absent) event type.
  for (let i = 0; i < 3; i++) assert.equal((await publishB('order.created', { n: i })).status, 202);

  // An event type with a schema, created through A: B's next publish is checked against it.
  assert.equal((await call(a!.url, key, 'POST', '/event-type', { name: 'order.created', schema: { type: 'object', required: ['order_id'] } })).status, 201);
  assert.equal((await publishB('order.created', { n: 9 })).status, 422);
  assert.equal((await publishB('order.created', { order_id: 'o1' })).status, 202);

  // Archived through A: refused by B at once.
  assert.equal((await call(a!.url, key, 'PATCH', '/event-type/order.created', { archived: true })).status, 200);
  const archived = await publishB('order.created', { order_id: 'o2' });
  assert.equal(archived.status, 422);
  assert.match(archived.body.detail, /archived/);

  // The application's message id prefix changed through A: B's next message carries it.
  assert.match((await publishB('other', {})).body.id, /^msg_/);
  assert.equal((await call(a!.url, key, 'PATCH', `/app/${app.id}`, { message_id_prefix: 'evt' })).status, 200);
  assert.match((await publishB('other', {})).body.id, /^evt_/);

  // The key revoked through A: B refuses it on the next request.
  const keys = (await call(a!.url, ADMIN, 'GET', `/tenants/${tenant.id}/api-keys`)).body.data;
  const testKey = keys.find((k: { environment: string }) => k.environment === 'test');
  assert.equal((await call(a!.url, ADMIN, 'DELETE', `/tenants/${tenant.id}/api-keys/${testKey.id}`)).status, 204);
  assert.equal((await publishB('other', {})).status, 401);
});
