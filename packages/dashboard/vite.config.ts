import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

// The API reference page (/docs) runs Scalar's standalone renderer; it ships inside this build so
// the server (and the installed `herald` package) serve it themselves, never from a CDN.
function apiReference(): Plugin {
  return {
    name: 'herald-api-reference',
    generateBundle() {
      const file = createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
      this.emitFile({ type: 'asset', fileName: 'docs/api-reference.js', source: readFileSync(file) });
    },
  };
}

// Every text file of the build also as .br and .gz beside it, compressed once at build time at the
// highest levels: the server sends the variant the browser accepts (@fastify/static preCompressed)
// and spends no CPU on it per request. Files under 1 KB are not worth a variant.
function precompress(): Plugin {
  return {
    name: 'herald-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const path = join(options.dir!, fileName);
        const source = readFileSync(path);
        if (source.length < 1024) continue;
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }));
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

// Built into dist/ and served by the Herald server itself (no CDN, same origin as the API).
export default defineConfig({
  plugins: [react(), apiReference(), precompress()],
  // Workspace packages from their TypeScript sources, not their last build.
  resolve: { conditions: ['herald-source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
