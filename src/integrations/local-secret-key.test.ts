import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretKeysFor } from './local-secret-key.ts';

describe('the secret key of a local start', () => {
  it('is made once in the data folder, readable only by its owner, and read again', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aftersale-key-'));
    const [first] = secretKeysFor({ secretKeys: [], databaseUrl: undefined, dataDir });
    expect(first?.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dataDir, 'secret-key.txt')).mode & 0o777).toBe(0o600);
    expect(secretKeysFor({ secretKeys: [], databaseUrl: undefined, dataDir })).toEqual([first]);
  });

  it('is never made up for PostgreSQL, and the configured keys win', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aftersale-key-'));
    expect(secretKeysFor({ secretKeys: [], databaseUrl: 'postgres://x@y/z', dataDir })).toEqual([]);
    expect(secretKeysFor({ secretKeys: ['k'.repeat(32)], databaseUrl: undefined, dataDir })).toEqual([
      'k'.repeat(32),
    ]);
  });
});
