#!/usr/bin/env node
// Builds the server and the CLI as plain JavaScript in dist/ only when dist is missing or older than
// the sources, and copies what is not code (the SQL migrations), so `npm start` runs
// `dist/cli/main.js`: one Node process with no TypeScript loader. tsx stays for development and the
// tests; `npm run typecheck` (tsc) checks the types.
// The build is esbuild's bundle of our own code (the packages stay in node_modules): a few files for
// Node to load at start instead of three hundred. The command's entry loads the program as a chunk
// of its own (src/cli/main.ts), so PGlite starts opening before the program loads. Every chunk sits
// in dist/cli, so paths made from `import.meta.url` (the migrations, web/dist) resolve from there as
// they do from the source files' folders one level under src/.
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// written last: a build that stopped halfway is not taken for a finished one
const builtMarker = join(dist, '.built');
const inputs = ['src', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function serverBuildIsStale() {
  if (!existsSync(builtMarker)) return true;
  const builtAt = statSync(builtMarker).mtimeMs;
  return inputs.some((input) => newestMtime(join(root, input)) > builtAt);
}

export async function ensureServerBuild() {
  if (!serverBuildIsStale()) return false;
  console.log('Building the server (dist)…');
  rmSync(dist, { recursive: true, force: true });
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir: join(dist, 'cli'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  cpSync(join(root, 'src', 'db', 'migrations'), join(dist, 'db', 'migrations'), { recursive: true });
  writeFileSync(builtMarker, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await ensureServerBuild();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
