import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
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
