// node --import tsx bench/probes/postgres-publish-profile.ts
// Where the PostgreSQL API process spends CPU while publishing: the bench's publish scenario
// (100 endpoints in 10 groups, 64 clients, 10 s) against an API process started with --cpu-prof.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { createTestDatabase, UNTHROTTLED } from '../../packages/server/test/helpers.js';
import { BUNDLE, buildBundle, spawnServer } from '../../packages/server/test/process.js';
import { benchPayload, loadLoop } from '../lib/common.js';
buildBundle();
const dir = mkdtempSync(join(tmpdir(), 'prof-'));
const db = await createTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'd-'));
const env = { HERALD_ROLE: 'api', HERALD_ADMIN_TOKEN: 'adm', HERALD_DATA_DIR: dataDir, HERALD_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), LOG_LEVEL: 'error', ...UNTHROTTLED.env, DATABASE_URL: db.url };
const api = await spawnServer(env, [], ['--cpu-prof', `--cpu-prof-dir=${dir}`], BUNDLE);
const pool = new Pool(api.url, { connections: 64 });
const call = async (token: string, method: string, path: string, body?: unknown) => {
  const res = await pool.request({ path: `/api/v1${path}`, method: method as 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) });
  const t = await res.body.text();
  return { status: res.statusCode, body: t ? JSON.parse(t) : null };
};
const key = (await call('adm', 'POST', '/tenants', { name: 'p' })).body.api_keys.test;
const app = (await call(key, 'POST', '/app', { name: 'p' })).body.id;
for (let e = 0; e < 100; e++) await call(key, 'POST', `/app/${app}/endpoint`, { url: `http://127.0.0.1:9/ep${e}`, filter_types: [`t${e % 10}`] });
const pub = await loadLoop(Number.MAX_SAFE_INTEGER, 10000, 64, async (i) => { await call(key, 'POST', `/app/${app}/msg`, { type: `t${i % 10}`, payload: benchPayload(i) }); });
console.log(`${(pub.done / (pub.ms / 1000)).toFixed(1)} req/s`);
await pool.close();
await api.stop();
await db.drop();
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[]; startTime: number; endTime: number; samples: number[] };
const ms = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
const by = new Map<string, number>();
for (const n of profile.nodes) {
  if (!n.hitCount) continue;
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  by.set(k, (by.get(k) ?? 0) + n.hitCount);
}
console.log(`${Math.round(total * ms)} ms sampled`);
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
rmSync(dir, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
