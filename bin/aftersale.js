#!/usr/bin/env node
// The `aftersale` command: the compiled CLI (dist/, see scripts/ensure-server-build.mjs) when it is
// up to date with the sources, else the TypeScript sources through tsx's loader, so a clone runs
// before any build and a development checkout never runs stale code.
import { existsSync } from 'node:fs';

const { serverBuildIsStale } = await import('../scripts/ensure-server-build.mjs');
if (existsSync(new URL('../dist/cli/main.js', import.meta.url)) && !serverBuildIsStale()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
