// One app for the team console (/console) and the customer portal (/returns), built into web/dist
// and served by the API process (src/http/web.ts). `npm run build:web` and scripts/ensure-web-build.mjs
// both build with this file.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    // The web app reuses the pure domain (roles, settlement, money) instead of restating its rules.
    alias: { '@domain': fileURLToPath(new URL('../src/domain', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  // `npx vite web` during development: the API runs beside it on port 3000.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
