// The console's store pages and the remaining return actions, in Chromium on the demo store: the
// owner previews a policy change on a real German order (the EU floor of 14 days overrides a
// 10-day window), saves it and finds the new version; an agent reads the same policy without being
// able to change it, filters a queue and records a customer's own shipment; the warehouse receives
// a return in two parcels; the analytics page shows its figures and a chart per dimension; finance
// confirms a refund paid by hand. Screenshots land in test-results/screenshots/admin-*.png.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from './chromium.ts';
import { type RunningServer, startServer } from './server.ts';
import { type StaffRole, signIn, signOut } from './sign-in.ts';

interface Refund {
  id: string;
  case_id: string;
  amount: number;
  currency: string;
  status: string;
  provider_reference: string | null;
  created_at: string;
}
interface ReturnSummary {
  id: string;
  rma: string;
  status: string;
  customer: { country: string | null };
  lines: { line_id: string; quantity: number; received_quantity: number }[];
}
interface Order {
  id: string;
  number: string;
  lines: { id: string; sku: string; quantity: number }[];
}

const SHOTS = 'test-results/screenshots';

describe('console store pages and actions in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  // Pages with a sticky panel (the policy's preview and save bar) read best as the screen shows them.
  const shot = async (name: string, fullPage = true) => {
    // A whole-page picture of a scrolled page draws the fixed header halfway down.
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/admin-${name}.png`, fullPage, animations: 'disabled' });
  };
  const as = (role: StaffRole) => signIn(page, server, role);
  const waitForStatus = (label: string) => page.getByTestId('return-status').getByText(label).waitFor();
  const nav = () => page.locator('nav[aria-label="Console sections"]');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const old of readdirSync(SHOTS)) if (old.startsWith('admin-')) rmSync(join(SHOTS, old));
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
    // Charts draw at once, so a screenshot never catches one half-grown.
    await page.emulateMedia({ reducedMotion: 'reduce' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the owner previews a shorter window on a German order, sees the EU floor, saves it', async () => {
    await as('owner');
    await nav().getByRole('link', { name: 'Return policy' }).click();
    await page.getByRole('heading', { name: 'Return policy', level: 1 }).waitFor();
    expect(await page.getByTestId('policy-version').textContent()).toMatch(
      /^Version 2, saved by system:demo/,
    );

    const window = page.locator('#change-of-mind').getByLabel('Return window', { exact: true });
    expect(await window.inputValue()).toBe('30');
    // The schema the server validates with runs as the owner types: an impossible fee shows at once.
    const fee = page.locator('#change-of-mind').getByLabel('Restocking fee', { exact: true });
    await fee.fill('150');
    expect(await fee.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Too big: expected number to be <=100').waitFor();
    await fee.fill('0');
    expect(await fee.getAttribute('aria-invalid')).toBe(null);
    await window.fill('10');

    const preview = page.getByTestId('policy-preview');
    await preview.getByLabel('Order number').fill('1002');
    await preview.getByLabel('Explanations in').selectOption('en');
    await preview.getByRole('button', { name: 'Preview', exact: true }).click();
    const result = page.getByTestId('preview-result');
    // The heading names the order once the order itself has loaded (its own request, after the decision).
    await result.getByText('Order 1002 · Anna Schmidt · Germany').waitFor();
    const why = await result.getByTestId('preview-explanations').textContent();
    expect(why).toContain(
      "The law in your country gives you 14 days from delivery to return this item without giving a reason, more than the store's own terms.",
    );
    expect(why).toContain('Directive 2011/83/EU art. 9');
    // The deadline moved from the saved 30 days to the legal 14: shown beside the saved policy's.
    const deadline = result.locator('[data-changed]').filter({ hasText: 'Return by' });
    expect(await deadline.textContent()).toContain('Saved policy:');
    await shot('01-owner-policy-preview', false);

    await page.getByRole('button', { name: 'Show changes' }).click();
    const changes = page.getByTestId('policy-changes');
    const rows = await changes.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
    expect(rows).toEqual(['Change of mind › Return window30 days10 days']);
    await shot('02-owner-unsaved-changes', false);

    await page.getByRole('button', { name: 'Save as version 3' }).click();
    await page.getByRole('status').getByText('Saved as version 3.').waitFor();
    expect(await page.getByTestId('policy-version').textContent()).toMatch(
      /^Version 3, saved by user:owner@demo\.aftersale\.dev/,
    );
    const saved = await server.api<{ version: number; change_of_mind: { window_days: number } }>(
      'GET',
      '/api/v1/policy',
    );
    expect([saved.version, saved.change_of_mind.window_days]).toEqual([3, 10]);

    await page.getByRole('tab', { name: 'Versions' }).click();
    const versions = page.getByTestId('policy-versions');
    await versions.locator('[data-version="3"]').getByText('current').waitFor();
    expect(
      await versions
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-version'))),
    ).toEqual(['3', '2', '1']);
    expect(await page.getByTestId('policy-changes').locator('tbody tr').first().textContent()).toBe(
      'Change of mind › Return window30 days10 days',
    );
    await shot('03-owner-policy-versions');
  });

  it('an agent reads the policy but cannot change it; the preview still works', async () => {
    await signOut(page);
    await as('agent');
    await page.goto(`${server.url}/console/policy`);
    await page.getByTestId('policy-read-only').waitFor();
    const window = page.locator('#change-of-mind').getByLabel('Return window', { exact: true });
    expect(await window.inputValue()).toBe('10');
    expect(await window.getAttribute('readonly')).not.toBe(null);
    expect(await page.getByRole('switch', { name: 'Final-sale items can be returned' }).isDisabled()).toBe(
      true,
    );
    expect(await page.getByRole('button', { name: 'Add a rule' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Remove rule 1' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Save as version/ }).count()).toBe(0);
    // The server agrees: the agent's own session may not save a policy.
    const refused = await page.evaluate(async () => {
      const session = await (await fetch('/api/v1/session')).json();
      const res = await fetch('/api/v1/policy', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
        body: '{}',
      });
      return [res.status, (await res.json()).code];
    });
    expect(refused).toEqual([403, 'forbidden']);

    const preview = page.getByTestId('policy-preview');
    await preview.getByLabel('Order number').fill('1002');
    await preview.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByTestId('preview-result').getByText('Every item can be returned').waitFor();
    await shot('04-agent-policy-read-only', false);
  });

  it('an agent filters a queue and records the parcel the customer sent with their own carrier', async () => {
    await nav().getByRole('link', { name: 'Awaiting the parcel' }).click();
    await page.getByRole('heading', { name: 'Awaiting the parcel' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    await page.getByRole('search', { name: 'Filter returns' }).getByLabel('Country').fill('Germ');
    await page.getByRole('option', { name: 'Germany' }).click();
    await page.waitForURL(/country=DE/);
    await page.getByText('1 return', { exact: true }).waitFor();
    const approved = await server.api<{ data: ReturnSummary[] }>(
      'GET',
      '/api/v1/returns?status=approved&country=DE',
    );
    const german = approved.data[0];
    if (!german) throw new Error('the demo store has no approved German return');
    expect(await page.locator('tbody tr').getAttribute('data-rma')).toBe(german.rma);
    await shot('05-agent-queue-filtered');

    await page.getByRole('link', { name: `Open return ${german.rma}` }).click();
    await waitForStatus('Approved');
    await page.getByRole('combobox', { name: 'Carrier' }).fill('DHL');
    await page.getByRole('textbox', { name: 'Tracking number' }).fill('JD014600006620');
    await page.getByRole('button', { name: 'Mark as shipped' }).click();
    await waitForStatus('In transit');
    await page.getByText('Parcel sent by the customer').waitFor();
    const shipped = await server.api<{ label: { tracking_number: string } | null }>(
      'GET',
      `/api/v1/returns/${german.id}`,
    );
    expect(shipped.label?.tracking_number).toBe('JD014600006620');
  });

  it('the warehouse receives a return that arrives in two parcels', async () => {
    // Two T-shirts of order 1001 come back; the customer sends them one at a time.
    const orders = await server.api<{ data: Order[] }>('GET', '/api/v1/orders?number=1001');
    const order = orders.data[0];
    const tees = order?.lines.find((l) => l.sku === 'TEE-M-WHITE');
    if (!order || !tees) throw new Error('the demo store changed: order 1001 has no T-shirts');
    let ret = await server.api<ReturnSummary>('POST', '/api/v1/returns', {
      order_id: order.id,
      lines: [{ line_id: tees.id, quantity: 2, reason: 'size_too_large' }],
    });
    if (ret.status === 'requested') ret = await server.api('POST', `/api/v1/returns/${ret.id}/approve`, {});
    expect(ret.status).toBe('approved');

    await signOut(page);
    await as('warehouse');
    await page.goto(`${server.url}/console/returns/${ret.id}?scanned=${ret.rma}`);
    await waitForStatus('Approved');
    await page.getByLabel(/Units received of Organic cotton tee/).fill('1');
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await waitForStatus('Received');
    await page.getByRole('heading', { name: 'Receive more units' }).waitFor();
    expect(await page.getByLabel(/Units received of Organic cotton tee/).inputValue()).toBe('1');
    await shot('06-warehouse-partial-receipt');
    await page.getByRole('button', { name: 'Record the further units' }).click();
    await page.locator('[data-line]').getByText('2 of 2 received').first().waitFor();
    await page.getByText('More units received').waitFor();
    expect(await page.getByRole('heading', { name: 'Receive more units' }).count()).toBe(0);
    const now = await server.api<ReturnSummary>('GET', `/api/v1/returns/${ret.id}`);
    expect([now.status, now.lines[0]?.received_quantity]).toEqual(['received', 2]);
  });

  it('the analytics page shows its figures, a chart over time and one per dimension', async () => {
    await nav().getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    const rate = page.getByTestId('kpi-return-rate');
    await rate.waitFor();
    expect(await rate.textContent()).toMatch(/Return rate\d+(\.\d)?%\d+ of \d+ units sold came back/);
    expect(await page.getByTestId('kpi-orders').textContent()).toMatch(/^Orders\d+/);
    const trend = page.getByTestId('trend-chart');
    expect(await trend.getAttribute('aria-label')).toMatch(
      /^Chart of units sold, units returned and the return rate by week/,
    );
    // Axes, bars and the rate line are drawn as SVG paths.
    await expect.poll(() => trend.locator('svg path').count()).toBeGreaterThan(10);
    const breakdown = page.getByTestId('breakdown-chart');
    await breakdown.locator('svg').getByText('EARBUDS-PRO').waitFor();
    await shot('07-analytics');

    await page.getByRole('tab', { name: 'Country' }).click();
    await page.waitForURL(/dimension=country/);
    await page.getByRole('heading', { name: 'Return rate by destination country' }).waitFor();
    await page.getByTestId('breakdown-chart').locator('svg').getByText('Germany').waitFor();
    // The same numbers as a table, sortable.
    await page.locator('label', { hasText: 'Table' }).last().click();
    const table = page.getByTestId('breakdown-table');
    await table.getByRole('rowheader', { name: 'Germany' }).waitFor();
    await table.getByRole('button', { name: 'Country' }).click();
    expect(await table.locator('th[aria-sort="ascending"]').textContent()).toBe('Country');
    const countries = await table.locator('tbody th').allTextContents();
    expect(countries).toEqual([...countries].sort((a, b) => a.localeCompare(b, 'en')));

    await page.locator('label', { hasText: 'All time' }).click();
    await page.waitForURL(/range=all/);
    await page.getByTestId('analytics-range').getByText('All time').waitFor();
    await page.getByRole('heading', { name: 'Return rate by destination country' }).waitFor();
    await shot('08-analytics-by-country');
  });

  it('finance confirms a refund paid by hand', async () => {
    const manual = await server.api<{ data: Refund[] }>('GET', '/api/v1/refunds?status=requires_action');
    // the oldest refund of a return (the demo's cases have refunds to pay by hand too, made in the
    // same seed transaction, so the order among equal times is not the return's)
    const cases = await server.api<{ data: { id: string }[] }>('GET', '/api/v1/cases?kind=return&limit=100');
    const returns = new Set(cases.data.map((c) => c.id));
    const oldest = [...manual.data]
      .filter((r) => returns.has(r.case_id))
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))[0];
    if (!oldest) throw new Error('the demo store has no return refund to pay by hand');
    const ret = await server.api<ReturnSummary>('GET', `/api/v1/returns/${oldest.case_id}`);

    await signOut(page);
    await as('finance');
    const link = nav().getByRole('link', { name: /^Pay by hand/ });
    await expect.poll(() => link.textContent()).toBe(`Pay by hand${manual.data.length}`);
    await link.click();
    await page.getByRole('heading', { name: 'Pay by hand' }).waitFor();
    await page
      .locator(`tr[data-refund="${oldest.id}"]`)
      .getByRole('link', { name: `Open return ${ret.rma}` })
      .click();
    await waitForStatus('Completed');
    const form = page.getByTestId('confirm-refund');
    await form.getByLabel('Payment reference').fill('BANK-2026-11-0042');
    await shot('09-finance-manual-refund');
    await form.getByRole('button', { name: /^Confirm .+ paid$/ }).click();
    await page.getByText('Refund paid').waitFor();
    expect(await page.getByTestId('confirm-refund').count()).toBe(0);
    expect(await page.getByTestId('outcome').textContent()).toContain('· paid · reference BANK-2026-11-0042');
    const after = await server.api<{ data: Refund[] }>('GET', '/api/v1/refunds');
    const paid = after.data.find((r) => r.id === oldest.id);
    expect([paid?.status, paid?.provider_reference]).toEqual(['succeeded', 'BANK-2026-11-0042']);
    await nav()
      .getByText(`Pay by hand${manual.data.length - 1}`)
      .waitFor();
    await shot('10-finance-refund-confirmed');
  });
});
