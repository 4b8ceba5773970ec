import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { openPool } from '../src/store/postgres/db.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { makeWorkNotifier } from '../src/store/postgres/notify.js';
import type { Scope } from '../src/store/types.js';
import { createTestDatabase, seedStoreEndpoint, waitFor } from './helpers.js';

// Workers LISTEN on herald_work. The NOTIFY is sent after the commit that made work due (never
// inside it: PostgreSQL serialises notifying commits on one lock), one at a time per process.
const db = await createTestDatabase();
const pool = openPool(db.url);
const store = await openPostgresStore(db.url);
const listener = new pg.Client({ connectionString: db.url });
await listener.connect();
await listener.query('LISTEN herald_work');
const heard: number[] = [];
listener.on('notification', () => heard.push(Date.now()));
after(async () => {
  await listener.end();
  await store.close();
  await pool.pool.end();
  await db.drop();
});

const settle = () => new Promise((r) => setTimeout(r, 300));

test('a hundred wake-ups asked for at once send two notifications: one at once, one for those asked while it was on its way', async () => {
  heard.length = 0;
  const notify = makeWorkNotifier(pool.q);
  for (let i = 0; i < 100; i++) notify();
  await waitFor(() => heard.length >= 2, { what: 'two notifications' });
  await settle();
  assert.equal(heard.length, 2);
  notify();
  await waitFor(() => heard.length === 3, { what: 'a later wake-up notifying again' });
});

test('a publish notifies after its commit: when the worker hears it, the deliveries are there to claim', async () => {
  const scope: Scope = { tenant_id: 'ten_n', environment: 'test' };
  await seedStoreEndpoint(store, scope, 'n');
  await settle();
  heard.length = 0;
  const seen: number[] = [];
  const onNotification = () => void pool.q<{ n: number }>("SELECT COUNT(*)::int AS n FROM deliveries WHERE message_id = 'msg_n1'").then((r) => seen.push(r.rows[0]!.n));
  listener.on('notification', onNotification);
  try {
    const result = await store.publish(scope, { id: 'msg_n1', app_id: 'app_n', event_type: 'e', event_id: null, payload: '{}', now: Date.now(), idempotency: null });
    assert.equal(result.kind, 'created');
    await waitFor(() => seen.length >= 1, { what: 'the notification' });
    assert.deepEqual(seen, [1]);
  } finally {
    listener.off('notification', onNotification);
  }
});
