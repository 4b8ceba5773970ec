import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Built into dist/ and served by the Herald server itself (no CDN, same origin as the API).
export default defineConfig({
  plugins: [react()],
  // Workspace packages from their TypeScript sources, not their last build.
  resolve: { conditions: ['herald-source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
