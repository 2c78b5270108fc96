// The portal in each of its nine languages, on a phone (390 px) and a desktop (1280 px): one page load
// per language and width of Anna's order 1001 (an item in a return, one returnable, the withdrawal
// button), with the first item's reasons opened. Each page is checked for the language's own words,
// nothing spilling sideways, and zero serious or critical axe violations, and photographed as
// test-results/screenshots/portal-lang-<language>-<width>.png.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { type Browser, launchChromium } from './chromium.ts';
import { type RunningServer, startServer } from './server.ts';

const SHOTS = 'test-results/screenshots';
const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ru', 'zh-Hans', 'zh-Hant', 'ja'];
const WIDTHS = [390, 1280];
const catalogue = (lang: string) => JSON.parse(readFileSync(`web/src/portal/i18n/${lang}.json`, 'utf8'));

describe('the portal in nine languages, on a phone and a desktop', () => {
  let server: RunningServer;
  let browser: Browser;
  let token = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const old of readdirSync(SHOTS)) if (old.startsWith('portal-lang-')) rmSync(join(SHOTS, old));
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const res = await fetch(`${server.url}/api/v1/portal/stores/demo/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order_number: '1001', email: 'anna.schmidt@example.de' }),
    });
    token = ((await res.json()) as { token: string }).token;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe.each(LANGUAGES)('%s', (lang) => {
    const words = catalogue(lang);
    it.each(WIDTHS)('at %i px', async (width) => {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(15_000);
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      await page.addInitScript((l) => localStorage.setItem('aftersale.portal.language', l), lang);
      await page.goto(`${server.url}/returns/demo/order#t=${token}`);
      await page
        .getByRole('heading', { level: 1, name: words.order.title.replace('{{number}}', '1001') })
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const returnable = page.locator('[data-state=returnable]').first();
      await returnable.getByText(words.order.whyUntil).click();
      await returnable.locator('[data-code]').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({
        path: `${SHOTS}/portal-lang-${lang}-${width}.png`,
        fullPage: true,
        animations: 'disabled',
      });
      expect(await axeViolations(page), `${lang} ${width}`).toEqual([]);
      await page.close();
    });
  });
});
