#!/usr/bin/env node
// Compiles the server and the CLI to plain JavaScript in dist/ (tsc, tsconfig.build.json) only when
// dist is missing or older than the sources, and copies what tsc does not (the SQL migrations), so
// `npm start` runs `node dist/cli/main.js`: one Node process with no TypeScript loader. tsx stays
// for development and the tests.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// written last: a build that stopped halfway is not taken for a finished one
const builtMarker = join(dist, '.built');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

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

export function ensureServerBuild() {
  if (!serverBuildIsStale()) return false;
  console.log('Compiling the server (dist)…');
  rmSync(builtMarker, { force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  rmSync(join(dist, 'db', 'migrations'), { recursive: true, force: true });
  cpSync(join(root, 'src', 'db', 'migrations'), join(dist, 'db', 'migrations'), { recursive: true });
  writeFileSync(builtMarker, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureServerBuild();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
