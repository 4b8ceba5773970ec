import { defineConfig } from 'tsup';

// ESM and CommonJS, each with its own declarations (.d.ts / .d.cts), for Node ≥ 20, browsers and
// edge runtimes: platform "neutral" leaves no Node built-in in the output.
export default defineConfig({
  entry: { index: 'src/index.ts', client: 'src/client.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  outDir: 'dist',
  tsconfig: 'tsconfig.json',
});
