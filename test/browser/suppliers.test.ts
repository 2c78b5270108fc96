// The dropshipping supplier loop in a real browser, on the demo store: finance opens the Shenzhen
// audio factory (SUP-SZ-AUDIO, CN), builds a claim from its faulty earbuds (a case with the
// customer's photo), sends it, records the factory's acceptance and its credit note, and finds the
// credit in the month's reconciliation; the claim shows on the case's line and the scorecard lists
// the supplier. Screenshots land in test-results/screenshots/suppliers-*.png at desktop and phone
// width (390 px); every page photographed is held to zero serious or critical axe violations.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { type Browser, launchChromium } from './chromium.ts';
import { uploadPhoto } from './evidence.ts';
import { type RunningServer, startServer } from './server.ts';
import { signIn, signOut } from './sign-in.ts';

const SHOTS = 'test-results/screenshots';
const SUPPLIER = 'SUP-SZ-AUDIO';

interface Unit {
  case_id: string;
  case_number: string;
  case_kind: string;
  line_id: string;
  sku: string;
  position: { claimable: boolean } | null;
  claim: { id: string; number: string } | null;
}
interface Claim {
  id: string;
  number: string;
  status: string;
  currency: string;
  claimed_amount: number;
  accepted_amount: number | null;
  credited_amount: number;
  lines: { case_id: string; evidence: { files: { id: string }[] } }[];
  credits: { reference: string; amount: number }[];
}
interface Reconciliation {
  currency: string;
  data: { supplier: { code: string }; credited: number; claimed: number }[];
}

/** Money as the console writes it in English (the console follows i18n's language, not the browser's). */
const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);
const text = async (p: Page, testId: string) =>
  ((await p.getByTestId(testId).textContent()) ?? '').replace(/\s/g, ' ').trim();

