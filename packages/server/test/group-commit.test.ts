import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { PublishInput, Scope } from '../src/store/types.js';

// The SQLite store commits publishes that arrive together in one transaction, each in its own
// savepoint. Against a real database file: a failing publish in a group rolls back alone, the
// others are durable when their promises resolve, and duplicates inside one group still meet.
const dir = mkdtempSync(join(tmpdir(), 'herald-group-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const scope: Scope = { tenant_id: 'ten_1', environment: 'test' };
const input = (id: string, extra: Partial<PublishInput> = {}): PublishInput => ({
  id,
  app_id: 'app_1',
  event_type: 'order.created',
  event_id: null,
  payload: `{"id":"${id}"}`,
  now: Date.now(),
  idempotency: null,
  ...extra,
});

async function openWithApp(file: string) {
  const store = openSqliteStore(join(dir, file));
  const now = Date.now();
  await store.createTenant({ id: scope.tenant_id, name: 'group', created_at: now }, []);
  await store.createApplication(scope, {
    id: 'app_1', uid: null, name: 'group', retry_schedule: null, metadata: {}, signature_scheme: 'standard', scheme_options: {}, envelope: 'herald',
    require_verification: false, default_timeout_ms: null, message_id_prefix: 'msg', encrypt_data: false, preset: null, created_at: now, updated_at: now,
  });
  return store;
}

test('one failing publish in a group rolls back alone; the rest are committed when they resolve', async () => {
  const store = await openWithApp('failing.db');
  // Issued in one turn, so they share a group: a duplicate primary key and an unknown application fail.
  const results = await Promise.allSettled([
    store.publish(scope, input('msg_a')),
    store.publish(scope, input('msg_a')),
    store.publish(scope, input('msg_b', { app_id: 'app_missing' })),
    store.publish(scope, input('msg_c')),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  assert.match(String((results[1] as PromiseRejectedResult).reason), /UNIQUE|PRIMARY KEY/i);
  assert.match(String((results[2] as PromiseRejectedResult).reason), /FOREIGN KEY/i);
  // Read back through a second connection: only what resolved is there.
  const other = new Database(join(dir, 'failing.db'), { readonly: true });
  const ids = (other.prepare('SELECT id FROM messages ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  other.close();
  assert.deepEqual(ids, ['msg_a', 'msg_c']);
  await store.close();
});

test('duplicate idempotency keys in one group produce one message', async () => {
  const store = await openWithApp('idempotency.db');
  const idempotency = { key: 'k1', request_hash: 'h1', window_ms: 60_000 };
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.publish(scope, input(`msg_${i}`, { idempotency }))));
  assert.equal(results.filter((r) => r.kind === 'created').length, 1);
  assert.equal(results.filter((r) => r.kind === 'replayed').length, 9);
  const created = results.find((r) => r.kind === 'created')!;
  for (const r of results) assert.equal(r.kind !== 'idempotency_mismatch' && r.message.id, created.kind === 'created' && created.message.id);
  await store.close();
});
