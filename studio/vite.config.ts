import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Server the dev build talks to for /auth, /graphql and /metadata (the built app is served by that server itself). */
const apiTarget = process.env.TRELLIS_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages from source: no build order between studio and metadata/runtime.
    alias: {
      '@trellis/metadata': fromHere('../metadata/src/index.ts'),
      '@trellis/runtime': fromHere('../runtime/src/index.ts'),
    },
  },
  server: {
    proxy: {
      '/auth': apiTarget,
      '/graphql': apiTarget,
      '/metadata': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
