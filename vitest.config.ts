import { defineConfig } from 'vitest/config';

// `npm test`: everything that needs only what `npm install` brings (domain, database, HTTP).
// The browser journeys need Debian's Chromium and run with `npm run test:browser`
// (vitest.browser.config.ts); the reporter below says so at the end of every run.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/browser-hint-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
