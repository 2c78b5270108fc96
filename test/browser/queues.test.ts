// Working a queue in bulk, in Chromium on the demo store: an agent moves through the review queue
// with the keyboard (j, x), ticks both requests and approves them in one go; the export link carries
// the queue's filters. Screenshots: test-results/screenshots/queue-*.png at 1280 and 390 px.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from './chromium.ts';
import { type RunningServer, startServer } from './server.ts';
import { signIn } from './sign-in.ts';

const SHOTS = 'test-results/screenshots';

describe('a queue in bulk, from the keyboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: `${SHOTS}/queue-${name}.png`, fullPage: true, animations: 'disabled' });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('selects with j and x, approves both, and exports with the queue filters', async () => {
    await signIn(page, server, 'agent');
    await page.getByRole('heading', { name: 'Needs review' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBe(2);
    for (let i = 0; i < rows; i++) {
      await page.keyboard.press('j');
      await page.keyboard.press('x');
    }
    expect(await page.locator('tr[data-active="true"]').getAttribute('data-rma')).toBe(
      await page.locator('tbody tr').nth(1).getAttribute('data-rma'),
    );
    expect(await page.getByTestId('bulk-bar').textContent()).toContain('2 selected');
    const href = await page.getByTestId('export-csv').getAttribute('href');
    expect(href).toContain('status=requested');
    await shot('selected-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('selected-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Approve 2' }).click();
    expect(await page.getByTestId('bulk-result').textContent()).toBe('2 returns updated.');
    await page.getByText('All clear: nothing waits here.').waitFor();
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href as string);
    // the queue emptied: the export of the same filters has its header and no row
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual([
      'rma,status,requested_at,order_number,customer_name,customer_email,country,items,reasons,refund_total,currency,assignee,sla_due_at,refund_due_at',
    ]);
    await shot('approved');
  });
});
