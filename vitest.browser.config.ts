import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the journeys in Debian's Chromium (`apt-get install -y chromium`).
// They bring their own server on PGlite, so they run once, whatever DATABASE_URL says.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/browser/build-web.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
