#!/usr/bin/env node
// The `aftersale` command. `serve` on PGlite starts opening the database first, then loads the
// program: PGlite's WASM compiles on V8's background threads and its data folder is read while Node
// loads and compiles the program's modules, instead of after them. Everything else is the program's
// (src/cli/program.ts).
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { preopenPglite } from '../db/pglite-instance.ts';

// Only for a plain `serve` on a folder that exists: a cluster asked for on PGlite is refused before
// anything is opened or made, and a first start is a longer affair anyway.
if (process.argv[2] === 'serve' && !process.argv.some((a) => a.startsWith('--workers'))) {
  try {
    const config = loadConfig();
    if (!config.databaseUrl && config.workers === undefined && existsSync(config.dataDir))
      preopenPglite(config.dataDir);
  } catch {
    // a bad environment is the program's to report, as for any command
  }
}
await import('./program.ts');
