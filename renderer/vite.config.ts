import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the same build is served by the browser host (http://127.0.0.1) and by Electron's
// app://bundle protocol. `import.meta.dirname` (which Vite sets when it loads this file) instead of
// node:url keeps this folder free of Node imports, as lint requires of renderer/.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  // `@shared/…` resolves through the tsconfig's paths, the one place the alias is defined.
  resolve: { tsconfigPaths: true },
  // The bundle is read from local disk, never downloaded, and carries zod and the Temporal polyfill that
  // the shared contract schemas need; one chunk of ~600 kB is expected, not a warning sign.
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
});
