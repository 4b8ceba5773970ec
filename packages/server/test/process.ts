import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { UNTHROTTLED } from './helpers.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../cli/bin/herald.js', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** SIGKILL: no shutdown hooks, no flushing. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** The production bundle `npm run build` writes (scripts/build-server.mjs). */
export const BUNDLE = fileURLToPath(new URL('../dist/herald.mjs', import.meta.url));

/**
 * Node flags `npm start` runs BUNDLE with: package.json "start" passes each of them (a bundle test
 * checks it) and also --enable-source-maps, which only matters for stack traces.
 * A 32 MB young generation instead of V8's 16 MB: every delivery allocates short-lived request,
 * response and outcome objects, and with the default the scavenger's threads took ~30 % of a core
 * while draining. A/B drains of 50,000 (3 rounds, deliveries/s): 16 MB 4,295–5,084, 32 MB
 * 4,810–6,305, 64 MB 5,823–7,078; but with 64 MB the full bench's 1 M backlog peaked at 416 MB
 * RSS (the target is < 400 MB), so 32.
 * No allocation-site pretenuring: after a backlog drain V8 kept allocating short-lived
 * per-delivery objects in the old generation (README, "Configuration").
 */
export const BUNDLE_NODE_ARGS = ['--max-semi-space-size=32', '--no-allocation-site-pretenuring'];

/** Rebuilds BUNDLE from the current sources (under a second). */
export function buildBundle(): void {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Runs `herald serve` as a real child process and waits until /health/ready answers. `entry`: the
 * CLI (tsx, default) or BUNDLE, run by this Node; or `installed`, an installed `herald` command
 * run as a user runs it (its shebang picks Node) from a directory of its own.
 */
export async function spawnServer(env: Record<string, string>, args: string[] = [], nodeArgs: string[] = [], entry = CLI, installed?: { bin: string; cwd: string }): Promise<ServerProcess> {
  const port = await freePort();
  const [file, argv] = installed ? [installed.bin, ['serve', ...args]] : [process.execPath, [...(entry === BUNDLE ? BUNDLE_NODE_ARGS : []), ...nodeArgs, entry, 'serve', ...args]];
  const child = spawn(file, argv, {
    cwd: installed?.cwd ?? REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HERALD_ALLOW_NETWORKS: '127.0.0.1/32', ...UNTHROTTLED.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`herald exited early (${child.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`herald did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    output: () => out,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/**
 * `npm pack` of a package directory into `destination`, as a user's environment would run it (no
 * source condition from this repo's test runner); returns the tarball's path.
 */
export function npmPack(packageDir: string, destination: string): string {
  const env = { ...process.env, NODE_OPTIONS: '' };
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: packageDir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string }[];
  return join(destination, packed!.filename);
}

/**
 * JSON calls to spawned servers over an undici Pool per server (the global fetch would make a load
 * test's own client the bottleneck). `close()` ends every pool.
 */
export function makeApiClient(connections = 32) {
  const pools = new Map<string, Pool>();
  return {
    async call(url: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
      let pool = pools.get(url);
      if (!pool) pools.set(url, (pool = new Pool(url, { connections })));
      const res = await pool.request({
        path: `/api/v1${path}`,
        method: method as 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: res.statusCode, body: (await res.body.json()) as any };
    },
    async close(): Promise<void> {
      for (const p of pools.values()) await p.close();
    },
  };
}
