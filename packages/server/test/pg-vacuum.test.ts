import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres/index.js';
import type { AttemptOutcome, Scope } from '../src/store/types.js';
import { createTestDatabase, seedStoreEndpoint, waitFor } from './helpers.js';

// On PostgreSQL, workers VACUUM the deliveries table after a given number of recorded outcomes
// (dead row versions in the queue indexes slowed every claim). Real database, real store calls.
const scope: Scope = { tenant_id: 'ten_v', environment: 'test' };
const db = await createTestDatabase();
const store = await openPostgresStore(db.url, { vacuumEvery: 20 });
const stats = new pg.Client({ connectionString: db.url });
await stats.connect();
after(async () => {
  await stats.end();
  await store.close();
  await db.drop();
});

const manualVacuums = async () =>
  Number((await stats.query("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'deliveries'")).rows[0].vacuum_count);

let ids = 0;
async function deliverAndRecord(count: number): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const id = `msg_${++ids}`;
    await store.publish(scope, { id, app_id: 'app_v', event_type: 'e', event_id: null, payload: '{}', now, idempotency: null });
  }
  const { deliveries } = await store.claimDue({ now: Date.now(), owner: 'w1', limit: count, leaseGraceMs: 1000 });
  assert.equal(deliveries.length, count);
  const outcomes: AttemptOutcome[] = deliveries.map((d) => ({
    delivery: d,
    owner: 'w1',
    next: { status: 'succeeded', next_attempt_at: null, schedule_index: 0 },
    disable_endpoint: null,
    attempt: {
      id: `atmpt_${d.id}`, status: 'succeeded', url: 'http://127.0.0.1:9/', request_headers: {}, response_status: 200, response_headers: {},
      response_body: '', error_class: null, error_message: null, duration_ms: 1, created_at: Date.now(),
    },
  }));
  await store.recordOutcomes(outcomes, Date.now(), { autoDisableAfterMs: 60_000 });
}

test('deliveries are vacuumed once enough outcomes were recorded, not before', async () => {
  await seedStoreEndpoint(store, scope, 'v');

  await deliverAndRecord(15);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await manualVacuums(), 0, 'no VACUUM below the threshold');

  await deliverAndRecord(10);
  await waitFor(async () => (await manualVacuums()) > 0, { timeoutMs: 10_000, what: 'a VACUUM of deliveries' });
});
