// The team console in a real browser, one working day on the demo store: an agent reviews the
// queue (approves one request with its photo in view, rejects another with a templated reply), the
// warehouse scans, receives and inspects the parcel, finance checks the breakdown and refunds; a
// stale page shows the server's refusal; the console speaks Chinese and Russian and fits a phone.
// Screenshots of each step land in test-results/screenshots/.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from './chromium.ts';
import { uploadPhoto } from './evidence.ts';
import { type RunningServer, startServer } from './server.ts';
import { fillSignIn, type StaffRole, signIn, signOut } from './sign-in.ts';

interface ReturnSummary {
  id: string;
  rma: string;
  status: string;
  sla_due_at: string | null;
  lines: { sku: string }[];
  result: { refund: number } | null;
}

const SHOTS = 'test-results/screenshots';

describe('team console in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let earbuds: ReturnSummary; // French customer, defective, photo attached: approved, then refunded
  let charger: ReturnSummary; // US customer, change of mind: rejected

  const shot = (name: string) =>
    page.screenshot({ path: `${SHOTS}/console-${name}.png`, fullPage: true, animations: 'disabled' });
  const statusText = () => page.getByTestId('return-status').textContent();
  const waitForStatus = (label: string) => page.getByTestId('return-status').getByText(label).waitFor();
  const as = async (role: StaffRole) => signIn(page, server, role);
  const rowRmas = () =>
    page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rma')));

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A failed run must not leave an older run's pictures looking like this one's.
    for (const old of readdirSync(SHOTS)) if (old.startsWith('console-')) rmSync(join(SHOTS, old));
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000); // fail on the step that broke, well inside the test's own limit
    const requested = await server.api<{ data: ReturnSummary[] }>('GET', '/api/v1/returns?status=requested');
    const bySku = (sku: string) => requested.data.find((r) => r.lines.some((l) => l.sku === sku));
    const e = bySku('EARBUDS-PRO');
    const c = bySku('CHARGER-65W');
    if (!e || !c) throw new Error('the demo store changed: no requested earbuds or charger return');
    [earbuds, charger] = [e, c];
    await uploadPhoto(browser.context, server, earbuds.id);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an agent works the review queue: photo in view, a note, approve, then the label', async () => {
    await as('agent');
    await page.getByRole('heading', { name: 'Needs review' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const bySla = [earbuds, charger].sort((a, b) => (a.sla_due_at ?? '').localeCompare(b.sla_due_at ?? ''));
    expect(await rowRmas()).toEqual(bySla.map((r) => r.rma));
    await shot('01-agent-review-queue');

    await page.getByRole('link', { name: `Open return ${earbuds.rma}` }).click();
    await waitForStatus('Requested');
    expect(await page.title()).toBe(`${earbuds.rma} · Aftersale`);
    const photo = page.getByRole('img', { name: 'earbuds.png' });
    await photo.waitFor();
    // thumbnails load lazily: the photo loads once it is scrolled near
    await photo.scrollIntoViewIfNeeded();
    await photo.evaluate((img: HTMLImageElement) =>
      img.complete ? undefined : new Promise((done) => img.addEventListener('load', done, { once: true })),
    );
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.getByLabel('New note').fill('Photo shows the left earbud dead. Approving as a defect.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Photo shows the left earbud dead').waitFor();
    await shot('02-agent-return-requested');

    await page.getByRole('button', { name: 'Approve' }).click();
    await waitForStatus('Approved');
    await page.getByRole('button', { name: 'Issue return label' }).click();
    const openLabel = page.getByRole('link', { name: 'Open label (PDF)' });
    expect(await openLabel.getAttribute('target')).toBe('_blank');
    // The link rides on the session cookie: fetch it the way the new tab would.
    const pdf = await page.request.get(`${server.url}${await openLabel.getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await page.getByText('Label issued').waitFor();
    await shot('03-agent-approved-with-label');

    // The agent takes the return: the page and the timeline say so, and "Mine" finds it.
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('Unassigned → Aiko Agent').waitFor();
    const owner = await page
      .getByLabel('Assignee')
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    expect(owner).toBe('Aiko Agent');
    expect(await page.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    await shot('03b-agent-assigned-to-me');
    await page.getByRole('link', { name: 'Awaiting the parcel' }).click();
    await page.getByRole('heading', { name: 'Awaiting the parcel' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    expect((await rowRmas()).length).toBeGreaterThan(1);
    await page.getByRole('radiogroup', { name: 'Assignee' }).locator('label', { hasText: 'Mine' }).click();
    await expect.poll(rowRmas).toEqual([earbuds.rma]);
    expect(await page.getByTestId('row-assignee').textContent()).toBe('Assignee: Aiko Agent');
    await shot('03c-agent-mine-queue');
  });

  it('an agent rejects a request with a reply from the template in the customer language', async () => {
    await page.getByRole('link', { name: 'Needs review' }).click();
    await page.getByRole('link', { name: `Open return ${charger.rma}` }).click();
    await page.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').selectOption('used_or_damaged');
    const reply = dialog.getByLabel('Reply to the customer');
    expect(await reply.inputValue()).toMatch(
      /^Thank you for sending the item back\. It arrived used or damaged/,
    );
    await reply.fill(`${await reply.inputValue()} The charger's seal is broken and the cable is scuffed.`);
    await shot('04-agent-reject-dialog');
    await dialog.getByRole('button', { name: 'Reject and show the reply' }).click();
    await waitForStatus('Rejected');
    expect(await page.getByTestId('rejection').textContent()).toContain('Used or damaged after delivery');
    // the reply goes to the customer by email, in the conversation with its status
    const conversation = page.getByTestId('conversation');
    await conversation.getByText("The charger's seal is broken and the cable is scuffed.").waitFor();
    await shot('05-agent-rejected');

    await page.getByRole('link', { name: 'Needs review' }).click();
    await page.getByText('All clear: nothing waits here.').waitFor();
    await shot('06-agent-review-queue-empty');
  });

  it('the warehouse scans the RMA, receives the parcel and inspects it', async () => {
    await signOut(page);
    await fillSignIn(page, 'warehouse', 'not-the-password');
    await page.getByRole('alert').getByText('The email or the password is not right.').waitFor();
    await fillSignIn(page, 'warehouse');
    await page.getByRole('heading', { name: 'To receive' }).waitFor();
    await page.getByLabel('Scan or type an RMA').fill(earbuds.rma.toLowerCase());
    await page.getByLabel('Scan or type an RMA').press('Enter');
    await waitForStatus('Approved');
    await page.getByText('RMA matches.').waitFor();
    expect(await page.getByLabel(/Units received of Wireless earbuds Pro/).inputValue()).toBe('1');
    await shot('07-warehouse-receive');
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await waitForStatus('Received');

    await page.getByLabel('B: light signs of use').check();
    await page.getByLabel('Not activated').check();
    await page.getByLabel('Accessories complete').check();
    await page.getByLabel('Where it goes').selectOption('refurbish');
    await page.getByLabel('Deduction for diminished value').fill('10');
    await page.getByLabel('Reason for the deduction').fill('Charging case scratched');
    // the warehouse photographs the scratch (any PNG will do: a corner of this very screen)
    const photo = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 96, height: 96 } });
    const evidenceBefore = await page.locator('[data-testid="evidence"] img').count();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add photos' }).click();
    await (await chooser).setFiles({ name: 'scratch.png', mimeType: 'image/png', buffer: photo });
    await page.getByText('1 photo added to the evidence.').waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="evidence"] img').length > n,
      evidenceBefore,
    );
    await shot('08-warehouse-inspect-form');
    await page.getByRole('button', { name: 'Save inspection' }).click();
    await waitForStatus('Inspected');
    expect(await page.getByTestId('inspection').textContent()).toBe(
      'Grade B · Refurbish · Deduction €10.00: Charging case scratched',
    );
    // Paying out is finance's: the warehouse is told whose turn it is instead of a button.
    expect(await page.getByTestId('actions').textContent()).toContain('The next step is for Finance.');
    // and leaves a note for the team
    await page.getByLabel('New note').fill('Scratch photographed, case kept for refurbishing.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Scratch photographed, case kept for refurbishing.').waitFor();
    await shot('09-warehouse-inspected');
  });

  it('finance sees the refund breakdown before the money moves, then refunds', async () => {
    await signOut(page);
    await as('finance');
    await page.getByRole('heading', { name: 'To refund' }).waitFor();
    await page.getByRole('link', { name: `Open return ${earbuds.rma}` }).waitFor();
    // A link from a colleague opens the return itself, through the sign-in page if need be.
    await signOut(page);
    await page.goto(`${server.url}/console/returns/${earbuds.id}`);
    await fillSignIn(page, 'finance');
    await waitForStatus('Inspected');
    const breakdown = page.getByTestId('breakdown');
    await breakdown.waitFor();
    const rows = await breakdown.locator('tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
    // 89.00 item + 17.80 tax + 5.99 shipping (whole order returned) - 10.00 deduction
    expect(rows).toEqual([
      'Items€89.00',
      'Tax€17.80',
      'Original shipping€5.99',
      'Fees€0.00',
      'Deductions-€10.00',
      'Total€102.79',
      'Refund to the payment method€102.79',
    ]);
    await shot('10-finance-breakdown');
    // Finance may pay out otherwise than the customer asked; the preview follows the choice.
    const payout = page.getByRole('radiogroup', { name: 'Pay out as' });
    await payout.locator('label', { hasText: 'Store credit' }).click();
    await page.getByText('The customer asked for Refund.').waitFor();
    const grant = page.getByRole('button', { name: /^Confirm and grant/ });
    expect(await grant.textContent()).toMatch(/^Confirm and grant €1\d\d\.\d\d store credit$/);
    // Store credit instead of money back waits for the customer's agreement.
    expect(await grant.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'The customer agreed to store credit instead' }).check();
    expect(await grant.isEnabled()).toBe(true);
    await payout.locator('label', { hasText: 'Refund' }).click();
    await page.getByRole('button', { name: 'Confirm and pay out €102.79' }).click();
    await waitForStatus('Completed');
    expect(await page.getByTestId('outcome').textContent()).toContain('Refund €102.79');
    await page.getByText('Money settled').waitFor();
    const paid = await server.api<ReturnSummary>('GET', `/api/v1/returns/${earbuds.id}`);
    expect(paid.result?.refund).toBe(10279);
    await shot('11-finance-completed');

    await page.getByRole('searchbox', { name: 'Search returns' }).fill('camille.martin@example.fr');
    await page.getByRole('searchbox', { name: 'Search returns' }).press('Enter');
    await page.getByRole('heading', { name: 'Results for “camille.martin@example.fr”' }).waitFor();
    expect(await rowRmas()).toEqual([earbuds.rma]);
  });

  it("shows the server's refusal when someone else moved the return first", async () => {
    const inspected = await server.api<{ data: ReturnSummary[] }>('GET', '/api/v1/returns?status=inspected');
    const other = inspected.data[0];
    if (!other) throw new Error('the demo store has no other inspected return');
    await page.getByRole('link', { name: 'To refund' }).click();
    await page.getByRole('link', { name: `Open return ${other.rma}` }).click();
    await page.getByTestId('breakdown').waitFor();
    await server.api('POST', `/api/v1/returns/${other.id}/resolve`, {});
    await page.getByRole('button', { name: /^Confirm and/ }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Not possible in this status').waitFor();
    expect(await alert.textContent()).toContain('cannot go from completed to completed');
    await shot('12-finance-stale-refused');
    await alert.getByRole('button', { name: 'Show the current state' }).click();
    await waitForStatus('Completed');
  });

  it('speaks Simplified Chinese and Russian, and fits a phone', async () => {
    await page.goto(`${server.url}/console/returns/${earbuds.id}`);
    await waitForStatus('Completed');
    await page.getByLabel('Language').selectOption('zh-Hans');
    await page.getByRole('heading', { name: '下一步' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await statusText()).toBe('已完成');
    await shot('13-zh-Hans-return');
    await page.getByLabel('语言').selectOption('ru');
    await page.getByRole('heading', { name: 'Следующий шаг' }).waitFor();
    expect(await statusText()).toBe('Завершён');
    await shot('14-ru-return');
    await page.getByLabel('Язык').selectOption('en');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/console/queues/refund`);
    await page.getByRole('heading', { name: 'To refund' }).waitFor();
    // The closed drawer is out of reach for Tab and screen readers, not just slid off screen.
    const nav = page.locator('nav[aria-label="Console sections"]');
    expect(await nav.evaluate((el: HTMLElement) => el.inert)).toBe(true);
    await shot('15-phone-queue');
    await page.getByRole('button', { name: 'Show or hide the navigation' }).click();
    expect(await nav.evaluate((el: HTMLElement) => el.inert)).toBe(false);
    await shot('16-phone-navigation');
    await nav.getByRole('link', { name: 'Refund overdue' }).click();
    await page.getByRole('heading', { name: 'Refund overdue' }).waitFor();
    expect(await nav.evaluate((el: HTMLElement) => el.inert)).toBe(true);

    await page.goto(`${server.url}/console/returns/${earbuds.id}`);
    await waitForStatus('Completed');
    // Nothing may be wider than the phone: a sideways scroll hides the actions.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot('17-phone-return');
  });
});
