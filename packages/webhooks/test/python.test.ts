import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// The Python SDK's unittest suite, run from `npm test`: with the python3 on PATH and, when it is
// a different interpreter, Debian's /usr/bin/python3 (which has the optional cryptography package).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const interpreters = ['python3'];
const which = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim();
if (existsSync('/usr/bin/python3') && (!which || realpathSync('/usr/bin/python3') !== realpathSync(which))) interpreters.push('/usr/bin/python3');

for (const python of interpreters) {
  test(`python SDK unittest suite (${python})`, (t) => {
    const run = spawnSync(python, ['-m', 'unittest', 'discover', '-s', 'python/tests', '-v'], { cwd: root, encoding: 'utf8' });
    const summary = (run.stderr.match(/Ran \d+ tests? in [\d.]+s/) ?? ['no summary'])[0];
    t.diagnostic(`${python}: ${summary}`);
    assert.equal(run.status, 0, run.stderr || run.error?.message);
    assert.match(run.stderr, /\nOK/);
  });
}

// `pip install ./python` into a fresh virtual environment, offline (--no-index: the in-tree
// build backend needs nothing from PyPI), then the same suite against the installed copy, run
// from outside the checkout so the sources cannot be imported by accident.
for (const python of interpreters) {
  test(`python SDK installs with pip into a fresh venv and passes against the installed copy (${python})`, (t) => {
    const work = mkdtempSync(join(tmpdir(), 'herald-pyvenv-'));
    t.after(() => rmSync(work, { recursive: true, force: true }));
    const venv = join(work, 'venv');
    const step = (file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) => {
      const run = spawnSync(file, args, { cwd: options.cwd ?? work, env: options.env ?? process.env, encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 0, `${file} ${args.join(' ')}\n${run.stdout}\n${run.stderr}`);
      return run;
    };
    // System site packages: Debian's python3-cryptography, for the decryption tests.
    step(python, ['-m', 'venv', '--system-site-packages', venv]);
    const pip = step(join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--no-index', '--no-cache-dir', join(root, 'python')]);
    assert.match(pip.stdout, /Successfully installed herald-webhooks-0\.1\.0/);
    const site = step(join(venv, 'bin', 'python'), ['-c', 'import herald_webhooks, os; print(os.path.dirname(herald_webhooks.__file__))']).stdout.trim();
    assert.ok(site.startsWith(venv), site);
    assert.ok(existsSync(join(site, 'py.typed')));
    const metadata = step(join(venv, 'bin', 'python'), ['-m', 'pip', 'show', 'herald-webhooks']).stdout;
    assert.match(metadata, /Version: 0\.1\.0/);
    assert.match(metadata, /License: MIT/);
    const tests = join(root, 'python', 'tests');
    const suite = step(join(venv, 'bin', 'python'), ['-m', 'unittest', 'discover', '-s', tests, '-t', tests, '-v'], { env: { ...process.env, HERALD_WEBHOOKS_INSTALLED: '1' } });
    t.diagnostic(`${python} (installed): ${(suite.stderr.match(/Ran \d+ tests? in [\d.]+s/) ?? ['no summary'])[0]}`);
    assert.match(suite.stderr, /test_imported_copy \(test_herald_webhooks\.PackageTest\.test_imported_copy\)[^\n]*ok/);
    assert.match(suite.stderr, /\nOK\n?$/, 'no failures and nothing skipped');
  });
}
