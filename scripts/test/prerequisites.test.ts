import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('npm test stops before running anything, one line per missing prerequisite', () => {
  // A PATH holding only node: no python3, no openssl. PostgreSQL on a port nothing listens on, no Chromium.
  const bin = mkdtempSync(join(tmpdir(), 'herald-prereq-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  const run = spawnSync(process.execPath, ['scripts/test.mjs'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: bin, HOME: process.env.HOME, HERALD_TEST_PG_URL: 'postgres://postgres@127.0.0.1:1/postgres', HERALD_TEST_CHROMIUM: join(bin, 'chromium') },
  });
  assert.equal(run.status, 2, run.stderr);
  assert.equal(run.stdout, '', 'nothing ran: no type-check, no build, no test output');
  const missing = run.stderr.split('\n').filter((l) => l.trimStart().startsWith('missing: '));
  assert.equal(missing.length, 4, run.stderr);
  assert.match(missing[0]!, /PostgreSQL does not answer at 127\.0\.0\.1:1 .*ECONNREFUSED.*`pg_ctlcluster 15 main start`/);
  assert.match(missing[1]!, /Chromium is not at .*chromium: `apt-get install chromium`/);
  assert.match(missing[2]!, /openssl is not on PATH .*`apt-get install openssl`/);
  assert.match(missing[3]!, /python3 is not on PATH: `apt-get install python3 python3-venv`/);
  assert.match(run.stderr, /needs 4 more things on this machine \(nothing was run\)/);
});

test('this machine has every prerequisite', async () => {
  const { missingPrerequisites } = await import('../prerequisites.mjs');
  assert.deepEqual(await missingPrerequisites(), []);
});
