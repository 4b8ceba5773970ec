// node --import tsx bench/probes/postgres-statements.ts
// pg_stat_statements and pg_stat_wal during the bench's PostgreSQL publish scenario (100 endpoints
// in 10 groups, 64 clients, 10 s after 3 s of warm-up), on a throw-away cluster (fsync on).
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { UNTHROTTLED } from '../../packages/server/test/helpers.js';
import { BUNDLE, buildBundle, freePort, spawnServer } from '../../packages/server/test/process.js';
import { benchPayload, loadLoop } from '../lib/common.js';
const bin = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1)!, 'bin');
const dir = mkdtempSync(join(tmpdir(), 'pgss-'));
chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
const run = (cmd: string, args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
const port = await freePort();
run('pg_ctl', ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c track_io_timing=on`, '-l', join(dir, 'log'), '-w', 'start']);
const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
await admin.connect();
await admin.query('CREATE DATABASE herald');
const hc = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/herald` });
await hc.connect();
await hc.query('CREATE EXTENSION pg_stat_statements');
buildBundle();
const dataDir = mkdtempSync(join(tmpdir(), 'd-'));
const env = { HERALD_ROLE: 'api', HERALD_ADMIN_TOKEN: 'adm', HERALD_DATA_DIR: dataDir, HERALD_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), LOG_LEVEL: 'error', ...UNTHROTTLED.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/herald` };
const api = await spawnServer(env, [], [], BUNDLE);
const pool = new Pool(api.url, { connections: 64 });
const call = async (token: string, method: string, path: string, body?: unknown) => {
  const res = await pool.request({ path: `/api/v1${path}`, method: method as 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) });
  const t = await res.body.text();
  return { status: res.statusCode, body: t ? JSON.parse(t) : null };
};
try {
  const key = (await call('adm', 'POST', '/tenants', { name: 'p' })).body.api_keys.test;
  const app = (await call(key, 'POST', '/app', { name: 'p' })).body.id;
  for (let e = 0; e < 100; e++) await call(key, 'POST', `/app/${app}/endpoint`, { url: `http://127.0.0.1:9/ep${e}`, filter_types: [`t${e % 10}`] });
  await loadLoop(Number.MAX_SAFE_INTEGER, 3000, 64, async (i) => { await call(key, 'POST', `/app/${app}/msg`, { type: `t${i % 10}`, payload: benchPayload(i) }); });
  await hc.query('SELECT pg_stat_statements_reset()');
  const pub = await loadLoop(Number.MAX_SAFE_INTEGER, 10000, 64, async (i) => { await call(key, 'POST', `/app/${app}/msg`, { type: `t${i % 10}`, payload: benchPayload(i) }); });
  console.log(`${(pub.done / (pub.ms / 1000)).toFixed(1)} req/s, ${pub.done} publishes`);
  const rows = (await hc.query(`SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 2) AS mean_ms, rows, round(blk_write_time::numeric,1) AS wr_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12`)).rows;
  for (const r of rows) console.log(`${String(r.calls).padStart(6)} calls ${String(r.total_ms).padStart(9)} ms total ${String(r.mean_ms).padStart(7)} ms mean ${String(r.rows).padStart(7)} rows  ${r.q}`);
  const wal = (await hc.query(`SELECT wal_records, wal_bytes, wal_sync, round(wal_sync_time::numeric,1) AS sync_ms, wal_write FROM pg_stat_wal`)).rows[0];
  console.log('wal', JSON.stringify(wal));
} finally {
  await pool.close();
  await api.stop();
  await hc.end();
  await admin.end();
  run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  rmSync(dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
