// The `herald` package as a user installs it: `npm pack`, then `npm install -g` of the tarball
// into an empty prefix (better-sqlite3 compiles from source), and the installed command run from
// a directory outside this repository, so nothing can resolve to the checkout's node_modules.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Webhook } from '@herald/webhooks';
import { createTestDatabase, startReceiver, waitFor } from '../../server/test/helpers.js';
import { npmPack, spawnServer } from '../../server/test/process.js';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// As a user's shell would have it: no source condition from this repo's test runner.
const env = { ...process.env, NODE_OPTIONS: '' };
let work: string;
let prefix: string;
let bin: string;
let installed: string;
let tarball: string;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'herald-install-'));
  tarball = npmPack(pkgDir, work);
  prefix = join(work, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--allow-scripts=better-sqlite3', '--no-audit', '--no-fund', tarball], {
    cwd: work,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  bin = join(prefix, 'bin', 'herald');
  installed = join(prefix, 'lib', 'node_modules', 'herald');
}, { timeout: 660_000 });
after(() => rmSync(work, { recursive: true, force: true }));

const herald = (args: string[], extraEnv: Record<string, string> = {}) => execFileSync(bin, args, { cwd: work, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });

test('the bin is compiled JavaScript with the tested dependencies bundled, and no TypeScript tooling', () => {
  assert.equal(realpathSync(bin), join(realpathSync(installed), 'dist', 'herald.mjs'));
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  assert.deepEqual(readdirSync(join(installed, 'dist')).filter((f) => f.endsWith('.ts')), []);
  for (const tooling of ['tsx', 'typescript', 'esbuild']) assert.equal(existsSync(join(installed, 'node_modules', tooling)), false, `${tooling} installed`);
  // Every JavaScript dependency is inside the bundle, at the version this repo's lockfile tested;
  // the one installed dependency is the native SQLite addon, pinned to that version too.
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')).packages;
  assert.equal(JSON.parse(readFileSync(join(installed, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version, lock['node_modules/better-sqlite3'].version);
  for (const bundled of ['fastify', 'pg', 'undici', 'commander']) assert.equal(existsSync(join(installed, 'node_modules', bundled)), false, `${bundled} is bundled, not installed`);
  // Every package the bundle imports is a declared dependency, and every dependency is imported.
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const imported = new Set<string>();
  for (const f of readdirSync(join(installed, 'dist')).filter((n) => n.endsWith('.mjs'))) {
    // esbuild writes each external import as a statement of its own line.
    for (const m of readFileSync(join(installed, 'dist', f), 'utf8').matchAll(/^import\s(?:[^;"]*?\sfrom\s)?"([^".][^"]*)";$/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('node:')) continue;
      imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  assert.deepEqual([...imported].sort(), Object.keys(manifest.dependencies).sort());
});

test('herald --help and --version', () => {
  assert.equal(herald(['--version']).trim(), '0.1.0');
  const help = herald(['--help']);
  for (const command of ['serve', 'migrate', 'tenant', 'app', 'endpoint', 'send', 'listen', 'deliveries']) assert.match(help, new RegExp(`\\n  ${command}\\b`), command);
});

test('herald serve answers /health/ready, serves the dashboard and the API reference, and takes API calls', async () => {
  const dataDir = join(work, 'data');
  const server = await spawnServer({ HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: 'hadm_install_test', NODE_OPTIONS: '' }, [], [], undefined, { bin, cwd: work });
  try {
    assert.deepEqual(await (await fetch(`${server.url}/health/ready`)).json(), { status: 'ready' });
    assert.match(await (await fetch(`${server.url}/`)).text(), /<div id="root">/);
    assert.match(await (await fetch(`${server.url}/docs`)).text(), /Herald API reference/);
    assert.equal((await fetch(`${server.url}/docs/api-reference.js`)).status, 200);
    const tenant = await fetch(`${server.url}/api/v1/tenants`, { method: 'POST', headers: { authorization: 'Bearer hadm_install_test', 'content-type': 'application/json' }, body: '{"name":"Acme"}' });
    assert.equal(tenant.status, 201);
    const presets = await fetch(`${server.url}/api/v1/presets`, { headers: { authorization: `Bearer ${(await tenant.clone().json()).api_keys.test}` } });
    assert.deepEqual((await presets.json()).data.map((p: { name: string }) => p.name), ['klarefi', 'klariqo', 'kompliant', 'kyc']);
    // A delivery, signed and sent by the installed code, verifies.
    const key = (await tenant.json()).api_keys.test;
    const rx = await startReceiver();
    try {
      const call = (path: string, body: unknown) => fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      const app = await call('/app', { name: 'Installed' });
      const endpoint = await call(`/app/${app.id}/endpoint`, { url: `${rx.url}/hook` });
      const message = await call(`/app/${app.id}/msg`, { type: 'order.created', payload: { n: 1 } });
      const delivery = await waitFor(() => rx.received[0], { what: 'the delivery' });
      assert.equal(delivery.headers['webhook-id'], message.id);
      assert.deepEqual(((await new Webhook(endpoint.secret).verify(delivery.body, delivery.headers as Record<string, string>)) as { data: unknown }).data, { n: 1 });
    } finally {
      await rx.close();
    }
    assert.ok(existsSync(join(dataDir, 'herald.sqlite')));
  } finally {
    await server.stop();
  }
});

test('herald migrate, on SQLite and on PostgreSQL', async () => {
  assert.match(herald(['migrate', '--data-dir', join(work, 'migrated')]), /applied: 001_init/);
  assert.match(herald(['migrate', '--data-dir', join(work, 'migrated')]), /schema is up to date/);
  const db = await createTestDatabase();
  try {
    assert.match(herald(['migrate'], { DATABASE_URL: db.url }), /applied: 001_init/);
    assert.match(herald(['migrate'], { DATABASE_URL: db.url }), /schema is up to date \(PostgreSQL\)/);
  } finally {
    await db.drop();
  }
});
