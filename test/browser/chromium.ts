// Debian's Chromium driven by playwright-core (no browser download): headless, no sandbox (CI runs
// as root), nothing that phones home, and a fresh profile each run so no state leaks between runs.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Browser tests need Debian's Chromium; without it they fail with this message rather than skip. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`,
    );
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(opts: { locale?: string } = {}): Promise<Browser> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'aftersale-chromium-'));
  // A persistent context is how Playwright takes a --user-data-dir; the folder is new each run.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1366, height: 900 },
    locale: opts.locale ?? 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