describe('the supplier loop in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const month = new Date().toISOString().slice(0, 7);

  async function shot(name: string, phone = false, axe = true) {
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    // from the top: a page scrolled by a click would draw the fixed header mid-way down the shot
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/suppliers-${name}.png`, fullPage: true, animations: 'disabled' });
    if (axe) expect(await axeViolations(page), name).toEqual([]);
    if (phone) {
      const fits = await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      );
      expect(fits, `${name}: no sideways scrolling on a phone`).toBe(true);
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const old of readdirSync(SHOTS)) if (old.startsWith('suppliers-')) rmSync(join(SHOTS, old));
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finance builds a claim with a photo, sends it, records acceptance and credit, and reconciles the month', async () => {
    // the factory's unclaimed faulty unit; the customer's photo of it goes on the case
    const units = await server.api<{ data: Unit[] }>('GET', `/api/v1/suppliers/${SUPPLIER}/claimable`);
    const unit = units.data.find((u) => !u.claim && u.position?.claimable);
    if (!unit) throw new Error(`the demo has no unclaimed unit of ${SUPPLIER}`);
    const evidence = await server.api<{ data: unknown[] }>('GET', `/api/v1/cases/${unit.case_id}/evidence`);
    if (evidence.data.length === 0) await uploadPhoto(browser.context, server, unit.case_id);
    const before = await server.api<Reconciliation>('GET', `/api/v1/suppliers/reconciliation?month=${month}`);
    const creditedBefore = before.data.find((d) => d.supplier.code === SUPPLIER)?.credited ?? 0;

    await signIn(page, server, 'finance');
    await page.getByRole('navigation').getByRole('link', { name: 'Suppliers', exact: true }).click();
    await page.getByTestId('suppliers-table').waitFor();
    // the demo's terms in one line, a supplier without terms badged, and the gaps with their units
    const row = page.locator(`[data-supplier="${SUPPLIER}"]`);
    expect(await row.textContent()).toContain('faulty only · 15 days from delivery · credit · USD');
    await page.getByText('No terms').first().waitFor();
    await page.getByTestId('gaps').waitFor();
    await shot('list');
    await shot('list-phone', true);

    await row.getByRole('link', { name: SUPPLIER }).click();
    await page.getByRole('heading', { name: SUPPLIER, level: 1 }).waitFor();
    await page.getByText("Only the owner changes a supplier's terms.").waitFor();
    const unitRow = page.locator(`[data-unit="${unit.case_number}:${unit.line_id}"]`);
    await unitRow.getByRole('checkbox').check();
    await shot('supplier');
    await page.getByRole('button', { name: 'Build a claim of 1 unit' }).click();

    // the draft: its line carries the photo and the supplier's position
    await page.getByTestId('claim-status').getByText('Draft').waitFor();
    const claimId = page.url().split('/').pop() ?? '';
    let claim = await server.api<Claim>('GET', `/api/v1/supplier-claims/${claimId}`);
    expect(claim.status).toBe('draft');
    expect(claim.lines.map((l) => l.case_id)).toEqual([unit.case_id]);
    expect(claim.lines[0]?.evidence.files.length).toBeGreaterThan(0);
    const thumb = page.getByTestId('claim-lines').locator('img').first();
    await thumb.waitFor();
    expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await text(page, 'claimed-amount')).toBe(money(claim.claimed_amount, claim.currency));
    await shot('claim-draft');

    await page.getByRole('button', { name: /^Send to / }).click();
    await page.getByTestId('claim-status').getByText('Sent').waitFor();
    await page.getByRole('button', { name: 'Supplier accepted in full' }).click();
    await page.getByTestId('claim-status').getByText('Accepted').waitFor();
    claim = await server.api<Claim>('GET', `/api/v1/supplier-claims/${claimId}`);
    expect(claim.accepted_amount).toBe(claim.claimed_amount);
    expect(await text(page, 'accepted-amount')).toBe(money(claim.accepted_amount ?? -1, claim.currency));

    // the factory's credit note, for what it accepted
    const form = page.getByTestId('credit-form');
    await form.getByLabel("Supplier's reference").fill('SZA-CN-7781');
    await shot('claim-accepted');
    await form.getByRole('button', { name: 'Record the credit' }).click();
    await page.getByTestId('claim-status').getByText('Credited').waitFor();
    claim = await server.api<Claim>('GET', `/api/v1/supplier-claims/${claimId}`);
    expect(claim.status).toBe('credited');
    expect(claim.credits).toEqual([expect.objectContaining({ reference: 'SZA-CN-7781' })]);
    expect(claim.credited_amount).toBe(claim.accepted_amount);
    expect(await text(page, 'credited-amount')).toBe(money(claim.credited_amount, claim.currency));

    // what the factory said on the phone, recorded by hand
    const talk = page.getByTestId('claim-conversation');
    await talk
      .getByLabel('What was said (phone, chat…)')
      .fill('Credit note SZA-CN-7781 goes against the next invoice.');
    await talk.getByRole('button', { name: 'Record the message' }).click();
    await talk.locator('[data-direction="in"]').getByText('Credit note SZA-CN-7781').waitFor();
    await shot('claim-credited');
    await shot('claim-credited-phone', true);

    // the month's reconciliation counts the credit, converted into the store's currency
    await page.getByRole('navigation').getByRole('link', { name: 'Reconciliation' }).click();
    await page.getByTestId('reconciliation').waitFor();
    const after = await server.api<Reconciliation>('GET', `/api/v1/suppliers/reconciliation?month=${month}`);
    const mine = after.data.find((d) => d.supplier.code === SUPPLIER);
    expect(mine?.credited).toBeGreaterThan(creditedBefore);
    const cell = page.locator(`[data-supplier="${SUPPLIER}"] [data-col="credited"]`);
    expect((await cell.textContent())?.replace(/\s/g, ' ')).toBe(money(mine?.credited ?? -1, after.currency));
    await page
      .getByTestId('rates-used')
      .getByText(/1 USD = /)
      .waitFor();
    await shot('reconciliation');
    await shot('reconciliation-phone', true);

    // the claims list, filtered to what was credited, has the new claim with its amounts
    await page.getByRole('navigation').getByRole('link', { name: 'Claims' }).click();
    await page.getByTestId('claims-table').waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Credited' }).click();
    await page.waitForURL(/status=credited/);
    const listed = page.locator(`[data-claim="${claim.number}"]`);
    await listed.waitFor();
    expect(await listed.textContent()).toContain(money(claim.credited_amount, claim.currency));
    expect(
      await page
        .locator('[data-claim] [data-status]')
        .evaluateAll((b) => b.map((e) => e.getAttribute('data-status'))),
    ).not.toContain('acknowledged');
    await shot('claims');

    // a return's line names the claim its unit is on (the demo's earbuds return, claimed and acknowledged)
    const onReturn = units.data.find((u) => u.case_kind === 'return' && u.claim);
    expect(onReturn?.claim, 'the demo claims its faulty earbuds return').toBeTruthy();
    const onReturnClaim = onReturn?.claim as { number: string };
    await page.goto(`${server.url}/console/returns/${onReturn?.case_id}`);
    await page
      .getByTestId('supplier-line')
      .getByRole('link', { name: `on claim ${onReturnClaim.number}` })
      .waitFor();
    await shot('return-line');

    // the case's line says which claim holds the unit
    const caseUrl = unit.case_kind === 'return' ? 'returns' : 'cases';
    await page.goto(`${server.url}/console/${caseUrl}/${unit.case_id}`);
    const line = page.getByTestId('supplier-line').first();
    await line.getByRole('link', { name: `on claim ${claim.number}` }).waitFor();
    expect(await line.textContent()).toContain(`Supplier ${SUPPLIER}`);
    await shot('case-line');

    // and the scorecard lists the supplier with what it gave back
    await page.goto(`${server.url}/console/analytics`);
    const score = page.getByTestId('supplier-scorecard');
    await score.locator(`[data-key="${SUPPLIER}"]`).waitFor();
    await shot('scorecard');
    // by SKU for the one supplier, and the CSV of that view as the server writes it
    await score.getByText('SKU', { exact: true }).click();
    await score.getByRole('combobox', { name: 'Supplier' }).click();
    await page.getByRole('option', { name: SUPPLIER }).click();
    await score.locator('[data-key="EARBUDS-PRO"]').waitFor();
    const href = (await score.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '';
    expect(href).toContain(`by=sku&supplier=${SUPPLIER}`);
    const csv = await page.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    const [header, ...skuRows] = (await csv.text()).trim().split('\n');
    expect(header?.startsWith('sku,supplier,')).toBe(true);
    expect(skuRows.every((r) => r.includes(`,${SUPPLIER},`))).toBe(true);
    expect(skuRows.some((r) => r.startsWith('EARBUDS-PRO,'))).toBe(true);
  });

  it('the owner edits terms, is told when someone saved first, and saves over the newer version', async () => {
    type Terms = Record<string, unknown> & { sku_overrides: Record<string, Record<string, unknown>> };
    const detail = () =>
      server.api<{ terms_version: number; terms: Terms }>('GET', '/api/v1/suppliers/SUP-PRINT');
    const start = await detail();
    await signOut(page);
    await signIn(page, server, 'owner');
    await page.goto(`${server.url}/console/suppliers/SUP-PRINT`);
    await page.getByTestId('terms-version').getByText(`version ${start.terms_version}`).waitFor();
    await page.getByLabel('Window (days)').fill('45');

    // a colleague saves first (through the API), so this save is against a stale version
    await server.api('PUT', `/api/v1/suppliers/SUP-PRINT/terms?expected_version=${start.terms_version}`, {
      ...start.terms,
      claim_deadline_days: 60,
    });
    await page.getByRole('button', { name: 'Save the terms' }).click();
    await page.getByText('Someone saved these terms in the meantime').waitFor();
    await shot('terms-conflict');
    expect((await detail()).terms.window_days).toBe(start.terms.window_days);

    await page.getByRole('button', { name: 'Load the newer version' }).click();
    await page
      .getByTestId('terms-version')
      .getByText(`version ${start.terms_version + 1}`)
      .waitFor();
    expect(await page.getByLabel('Claim deadline (days)').inputValue()).toBe('60');
    await page.getByLabel('Window (days)').fill('45');
    const rows = Object.keys(start.terms.sku_overrides).length;
    await page.getByRole('button', { name: 'Add an exception' }).click();
    await page.getByLabel(`SKU of exception ${rows + 1}`).fill('MUG-XL');
    await page.getByLabel(`Value of exception ${rows + 1}`).fill('10');
    await page.getByRole('button', { name: 'Save the terms' }).click();
    await page.getByText(`Saved as version ${start.terms_version + 2}.`).waitFor();
    const saved = await detail();
    expect(saved.terms_version).toBe(start.terms_version + 2);
    expect(saved.terms).toMatchObject({ window_days: 45, claim_deadline_days: 60 });
    expect(saved.terms.sku_overrides['MUG-XL']).toEqual({ window_days: 10 });
    // the list's one-line summary follows the new version
    await page.goto(`${server.url}/console/suppliers`);
    expect(await page.locator('[data-supplier="SUP-PRINT"]').textContent()).toContain(
      '45 days from delivery',
    );
    await page.goto(`${server.url}/console/suppliers/SUP-PRINT`);
    await page.getByTestId('terms-version').getByText(`version ${saved.terms_version}`).waitFor();
    await shot('terms-saved-phone', true);
  });
  it('the owner records a partial acceptance of a claim entered by hand, and writes to the supplier', async () => {
    // two lines entered by hand against the Leipzig printer (EUR), as the API takes them
    const draft = await server.api<Claim & { lines: { id: string; amount: number }[] }>(
      'POST',
      '/api/v1/supplier-claims',
      {
        supplier: 'SUP-PRINT',
        manual_lines: [
          {
            description: 'Name mug, wrong name printed',
            sku: 'MUG-NAME',
            reason: 'wrong_item',
            quantity: 2,
            amount: 1800,
          },
          {
            description: 'Name mug, chipped',
            sku: 'MUG-NAME',
            reason: 'damaged_in_transit',
            quantity: 1,
            amount: 900,
          },
        ],
      },
    );
    // after the terms test the owner is signed in; run alone, the owner signs in here
    if (!page.url().includes('/console/')) await signIn(page, server, 'owner');
    await page.goto(`${server.url}/console/supplier-claims/${draft.id}`);
    await page.getByTestId('claim-status').getByText('Draft').waitFor();
    await page.getByRole('button', { name: 'Send to service@printworks.example' }).click();
    await page.getByTestId('claim-status').getByText('Sent').waitFor();
    await page.getByLabel("Supplier's reference").fill('PW-2211');
    await page.getByRole('button', { name: 'Supplier acknowledged' }).click();
    await page.getByTestId('claim-status').getByText('Acknowledged').waitFor();

    // the printer takes half of the first line and all of the second
    await page.getByLabel('2 × Name mug, wrong name printed').fill('9.00');
    await page.getByRole('button', { name: 'Supplier accepted these amounts' }).click();
    await page.getByTestId('claim-status').getByText('Partly accepted').waitFor();
    const claim = await server.api<Claim & { supplier_reference: string }>(
      'GET',
      `/api/v1/supplier-claims/${draft.id}`,
    );
    expect(claim.status).toBe('partly_accepted');
    expect(claim.supplier_reference).toBe('PW-2211');
    expect(claim.accepted_amount).toBe(900 + 900);
    expect(await text(page, 'accepted-amount')).toBe(money(claim.accepted_amount ?? -1, 'EUR'));
    expect(await text(page, 'claimed-amount')).toBe(money(2700, 'EUR'));
    // what is still owed is what was accepted: the credit form starts from it
    await page
      .getByTestId('credit-form')
      .getByText(`${money(1800, 'EUR')} still owed`)
      .waitFor();

    // a message out by email, in the claim's thread
    const talk = page.getByTestId('claim-conversation');
    await talk.getByText('We said').click();
    await talk.getByLabel('Send it to service@printworks.example by email').check();
    await talk
      .getByLabel('What was said (phone, chat…)')
      .fill('Thank you. Please send the credit note for €18.00.');
    await talk.getByRole('button', { name: 'Send the message' }).click();
    await talk.getByText('Please send the credit note').waitFor();
    const after = await server.api<{ messages: { direction: string; channel: string; body: string }[] }>(
      'GET',
      `/api/v1/supplier-claims/${draft.id}`,
    );
    expect(after.messages.filter((m) => m.body.includes('Please send the credit note'))).toEqual([
      expect.objectContaining({ direction: 'out', channel: 'email' }),
    ]);
    await shot('claim-partly-accepted');
  });
});
