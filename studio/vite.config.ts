import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { trellisPlugins } from './build/trellis-plugins.js';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Server the dev build talks to for /auth, /graphql and /metadata (the built app is served by that server itself). */
const apiTarget = process.env.TRELLIS_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), trellisPlugins({ pluginsDir: fromHere('../plugins'), root: fromHere('..') })],
  resolve: {
    // Workspace packages from source: no build order between studio and metadata/runtime.
    alias: {
      '@trellis/metadata': fromHere('../metadata/src/index.ts'),
      '@trellis/runtime': fromHere('../runtime/src/index.ts'),
      // The browser-safe half of the SDK (plugins' studio modules import it).
      '@trellis/plugin-sdk/studio': fromHere('../plugins/sdk/src/studio.ts'),
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
