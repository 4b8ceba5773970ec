import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openDatabase } from '../src/store/sqlite/db.js';
import { sqliteExecutor } from '../src/store/sqlite/executor.js';

// The SQLite executor runs async transactions one at a time on one connection, grouped into one
// commit. Against a real file: what runs outside a transaction never lands inside one.
const dir = mkdtempSync(join(tmpdir(), 'herald-executor-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a statement made while a transaction is open waits for it, and survives its rollback', async () => {
  const db = openDatabase(join(dir, 'outside.db'));
  const sql = sqliteExecutor(db);
  await sql.run('CREATE TABLE t (v INTEGER)');
  const failing = sql.tx(async (q) => {
    await q.run('INSERT INTO t (v) VALUES (1)');
    await pause(30);
    throw new Error('boom');
  });
  await pause(5);
  const outside = sql.run('INSERT INTO t (v) VALUES (2)');
  await assert.rejects(failing, /boom/);
  assert.equal(await outside, 1);
  assert.deepEqual(await sql.all('SELECT v FROM t ORDER BY v'), [{ v: 2 }]);
  db.close();
});

test('transactions asked for together commit together; one failing rolls back alone', async () => {
  const db = openDatabase(join(dir, 'group.db'));
  const sql = sqliteExecutor(db);
  await sql.run('CREATE TABLE t (v INTEGER PRIMARY KEY)');
  const results = await Promise.allSettled([
    sql.tx((q) => q.run('INSERT INTO t (v) VALUES (1)')),
    sql.tx(async (q) => {
      await q.run('INSERT INTO t (v) VALUES (2)');
      await q.run('INSERT INTO t (v) VALUES (1)'); // duplicate key: this transaction fails
    }),
    sql.tx(async (q) => {
      // Sees what the earlier transactions of its group wrote (and not what was rolled back).
      return (await q.all<{ v: number }>('SELECT v FROM t ORDER BY v')).map((r) => r.v);
    }),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual((results[2] as PromiseFulfilledResult<number[]>).value, [1]);
  assert.deepEqual(await sql.all('SELECT v FROM t ORDER BY v'), [{ v: 1 }]);
  // Nested: the inner tx is part of the outer one.
  await assert.rejects(
    sql.tx(async (q) => {
      await q.tx((inner) => inner.run('INSERT INTO t (v) VALUES (3)'));
      throw new Error('outer fails');
    }),
    /outer fails/,
  );
  assert.deepEqual(await sql.all('SELECT v FROM t ORDER BY v'), [{ v: 1 }]);
  db.close();
});
