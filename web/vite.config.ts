// Two entries built into web/dist and served by the API process (src/http/web.ts): the team console
// (index.html, /console) and the customer portal (portal.html, /returns), so neither downloads the
// other's code. `npm run build:web` and scripts/ensure-web-build.mjs both build with this file.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react(), precompress()],
  resolve: {
    // The web app reuses the pure domain (roles, settlement, money) instead of restating its rules.
    alias: { '@domain': here('../src/domain') },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { console: here('index.html'), portal: here('portal.html') } },
  },
  // `npx vite web` during development: the API runs beside it on port 3000.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
