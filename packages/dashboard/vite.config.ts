import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

// Built into dist/ and served by the Herald server itself (no CDN, same origin as the API).
export default defineConfig({
  plugins: [react(), apiReference()],
  // Workspace packages from their TypeScript sources, not their last build.
  resolve: { conditions: ['herald-source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
