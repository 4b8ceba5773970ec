import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openPool } from '../src/store/postgres/db.js';
import { createTestDatabase } from './helpers.js';

// Two transactions that lock the same rows in opposite orders: PostgreSQL aborts one of them
// with a deadlock. The store runs the aborted one again instead of failing the request (a
// portal user deleting an endpoint while its outcomes were recorded got a 500).
const db = await createTestDatabase();
const pool = openPool(db.url);
after(async () => {
  await pool.pool.end();
  await db.drop();
});

test('a transaction aborted by a deadlock runs again and both commit', async () => {
  await pool.q('CREATE TABLE pair (id INT PRIMARY KEY, v INT NOT NULL)');
  await pool.q('INSERT INTO pair VALUES (1, 0), (2, 0)');
  let signal!: () => void;
  const bothHoldOne = new Promise<void>((resolve) => {
    let held = 0;
    signal = () => void (++held === 2 && resolve());
  });
  const runs = { a: 0, b: 0 };
  const crossing = (name: 'a' | 'b', first: number, second: number) =>
    pool.tx(async (q) => {
      runs[name]++;
      await q('UPDATE pair SET v = v + 1 WHERE id = ?', [first]);
      if (runs[name] === 1) {
        signal();
        await bothHoldOne;
      }
      await q('UPDATE pair SET v = v + 1 WHERE id = ?', [second]);
      return name;
    });
  assert.deepEqual(await Promise.all([crossing('a', 1, 2), crossing('b', 2, 1)]), ['a', 'b']);
  assert.equal(runs.a + runs.b, 3, 'one of them ran twice');
  assert.deepEqual((await pool.q<{ id: number; v: number }>('SELECT id, v FROM pair ORDER BY id')).rows, [{ id: 1, v: 2 }, { id: 2, v: 2 }]);
});
