#!/usr/bin/env node
// Bundles the server and CLI (herald.mjs + the store, schema and transformation threads) with esbuild: production
// runs plain JavaScript, without tsx compiling on the fly (each tsx loader is one more thread and
// ~35 MB of memory). npm packages stay external; our workspace packages are bundled.
//
//   node scripts/build-server.mjs            → packages/server/dist/ (what `npm start` runs)
//   node scripts/build-server.mjs --package  → packages/herald/: dist/ (every JavaScript
//                                              dependency bundled in) plus assets/ (migrations,
//                                              presets, the built dashboard), the installable
//                                              `herald` package (its prepack step)
//
// Files read at run time are found from the package directory (src/paths.ts): in the repository
// from the sources, in the `herald` package from assets/.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const sources = ['packages/server', 'packages/cli', 'packages/webhooks'];
// Native addons (and pg's optional native binding, never installed) are not bundled.
const NATIVE = ['better-sqlite3', 'pg-native'];
const external = [...new Set(sources.flatMap((p) => Object.keys(JSON.parse(readFileSync(at(p, 'package.json'), 'utf8')).dependencies ?? {})))].filter((d) => !d.startsWith('@herald/'));

async function bundle(outdir, { standalone = false } = {}) {
  await build({
    entryPoints: {
      herald: at('packages/cli/src/main.ts'),
      'store-thread': at('packages/server/src/store/threaded/thread-main.ts'),
      'schema-thread': at('packages/server/src/tenant-schemas/thread-main.ts'),
      'transformation-thread': at('packages/server/src/transformations/thread-main.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The installable package carries its JavaScript dependencies inside the bundle, so an install
    // runs the versions this repository's lockfile tested rather than the newest a range allows
    // (some need Node 22). Only the native addon stays a dependency; CommonJS inside an ES module
    // needs a require().
    external: standalone ? NATIVE : external,
    conditions: ['herald-source'],
    sourcemap: true,
    logLevel: 'warning',
    ...(standalone ? { banner: { js: "#!/usr/bin/env node\nimport { createRequire as __heraldRequire } from 'node:module';\nconst require = __heraldRequire(import.meta.url);" } } : {}),
  });
}

if (process.argv.includes('--package')) {
  const pkg = at('packages/herald');
  const dashboard = at('packages/dashboard/dist');
  if (!existsSync(join(dashboard, 'index.html'))) throw new Error('the dashboard is not built: run `npm run build -w @herald/dashboard` first');
  for (const dir of ['dist', 'assets']) rmSync(join(pkg, dir), { recursive: true, force: true });
  await bundle(join(pkg, 'dist'), { standalone: true });
  mkdirSync(join(pkg, 'assets', 'migrations'), { recursive: true });
  cpSync(at('packages/server/src/presets'), join(pkg, 'assets', 'presets'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  cpSync(at('packages/server/src/store/sqlite/migrations'), join(pkg, 'assets', 'migrations', 'sqlite'), { recursive: true });
  cpSync(at('packages/server/src/store/postgres/migrations'), join(pkg, 'assets', 'migrations', 'postgres'), { recursive: true });
  cpSync(dashboard, join(pkg, 'assets', 'dashboard'), { recursive: true });
  cpSync(at('LICENSE'), join(pkg, 'LICENSE'));
} else {
  await bundle(at('packages/server/dist'));
}
