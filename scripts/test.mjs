#!/usr/bin/env node
// Runs every test: type-check, then each package's node:test files (through tsx), in one
// `node --test` run so the summary lines are standard. packages/server/test/postgres/ holds the
// same server tests against PostgreSQL (127.0.0.1:5432, user postgres; each creates and drops
// its own database), so both stores are tested every time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const only = process.argv.slice(2);
const files = only.length ? only : findTests('packages').sort();

function step(what, args, options = {}) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`${what} failed`);
    process.exit(r.status ?? 1);
  }
}

if (!only.length) {
  step('type-check', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
  step('dashboard type-check', ['node_modules/typescript/bin/tsc', '-p', 'packages/dashboard/tsconfig.json']);
}
// The browser tests drive the built dashboard; build it from the current sources every run.
step('dashboard build', [join(process.cwd(), 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: 'packages/dashboard' });

// TAP on stdout (the standard summary lines) and a copy in a file, so that a failing run can
// name its failures last: a CI log or a `tail` of a long run then shows which test failed and why.
const resultsFile = join('.tmp', 'test-results.tap');
mkdirSync('.tmp', { recursive: true });
const run = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test',
    '--test-reporter=tap', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${resultsFile}`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
if (run.status !== 0 && existsSync(resultsFile)) reportFailures(readFileSync(resultsFile, 'utf8'));
process.exit(run.status ?? 1);

/** Prints each failing leaf test as "suite › test", with its error and its file and line. */
function reportFailures(tap) {
  const lines = tap.split('\n');
  const path = []; // names of the subtests open at each depth (4 spaces of TAP indent per level)
  const failures = [];
  lines.forEach((line, i) => {
    const subtest = /^(\s*)# Subtest: (.*)$/.exec(line);
    if (subtest) {
      path.length = subtest[1].length / 4;
      path.push(subtest[2]);
      return;
    }
    const m = /^(\s*)not ok \d+ - (.*)$/.exec(line);
    if (!m) return;
    const detail = {};
    for (let j = i + 1; j < lines.length && lines[j].trim() !== '...'; j++) {
      const kv = /^\s*(failureType|error|location): (.*)$/.exec(lines[j]);
      if (!kv || kv[1] in detail) continue;
      // A block scalar ("|-") carries the message on the lines after it; keep the first.
      detail[kv[1]] = kv[2] === '|-' ? (lines[j + 1] ?? '').trim() : kv[2];
    }
    // A suite or file fails because a test in it did ("subtestsFailed"); name only the test.
    if (detail.failureType === "'subtestsFailed'") return;
    const name = [...path.slice(0, m[1].length / 4), m[2]].join(' › ');
    failures.push(`✖ ${name}\n    ${detail.error ?? ''}\n    at ${detail.location ?? '?'}`);
  });
  console.error(`\n${failures.length} failing test(s) (full TAP in ${resultsFile}):`);
  for (const f of failures) console.error(f);
}
