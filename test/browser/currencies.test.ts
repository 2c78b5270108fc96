// Money in every currency, in Chromium on the demo store: finance sees that the demo's Taiwanese
// orders get no return-label fee (no TWD amount, no EUR->TWD rate), adds the rate and the warning
// goes; the owner edits the fee with the money input (Backspace, clear, retype) and gives yen its
// own amount; the analytics card shows refunds in euros with the rates named.
// Screenshots land in test-results/screenshots/money-*.png (1280 px, and the rates page at 390 px).
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from './chromium.ts';
import { type RunningServer, startServer } from './server.ts';
import { signIn, signOut } from './sign-in.ts';

const SHOTS = 'test-results/screenshots';

describe('money in every currency in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: `${SHOTS}/money-${name}.png`, fullPage: true, animations: 'disabled' });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finance adds the missing TWD rate from the warning', async () => {
    await signIn(page, server, 'finance');
    await page.goto(`${server.url}/console/rates`);
    const warning = page.getByTestId('currency-check');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('TWD');
    await shot('rates-warning');
    await page.getByTestId('rate-quote').fill('TWD');
    await page.getByTestId('rate-value').fill('34.5');
    await page.getByTestId('add-rate').click();
    await page.locator('[data-pair="EUR-TWD"]').waitFor();
    await warning.waitFor({ state: 'detached' });
    const rows = await page.getByTestId('rates-table').locator('tbody tr').count();
    // the demo's two days of seven currencies, and the new TWD rate
    expect(rows).toBe(15);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('rates-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut(page);
  });

  it('the owner edits the fee with the money input and gives yen its own amount', async () => {
    await signIn(page, server, 'owner');
    await page.goto(`${server.url}/console/policy`);
    const fee = page.getByRole('textbox', { name: 'Return shipping fee' }).first();
    await fee.waitFor();
    expect(await fee.inputValue()).toBe('5.95');
    await fee.focus();
    await fee.press('End');
    await fee.press('Backspace');
    expect(await fee.inputValue()).toBe('5.9');
    await fee.fill('');
    await fee.pressSequentially('6');
    await fee.blur();
    expect(await fee.inputValue()).toBe('6.00');
    // no stale "expected number, received null" anywhere in the form
    expect(await page.getByText('received null').count()).toBe(0);
    const jpy = page.getByRole('textbox', { name: 'Amount in JPY' });
    expect(await jpy.inputValue()).toBe('800');
    await jpy.fill('900');
    await shot('policy-fee');
  });

  it('analytics shows refunds in the store currency and names the rates', async () => {
    await page.goto(`${server.url}/console/analytics`);
    const total = page.getByTestId('refunds-total');
    await total.waitFor();
    expect(await total.textContent()).toMatch(/€/);
    const note = page.getByTestId('refunds-rates');
    expect(await note.textContent()).toMatch(/converted at the store's rates/);
    expect(await note.getAttribute('title')).toMatch(/1 [A-Z]{3} = [\d.]+ EUR/);
    await shot('analytics');
  });
});
