#!/usr/bin/env node
// Bundles the server and CLI (herald.mjs + the store and schema threads) with esbuild: production
// runs plain JavaScript, without tsx compiling on the fly (each tsx loader is one more thread and
// ~35 MB of memory). npm packages stay external; our workspace packages are bundled.
//
//   node scripts/build-server.mjs            → packages/server/dist/ (what `npm start` runs)
//   node scripts/build-server.mjs --package  → packages/herald/: dist/ plus assets/ (migrations,
//                                              presets, the built dashboard), the installable
//                                              `herald` package (its prepack step)
//
// Files read at run time are found from the package directory (src/paths.ts): in the repository
// from the sources, in the `herald` package from assets/.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const sources = ['packages/server', 'packages/cli', 'packages/webhooks'];
const external = [...new Set(sources.flatMap((p) => Object.keys(JSON.parse(readFileSync(at(p, 'package.json'), 'utf8')).dependencies ?? {})))].filter((d) => !d.startsWith('@herald/'));

async function bundle(outdir, banner) {
  await build({
    entryPoints: {
      herald: at('packages/cli/src/main.ts'),
      'store-thread': at('packages/server/src/store/threaded/thread-main.ts'),
      'schema-thread': at('packages/server/src/tenant-schemas/thread-main.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    conditions: ['herald-source'],
    sourcemap: true,
    logLevel: 'warning',
    ...(banner ? { banner: { js: banner } } : {}),
  });
}

/**
 * The `herald` package's npm-shrinkwrap.json: the exact versions this repository's lockfile
 * tested, for every package its dependencies need, so an install gets what `npm test` ran
 * (npm publishes a shrinkwrap and honours it on install; a package-lock it ignores).
 */
function shrinkwrap(manifest) {
  const lock = JSON.parse(readFileSync(at('package-lock.json'), 'utf8')).packages;
  const entries = {};
  // Node's lookup: from the requiring package's directory up to the root node_modules.
  const resolve = (from, name) => {
    for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
      const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (lock[candidate]) return candidate;
      if (!dir) return null;
    }
  };
  const visit = (from, deps, required) => {
    for (const name of Object.keys(deps ?? {})) {
      const path = resolve(from, name);
      if (!path) {
        if (required) throw new Error(`${name} (needed by ${from || 'herald'}) is not in package-lock.json`);
        continue;
      }
      if (entries[path]) continue;
      const { dev, devOptional, ...entry } = lock[path];
      entries[path] = entry;
      visit(path, entry.dependencies, true);
      visit(path, entry.optionalDependencies, false);
      visit(path, entry.peerDependencies, !Object.keys(entry.peerDependenciesMeta ?? {}).length);
    }
  };
  visit('', manifest.dependencies, true);
  const { scripts, files, ...root } = manifest;
  const packages = { '': root, ...Object.fromEntries(Object.keys(entries).sort().map((k) => [k, entries[k]])) };
  return { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages };
}

if (process.argv.includes('--package')) {
  const pkg = at('packages/herald');
  const dashboard = at('packages/dashboard/dist');
  if (!existsSync(join(dashboard, 'index.html'))) throw new Error('the dashboard is not built: run `npm run build -w @herald/dashboard` first');
  for (const dir of ['dist', 'assets']) rmSync(join(pkg, dir), { recursive: true, force: true });
  await bundle(join(pkg, 'dist'), '#!/usr/bin/env node');
  mkdirSync(join(pkg, 'assets', 'migrations'), { recursive: true });
  cpSync(at('packages/server/src/presets'), join(pkg, 'assets', 'presets'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  cpSync(at('packages/server/src/store/sqlite/migrations'), join(pkg, 'assets', 'migrations', 'sqlite'), { recursive: true });
  cpSync(at('packages/server/src/store/postgres/migrations'), join(pkg, 'assets', 'migrations', 'postgres'), { recursive: true });
  cpSync(dashboard, join(pkg, 'assets', 'dashboard'), { recursive: true });
  cpSync(at('LICENSE'), join(pkg, 'LICENSE'));
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  writeFileSync(join(pkg, 'npm-shrinkwrap.json'), JSON.stringify(shrinkwrap(manifest), null, 2) + '\n');
} else {
  await bundle(at('packages/server/dist'));
}
