#!/usr/bin/env node
// Builds the browser app only when web/dist is missing or older than what goes into it, so
// `npm start` serves an up-to-date console without paying for a build on every start.
// Also the test run's global setup (test/browser/build-web.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtMarker = join(root, 'web', 'dist', 'index.html');
// The web app imports the pure domain (roles, money, settlement), so its changes count too.
const inputs = [
  'web/src',
  'web/index.html',
  'web/portal.html',
  'web/vite.config.ts',
  'web/precompress.ts',
  'src/domain',
  'package-lock.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsStale() {
  if (!existsSync(builtMarker)) return true;
  const builtAt = statSync(builtMarker).mtimeMs;
  return inputs.some((input) => newestMtime(join(root, input)) > builtAt);
}

export async function ensureWebBuild() {
  if (!webBuildIsStale()) return false;
  console.log('Building the web app (web/dist)…');
  let vite;
  try {
    vite = await import('vite');
  } catch {
    throw new Error(
      'The web app needs building but Vite is not installed: run `npm install` (with dev dependencies)',
    );
  }
  // Always the production build: under vitest NODE_ENV is "test", and Vite would then bundle React's
  // development build (twice the size, slower), which `npm start` would later serve as up to date.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: join(root, 'web', 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await ensureWebBuild();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
