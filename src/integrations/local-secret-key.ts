// On the embedded database (a clone's `npm start`) the integrations still need a key to seal their
// secrets: the first start writes a random one into the data folder (mode 0600) and later starts
// read it. On PostgreSQL (DATABASE_URL) nothing is made up: AFTERSALE_SECRET_KEY must be set, since
// a key beside a production database's data would sit on another machine than the data anyway.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

export function secretKeysFor(config: Pick<Config, 'secretKeys' | 'databaseUrl' | 'dataDir'>): string[] {
  if (config.secretKeys.length > 0 || config.databaseUrl) return config.secretKeys;
  const file = join(config.dataDir, 'secret-key.txt');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(36).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return [readFileSync(file, 'utf8').trim()];
}
