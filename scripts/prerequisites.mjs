// What `npm test` needs on the machine besides Node and npm, checked before anything runs: a run
// that would fail halfway with a stack trace stops at once instead, one line per missing piece
// with the command that installs or starts it. Nothing is skipped: a missing piece stops the run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const PG_URL = process.env.HERALD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const CHROMIUM = process.env.HERALD_TEST_CHROMIUM ?? '/usr/bin/chromium';
const PG_BIN_ROOT = '/usr/lib/postgresql';

async function postgresAnswers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err.code ?? err.message;
  } finally {
    await client.end().catch(() => {});
  }
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function pgServerBinaries() {
  if (!existsSync(PG_BIN_ROOT)) return false;
  return readdirSync(PG_BIN_ROOT).some((v) => executable(join(PG_BIN_ROOT, v, 'bin', 'initdb')) && executable(join(PG_BIN_ROOT, v, 'bin', 'pg_ctl')));
}

/** One line per missing prerequisite (empty when all are there). */
export async function missingPrerequisites() {
  const missing = [];
  const pgError = await postgresAnswers(PG_URL);
  if (pgError) {
    const where = new URL(PG_URL);
    missing.push(`PostgreSQL does not answer at ${where.host} as ${where.username || 'postgres'} (${pgError}): start it with \`pg_ctlcluster 15 main start\` (install: \`apt-get install postgresql\`), or set HERALD_TEST_PG_URL`);
  }
  if (!pgServerBinaries()) missing.push(`PostgreSQL server binaries (initdb, pg_ctl) are not under ${PG_BIN_ROOT}/*/bin: \`apt-get install postgresql\``);
  if (!executable(CHROMIUM)) missing.push(`Chromium is not at ${CHROMIUM}: \`apt-get install chromium\`, or set HERALD_TEST_CHROMIUM`);
  if (spawnSync('openssl', ['version'], { encoding: 'utf8' }).error) missing.push('openssl is not on PATH (the mTLS tests make their certificates with it): `apt-get install openssl`');
  const python = spawnSync('python3', ['-c', 'import venv, ensurepip'], { encoding: 'utf8' });
  if (python.error) missing.push('python3 is not on PATH: `apt-get install python3 python3-venv`');
  else if (python.status !== 0) missing.push('python3 cannot make virtual environments (no venv/ensurepip): `apt-get install python3-venv`');
  return missing;
}
