import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm test`: everything that needs only what `npm install` brings (domain, database, HTTP).
// The browser journeys need Debian's Chromium and run with `npm run test:browser`
// (vitest.browser.config.ts); the reporter below says so at the end of every run.
export default defineConfig({
  // the web app's pure parts are tested here too, with the alias web/vite.config.ts gives them
  resolve: { alias: { '@domain': fileURLToPath(new URL('src/domain', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['test/browser/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/browser-hint-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
