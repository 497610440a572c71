import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const api = process.env.LAGET_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    // The libraries' package exports point at their built dist; the panel bundles their sources.
    alias: {
      '@laget/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
      '@laget/permissions': fileURLToPath(new URL('../../libs/permissions/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': api, '/public': api, '/health': api },
  },
  // The manifest names each route's chunks: bench/admin-assets.bench.ts sums them per route (docs/adr/0022).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, manifest: true, chunkSizeWarningLimit: 2000 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
