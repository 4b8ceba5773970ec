#!/usr/bin/env node
// Runs every test: checks the machine's prerequisites (prerequisites.mjs), type-checks, then runs
// each package's and scripts/test/'s node:test files (through tsx), in one `node --test` run so
// the summary lines are standard. packages/server/test/postgres/ holds the
// same server tests against PostgreSQL (127.0.0.1:5432, user postgres; each creates and drops
// its own database), so both stores are tested every time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { missingPrerequisites } from './prerequisites.mjs';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const missing = await missingPrerequisites();
if (missing.length) {
  console.error(`npm test needs ${missing.length === 1 ? 'one more thing' : `${missing.length} more things`} on this machine (nothing was run):`);
  for (const line of missing) console.error(`  missing: ${line}`);
  process.exit(2);
}

const only = process.argv.slice(2);
const files = only.length ? only : [...findTests('packages'), ...findTests('scripts')].sort();

function step(what, args, options = {}) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`${what} failed`);
    process.exit(r.status ?? 1);
  }
}

/**
 * The type-checks run beside the tests (they take half a minute of a mostly idle CPU while tests
 * wait on sockets and child processes); their output is printed, and a failure fails the run, at the end.
 */
function background(what, args) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Lowest priority: it takes the CPU the tests leave idle, not the CPU the browser tests need.
  try {
    setPriority(child.pid, 19);
  } catch {
    // not permitted here: it runs at normal priority
  }
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ what, code, output })));
}
const typeChecks = only.length
  ? []
  : [
      background('type-check', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']),
      background('dashboard type-check', ['node_modules/typescript/bin/tsc', '-p', 'packages/dashboard/tsconfig.json']),
    ];
// The browser tests drive the built dashboard; build it from the current sources every run.
step('dashboard build', [join(process.cwd(), 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: 'packages/dashboard' });

// TAP on stdout (the standard summary lines), and Node's spec reporter into a file: on failure,
// its "failing tests" section (each failing test's file and line, error and stack) is printed
// last, so a CI log or a `tail` of a long run shows which test failed and why.
const reportFile = join('.tmp', 'test-report.txt');
mkdirSync('.tmp', { recursive: true });
const run = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test',
    '--test-reporter=tap', '--test-reporter-destination=stdout',
    '--test-reporter=spec', `--test-reporter-destination=${reportFile}`,
    ...files,
  ],
  // Workspace packages resolve to their TypeScript sources, in this run and its child processes.
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=herald-source`.trim() } },
);
let typesFailed = false;
for (const { what, code, output } of await Promise.all(typeChecks)) {
  if (code === 0) continue;
  typesFailed = true;
  console.error(`\n${what} failed:\n${output.trimEnd()}`);
}
if (run.status !== 0 && existsSync(reportFile)) {
  const report = readFileSync(reportFile, 'utf8');
  const failing = report.lastIndexOf('✖ failing tests:');
  console.error(`\n${failing >= 0 ? report.slice(failing).trimEnd() : 'no failing tests listed'}\n(full report: ${reportFile})`);
}
process.exit(run.status === 0 && typesFailed ? 1 : (run.status ?? 1));
