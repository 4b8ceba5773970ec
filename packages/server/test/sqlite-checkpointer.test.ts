import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { runCheckpointer } from '../src/store/sqlite/checkpointer.js';
import { waitFor } from './helpers.js';

test('the checkpointer copies committed WAL pages into the database file while the writer never checkpoints', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-ckpt-'));
  const path = join(dir, 'h.sqlite');
  const writer = new Database(path);
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = writer.prepare('INSERT INTO t (body) VALUES (?)');
  writer.transaction(() => {
    for (let i = 0; i < 4_000; i++) insert.run('x'.repeat(1000));
  })();
  // Everything is still in the WAL: the database file holds only what the first checkpoint-free open wrote.
  assert.ok(statSync(path).size < 1_000_000, `database file ${statSync(path).size} bytes before any checkpoint`);
  assert.ok(statSync(`${path}-wal`).size > 4_000_000);
  const checkpointer = runCheckpointer(path);
  try {
    await waitFor(() => statSync(path).size > 4_000_000, { what: 'the pages copied into the database file', timeoutMs: 5_000 });
    // The writer keeps writing meanwhile: a passive checkpoint never blocks it.
    insert.run('after');
    assert.equal((writer.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n, 4_001);
  } finally {
    checkpointer.stop();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
