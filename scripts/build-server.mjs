#!/usr/bin/env node
// Bundles the server and CLI into packages/server/dist/ (herald.mjs + the store and schema threads) with
// esbuild: production runs plain JavaScript, without tsx compiling on the fly (each tsx loader
// is one more thread and ~35 MB of memory). npm packages stay external; our workspace packages
// are bundled. Files read at run time (migrations, presets, the dashboard) are found from the
// package directory (src/paths.ts), so the bundle needs nothing copied beside it.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const packages = ['packages/server', 'packages/cli', 'packages/webhooks'];
const external = [...new Set(packages.flatMap((p) => Object.keys(JSON.parse(readFileSync(`${p}/package.json`, 'utf8')).dependencies ?? {})))].filter((d) => !d.startsWith('@herald/'));

await build({
  entryPoints: {
    herald: 'packages/cli/src/main.ts',
    'store-thread': 'packages/server/src/store/threaded/thread-main.ts',
    'schema-thread': 'packages/server/src/tenant-schemas/thread-main.ts',
  },
  outdir: 'packages/server/dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  conditions: ['herald-source'],
  sourcemap: true,
  logLevel: 'warning',
});
