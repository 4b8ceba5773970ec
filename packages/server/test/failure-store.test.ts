import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createTenant, rowCounts, startHerald, type TestHerald } from './helpers.js';
import { spawnServer } from './process.js';

/**
 * The embedded store failing under Herald: a full disk, a lock held by another process, a
 * read-only data directory. Disks are real: small tmpfs mounts of the test's own (this machine's
 * tests run as root; the mount fails loudly otherwise).
 */
function mountTmpfs(sizeKb: number, readOnly = false): { dir: string; remountReadOnly(): void; unmount(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'herald-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k${readOnly ? ',ro' : ''}`, 'tmpfs', dir]);
  return {
    dir,
    remountReadOnly: () => void execFileSync('mount', ['-o', 'remount,ro', dir]),
    unmount() {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes until the file system refuses: what is left is nothing. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let i = 0; i < 100_000; i++) writeFileSync(filler, block, { flag: 'a' });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOSPC') throw err;
  }
  try {
    for (let i = 0; i < 1000; i++) writeFileSync(filler, Buffer.alloc(512, 1), { flag: 'a' });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOSPC') throw err;
  }
  return filler;
}

describe('SQLite store failures: honest 503s, readiness that writes, start-up errors that say what failed', () => {
  let disk: ReturnType<typeof mountTmpfs>;
  let h: TestHerald;
  let key: string;
  let appId: string;
  before(async () => {
    disk = mountTmpfs(16 * 1024);
    h = await startHerald({}, { dataDir: join(disk.dir, 'data') });
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'disk' } })).body.id;
  });
  after(async () => {
    await h?.close();
    disk?.unmount();
  });
  const publish = (payload: unknown) => h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'disk.test', payload } });

  test('disk full: publishes get 503 + Retry-After naming the disk, readiness turns 503, nothing half-written; both recover when space is freed', async () => {
    assert.equal((await publish({ n: 1 })).status, 202);
    const filler = fillDisk(disk.dir);
    try {
      // Space SQLite already holds (WAL frames left from start-up and earlier writes) takes the
      // first writes on a full disk; the next one that needs new space must fail cleanly.
      const big = { blob: 'x'.repeat(400 * 1024) };
      let before = await rowCounts(h);
      let res = await publish(big);
      for (let i = 0; res.status === 202 && i < 20; i++) {
        before = await rowCounts(h);
        res = await publish(big);
      }
      assert.equal(res.status, 503, JSON.stringify(res.body));
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.ok(Number(res.headers['retry-after']) > 0);
      assert.match(res.body.detail, /disk is full/);
      const ready = await h.call('GET', '/health/ready');
      assert.equal(ready.status, 503);
      assert.equal(ready.body.reason, 'disk_full');
      assert.deepEqual(await rowCounts(h), before, 'nothing stored');
    } finally {
      rmSync(filler);
    }
    assert.equal((await h.call('GET', '/health/ready')).status, 200);
    assert.equal((await publish({ n: 2 })).status, 202);
  });

  test('locked by another process: 503 + Retry-After, then fine once the lock is released', async () => {
    const other = new Database(h.herald.config.sqlitePath);
    other.exec('BEGIN EXCLUSIVE');
    try {
      // WAL: readers are not blocked, so the counts can still be read.
      const before = await rowCounts(h);
      const res = await publish({ locked: true });
      assert.equal(res.status, 503, JSON.stringify(res.body));
      assert.ok(res.headers['retry-after']);
      assert.match(res.body.detail, /locked/);
      assert.deepEqual(await rowCounts(h), before, 'nothing stored');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    assert.equal((await publish({ n: 3 })).status, 202);
  });

  test('a read-only data directory: start-up fails with the path and the reason', async () => {
    const ro = mountTmpfs(4096);
    try {
      mkdirSync(join(ro.dir, 'data'));
      const first = await spawnServer({ HERALD_DATA_DIR: join(ro.dir, 'data'), HERALD_ADMIN_TOKEN: 'ro-admin' });
      await first.stop();
      ro.remountReadOnly();
      const err = await spawnServer({ HERALD_DATA_DIR: join(ro.dir, 'data'), HERALD_ADMIN_TOKEN: 'ro-admin' }).then(
        () => null,
        (e: Error) => e,
      );
      assert.ok(err, 'start-up must fail');
      assert.match(err.message, /herald: .*herald\.sqlite.*(read-only|EROFS|readonly)/i);
      assert.doesNotMatch(err.message, /herald: undefined/);
    } finally {
      ro.unmount();
    }
  });
});
