#!/usr/bin/env node
// `npm start`: builds what is missing or stale (the web app in a child process, the server's
// JavaScript with esbuild), then runs the compiled CLI in this same process, so a start on built sources
// pays for one Node process, not three. Its arguments are the CLI's (`npm start` gives `serve`).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureServerBuild } from './ensure-server-build.mjs';
import { webBuildIsStale } from './ensure-web-build.mjs';

try {
  // Vite, once built, would stay in this process's memory: the build runs in its own process
  if (webBuildIsStale())
    execFileSync(process.execPath, [fileURLToPath(new URL('./ensure-web-build.mjs', import.meta.url))], {
      stdio: 'inherit',
    });
  await ensureServerBuild();
} catch (err) {
  // the child printed its own message; tsc printed its errors
  if (!(err && typeof err === 'object' && 'status' in err))
    console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
await import('../dist/cli/main.js');
