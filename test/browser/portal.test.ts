// The customer returns portal in a real browser, on the demo store: a German customer (desktop) and a
// Chinese customer (phone, by postal code) each request a return in their language with a photo; the
// German one reopens the status page from the link after the team approved it and downloads the
// label; an EU customer withdraws through the art. 11a function; a French customer past the window
// reads why. Screenshots of each step land in test-results/screenshots/portal-*.png.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { type Browser, launchChromium } from './chromium.ts';
import { type RunningServer, startServer } from './server.ts';

const SHOTS = 'test-results/screenshots';
const DAY = 86_400_000;

/** A real PNG, made here: a grey product shot with a red crack across it. */
function crackedPng(width = 96, height = 72): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const crack = Math.abs(y - Math.round(height * 0.2 + x * 0.6)) <= 1;
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw.set(crack ? [220, 30, 30] : [200 - y, 205 - y, 210 - y], at);
    }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(4 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The table's rows as the eye reads them, with no-break spaces as plain ones. */
const rows = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tr')
    .evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' ')));

interface OrderAnswer {
  eligibility: { lines: { line_id: string; deadline: string | null }[] };
}

describe('customer returns portal in Chromium', () => {
  let server: RunningServer;
  let de: Browser;
  let zh: Browser;
  let fr: Browser;
  let page: Page;
  let germanReturn: { id: string; rma: string; link: string };
  const photo = { name: 'serum-leak.png', mimeType: 'image/png', buffer: crackedPng() };
  const shot = async (p: Page, name: string) => {
    await p.screenshot({ path: `${SHOTS}/portal-${name}.png`, fullPage: true, animations: 'disabled' });
    // every page the journeys photograph is also held to zero serious or critical axe violations
    expect(await axeViolations(p), name).toEqual([]);
  };
  const portal = (path = '') => `${server.url}/returns/demo/${path}`;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const old of readdirSync(SHOTS)) if (old.startsWith('portal-')) rmSync(join(SHOTS, old));
    [server, de, zh, fr] = await Promise.all([
      startServer(),
      launchChromium({ locale: 'de-DE' }),
      launchChromium({ locale: 'zh-CN' }),
      launchChromium({ locale: 'fr-FR' }),
    ]);
    page = de.context.pages()[0] ?? (await de.context.newPage());
    page.setDefaultTimeout(10_000);
    // Wang Fang in Shanghai bought earbuds and a jumper two days ago (the demo's orders of hers are
    // used up: one fully returned, one not shipped).
    const paid = 69_420 + 9_025 + 38_992 + 5_069 + 3_892;
    await server.api('POST', '/api/v1/orders', {
      number: '2001',
      currency: 'CNY',
      placed_at: new Date(Date.now() - 6 * DAY).toISOString(),
      customer: {
        email: 'wang.fang@example.cn',
        name: '王芳',
        language: 'zh-Hans',
        time_zone: 'Asia/Shanghai',
      },
      shipping_address: {
        name: '王芳',
        line1: '南京东路 100 号',
        city: '上海',
        postal_code: '200001',
        country: 'CN',
      },
      lines: [
        {
          id: 'L1',
          sku: 'EARBUDS-PRO',
          title: 'Wireless earbuds Pro',
          category: 'electronics',
          quantity: 1,
          unit_price: 69_420,
          tax: 9_025,
        },
        {
          id: 'L2',
          sku: 'JUMPER-M-BLUE',
          title: 'Merino wool jumper',
          variant: 'M / Blue',
          category: 'apparel',
          quantity: 1,
          unit_price: 38_992,
          tax: 5_069,
        },
      ],
      shipping: { amount: 3_892, tax: 0 },
      payments: [{ provider: 'manual', amount: paid }],
      fulfillments: [
        {
          id: 'F1',
          lines: [
            { line_id: 'L1', quantity: 1 },
            { line_id: 'L2', quantity: 1 },
          ],
          shipped_at: new Date(Date.now() - 4 * DAY).toISOString(),
          delivered_at: new Date(Date.now() - 2 * DAY).toISOString(),
        },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([de?.close(), zh?.close(), fr?.close()]);
    await server?.stop();
  });

  it('a German customer finds the order, requests a return with a photo, in German', async () => {
    // The store's logo, colour and the serum's picture, served by a CDN the browser reaches here.
    const cdn = 'https://cdn.aurora.example';
    await de.context.route(`${cdn}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: crackedPng(64, 64) }),
    );
    await server.api('PUT', '/api/v1/store/branding', {
      logo_url: `${cdn}/logo.png`,
      brand_color: '#c2255c',
    });
    await server.api('POST', '/api/v1/products', {
      products: [
        {
          sku: 'SERUM-30ML',
          product_group: 'SERUM',
          title: 'Vitamin C face serum 30 ml',
          category: 'cosmetics',
          price: 2900,
          currency: 'EUR',
          flags: ['sealed_hygiene'],
          image_url: `${cdn}/serum.png`,
        },
      ],
    });
    await page.goto(portal());
    const logo = page.getByTestId('store-logo');
    expect(await logo.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(
      64,
    );
    expect(await page.locator('header').evaluate((h) => getComputedStyle(h).borderTopColor)).toBe(
      'rgb(194, 37, 92)',
    );
    await page.getByRole('heading', { name: 'Artikel zurücksenden oder umtauschen' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    // Keyboard: the language comes before the form, and a focused field shows a real ring.
    const tabOrder: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      tabOrder.push(
        await page.evaluate(
          () => document.activeElement?.getAttribute('aria-label') || document.activeElement?.id || '',
        ),
      );
    }
    const orderNumber = await page.getByLabel('Bestellnummer').getAttribute('id');
    expect(tabOrder.indexOf('Sprache'), tabOrder.join(' ')).toBeGreaterThanOrEqual(0);
    expect(tabOrder.indexOf('Sprache')).toBeLessThan(tabOrder.indexOf(orderNumber ?? '?'));
    await page.getByLabel('Bestellnummer').focus();
    const ring = await page
      .getByLabel('Bestellnummer')
      .evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]);
    expect(ring).toEqual(['solid', '2px']);
    // A wrong email gets the server's own words, with no hint of which part was wrong.
    await page.getByLabel('Bestellnummer').fill('#1002');
    await page.getByLabel('E-Mail-Adresse der Bestellung').fill('anna@example.de');
    await page.getByRole('button', { name: 'Bestellung suchen' }).click();
    await page
      .getByRole('alert')
      .getByText('Wir konnten keine Bestellung mit diesen Angaben finden')
      .waitFor();
    await shot(page, 'de-01-lookup-refused');
    await page.getByLabel('E-Mail-Adresse der Bestellung').fill('anna.schmidt@example.de');
    await page.getByRole('button', { name: 'Bestellung suchen' }).click();
    await page.getByRole('heading', { name: 'Bestellung 1002' }).waitFor();

    // The deadline in the customer's locale and zone: the engine's instant, as Berlin reads it.
    const token = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('aftersale.portal.demo') ?? '{}').token,
    );
    const order = (await (
      await fetch(`${server.url}/api/v1/portal/order`, { headers: { 'x-portal-token': token } })
    ).json()) as OrderAnswer;
    const deadline = order.eligibility.lines[0]?.deadline ?? '';
    const expected = new Intl.DateTimeFormat('de-DE', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: 'Europe/Berlin',
    }).format(new Date(deadline));
    expect(await page.getByTestId('line-deadline').textContent()).toBe(`Bis ${expected}`);
    // One line per item; the reasons wait behind a disclosure, and nothing is said that holds only for
    // a choice not made yet (the whole order coming back, who pays the parcel).
    const serum = page.locator('[data-line=L1]');
    expect(await serum.getByTestId('line-outcome').textContent()).toBe(`RücksendbarBis ${expected}`);
    expect(await page.locator('[data-code^=shipping_], [data-code^=return_shipping]').count()).toBe(0);
    expect(await serum.locator('[data-code=store_window]').isVisible()).toBe(false);
    await serum.getByText('Warum dieses Datum?').click();
    await serum.locator('[data-code=store_window]').waitFor();
    expect(await page.getByTestId('come-back-link').inputValue()).toMatch(
      /\/returns\/demo\/order#t=[\w-]+\.[\w-]+\.[\w-]+$/,
    );
    // The catalogue's picture of the serum, decoded (not a broken image).
    const picture = page.locator('[data-line=L1]').getByTestId('item-image');
    expect(await picture.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(
      64,
    );
    await shot(page, 'de-02-order');

    await page.getByRole('link', { name: 'Rücksendung anmelden' }).click();
    // The counter's total stays the same when the reason adds a photo step.
    const counter = () => page.getByTestId('wizard-progress').textContent();
    expect(await counter()).toBe('Schritt 1 von 4');
    await page.getByLabel(/Vitamin C face serum 30 ml/).check();
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await page.getByRole('radio', { name: 'Defekt oder funktioniert nicht' }).click();
    await page.getByText('Ja', { exact: true }).click();
    await page
      .getByLabel(/Möchten Sie uns noch etwas mitteilen/)
      .fill('Der Pumpkopf ist gebrochen, das Serum läuft aus.');
    await page.getByText('Fügen Sie als Nächstes bitte ein Foto').waitFor();
    await shot(page, 'de-03-reason');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();

    await page.getByRole('heading', { name: 'Zeigen Sie uns das Problem' }).waitFor();
    expect(await counter()).toBe('Schritt 2 von 4');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click(); // without a photo: told, not moved on
    await page.getByText('Bitte fügen Sie mindestens ein Foto oder Video dieses Artikels hinzu.').waitFor();
    await page.locator('input[type=file]').setInputFiles(photo);
    const thumb = page.getByRole('img', { name: 'Ihr Foto serum-leak.png' });
    await thumb.waitFor();
    // The thumbnail is the photo itself, decoded by the browser (not a broken-image icon).
    expect(await thumb.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(
      96,
    );
    await shot(page, 'de-04-photo');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();

    await page.getByRole('radio', { name: /^Erstattung/ }).click();
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await page.getByRole('radio', { name: /^Mit Rücksendeetikett verschicken/ }).click();
    expect(await page.getByTestId('method-label').textContent()).toContain('Kostenlos'); // a fault: the shop pays
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();

    await page.getByRole('heading', { name: 'Prüfen und absenden' }).waitFor();
    expect(await page.getByTestId('item-image').count()).toBe(1);
    expect(await counter()).toBe('Schritt 4 von 4');
    expect(await page.getByTestId('review-note').textContent()).toBe(
      '„Der Pumpkopf ist gebrochen, das Serum läuft aus.“',
    );
    // 29.00 serum + 19 % tax + the original delivery (the whole order comes back); no fees for a fault
    expect(await rows(page, 'breakdown')).toEqual([
      'Artikel29,00 €',
      'Steuer5,51 €',
      'Ursprüngliche Versandkosten5,94 €',
      'Gebühren0,00 €',
      'Gesamt40,45 €',
    ]);
    await page.getByText('Der Shop prüft Ihre Anfrage zuerst').waitFor();
    await shot(page, 'de-05-review');
    await page.getByTestId('submit-return').click();

    await page.getByTestId('confirmation').getByText('Ihre Rücksendung ist angemeldet').waitFor();
    expect(await page.getByTestId('return-status').textContent()).toBe('In Prüfung');
    const rma = (await page.getByTestId('rma').textContent()) ?? '';
    expect(rma).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const id = page.url().split('/returns/demo/returns/')[1] ?? '';
    const evidence = await server.api<{ data: { content_type: string; line_id: string | null }[] }>(
      'GET',
      `/api/v1/cases/${id}/evidence`,
    );
    expect(evidence.data.map((e) => [e.content_type, e.line_id])).toEqual([['image/png', 'L1']]);
    await shot(page, 'de-06-confirmation');
    germanReturn = { id, rma, link: await page.getByTestId('come-back-link').inputValue() };
  });

  it('the status page, reopened from the link, shows the approval and hands out the label', async () => {
    await server.api('POST', `/api/v1/returns/${germanReturn.id}/approve`, {});
    // A new tab has an empty sessionStorage: only the link's fragment can open the page.
    const tab = await de.context.newPage();
    tab.setDefaultTimeout(10_000);
    await tab.goto(germanReturn.link);
    await tab.getByTestId('return-status').getByText('Genehmigt').waitFor();
    expect(tab.url()).not.toContain('#t='); // read, then taken out of the address bar
    expect(await tab.getByTestId('rma').textContent()).toBe(germanReturn.rma);
    expect(await tab.locator('[data-milestone=approved]').getAttribute('data-done')).toBe('true');
    expect(await tab.locator('[aria-current=step]').getAttribute('data-milestone')).toBe('approved');
    await tab.getByTestId('timeline').getByText('Rücksendung genehmigt').waitFor();
    await tab.getByTestId('qr-code').waitFor();
    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByTestId('label-button').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${germanReturn.rma}.pdf`);
    expect(
      readFileSync(await download.path())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    await shot(tab, 'de-07-status-approved');
    await tab.close();

    // The store's own address with the token ("/returns/demo/#t=…") opens the order.
    const token = germanReturn.link.split('#t=')[1];
    const other = await de.context.newPage();
    await other.goto(`${portal()}#t=${token}`);
    await other.getByRole('heading', { name: 'Bestellung 1002' }).waitFor();
    await other.locator(`[data-rma="${germanReturn.rma}"]`).getByText('Genehmigt').waitFor();
    expect(new URL(other.url()).pathname).toBe('/returns/demo/order');
    await other.close();
  });

  it('the refund is "being paid" while the store has to pay it by hand, and ticked once it has left', async () => {
    const id = germanReturn.id;
    await server.api('POST', `/api/v1/returns/${id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
    await server.api('POST', `/api/v1/returns/${id}/inspect`, {
      lines: [{ line_id: 'L1', grade: 'A', checklist: {}, disposition: 'restock' }],
    });
    await server.api('POST', `/api/v1/returns/${id}/resolve`, {});
    // The worker hands the refund to the manual provider, which leaves it for the team to pay.
    type Refunds = { status: string; refunds: { id: string; status: string; amount: number }[] };
    let ret = await server.api<Refunds>('GET', `/api/v1/returns/${id}`);
    for (let i = 0; i < 50 && ret.refunds[0]?.status !== 'requires_action'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ret = await server.api<Refunds>('GET', `/api/v1/returns/${id}`);
    }
    expect(ret).toMatchObject({ status: 'completed', refunds: [{ status: 'requires_action' }] });

    const tab = await de.context.newPage();
    tab.setDefaultTimeout(10_000);
    await tab.goto(germanReturn.link);
    await tab.getByTestId('rma').waitFor();
    expect(await tab.getByTestId('return-status').textContent()).toBe('Erstattung läuft');
    expect(await tab.locator('[data-milestone=completed]').getAttribute('data-done')).toBe('false');
    expect(await tab.locator('[data-milestone=completed]').textContent()).toContain(
      'Erstattung wird ausgezahlt',
    );
    const text = async (testId: string) =>
      ((await tab.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ');
    const unpaid = await text('refund-state');
    expect(unpaid).toMatch(
      /^Ihre Erstattung über 40,45 € wird gerade ausgezahlt\. Der Shop muss sie spätestens am/,
    );
    expect(await tab.getByText('erstattet', { exact: false }).count()).toBe(0);
    await shot(tab, 'de-08-status-refund-being-paid');

    await server.api('POST', `/api/v1/refunds/${ret.refunds[0]?.id}/confirm`, { reference: 'SEPA-1002' });
    await tab.reload();
    await tab.getByTestId('refund-state').and(tab.locator('[data-state=paid]')).waitFor();
    // the day as the customer reads it: in their time zone (Germany's for this order), not the machine's
    const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(
      new Date(),
    );
    expect(await text('refund-state')).toContain(`40,45 € wurden Ihnen am ${today} erstattet.`);
    expect(await tab.getByTestId('return-status').textContent()).toBe('Abgeschlossen');
    expect(await tab.locator('[data-milestone=completed]').getAttribute('data-done')).toBe('true');
    await shot(tab, 'de-09-status-refund-paid');
    await tab.close();
  });

  it('a Chinese customer requests a return in Simplified Chinese on a phone, with a photo', async () => {
    const phone = zh.context.pages()[0] ?? (await zh.context.newPage());
    phone.setDefaultTimeout(10_000);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(portal());
    await phone.getByRole('heading', { name: '退货或换货' }).waitFor();
    await phone.getByLabel('订单号').fill('2001');
    await phone.getByText('邮政编码', { exact: true }).click();
    await phone.getByLabel('收货地址的邮政编码').fill('200001');
    await phone.getByRole('button', { name: '查询订单' }).click();
    await phone.getByRole('heading', { name: '订单 2001' }).waitFor();
    await phone.getByText('1 件 · 单价 ¥694.20').waitFor();
    // No picture in the catalogue for these: a neutral placeholder, not a broken image.
    expect(await phone.getByTestId('item-image-placeholder').count()).toBe(2);
    // Nothing spills sideways on a phone, and the store's name is whole.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const name = phone.getByTestId('store-name');
    expect(await name.textContent()).toBe('Aurora Outfitters (demo)');
    expect(
      await name.evaluate((el) => el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth),
    ).toBe(true);
    await shot(phone, 'zh-01-order-phone');

    await phone.getByRole('link', { name: '申请退货' }).click();
    await phone.getByLabel(/Wireless earbuds Pro/).check();
    await phone.getByRole('button', { name: '下一步', exact: true }).click();
    await phone.getByRole('radio', { name: '收到时已损坏' }).click();
    await phone.getByText('下一步请添加能看出问题的照片或短视频。').waitFor();
    await shot(phone, 'zh-02-reason-phone');
    await phone.getByRole('button', { name: '下一步', exact: true }).click();
    await phone.locator('input[type=file]').setInputFiles({ ...photo, name: 'earbuds.png' });
    await phone.getByRole('img', { name: '您的照片 earbuds.png' }).waitFor();
    await shot(phone, 'zh-03-photo-phone');
    await phone.getByRole('button', { name: '下一步', exact: true }).click();

    await phone.getByRole('radio', { name: /^店铺余额/ }).click();
    expect(await phone.getByTestId('store-credit-bonus').textContent()).toMatch(/^含 ¥\d+\.\d{2} 奖励$/);
    await shot(phone, 'zh-04-resolution-phone');
    await phone.getByRole('button', { name: '下一步', exact: true }).click();
    await phone.getByRole('radio', { name: /^送到快递网点/ }).click();
    await phone.getByRole('button', { name: '下一步', exact: true }).click();
    await phone.getByTestId('review-store-credit').waitFor();
    await shot(phone, 'zh-05-review-phone');
    await phone.getByTestId('submit-return').click();
    await phone.getByTestId('confirmation').getByText('退货申请已提交').waitFor();
    expect(await phone.getByTestId('return-status').textContent()).toBe('审核中');
    await phone.getByTestId('instructions').getByText('将包裹送到快递公司的网点或快递柜。').waitFor();
    // No label yet while the store reviews: nothing tells the customer to print one.
    expect(await phone.getByTestId('instructions').textContent()).not.toContain('面单');
    expect(await phone.getByTestId('label-button').count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'zh-06-confirmation-phone');
  });

  it('an EU customer withdraws from the contract through the art. 11a function', async () => {
    // Anna is still in her first order: she closes it and looks up the other one.
    await page.goto(portal('order'));
    await page.getByRole('button', { name: 'Bestellung schließen' }).click();
    await page.getByLabel('Bestellnummer').fill('1001');
    await page.getByLabel('E-Mail-Adresse der Bestellung').fill('anna.schmidt@example.de');
    await page.getByRole('button', { name: 'Bestellung suchen' }).click();
    await page.getByRole('heading', { name: 'Bestellung 1001' }).waitFor();
    await page.getByRole('link', { name: 'Vertrag hier widerrufen' }).click();
    await page.getByRole('heading', { name: 'Vertrag widerrufen' }).waitFor();
    expect(await page.getByLabel('Ihr Name').inputValue()).toBe('Anna Schmidt');
    expect(await page.getByLabel('Ihre E-Mail-Adresse').inputValue()).toBe('anna.schmidt@example.de');
    await shot(page, 'de-10-withdraw-form');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    // The second step: nothing is sent before "Widerruf bestätigen".
    await page.getByRole('heading', { name: 'Widerruf bestätigen' }).waitFor();
    expect(await page.getByTestId('withdraw-summary').textContent()).toContain('2 × Organic cotton tee');
    await shot(page, 'de-11-withdraw-confirm');
    await page.getByRole('button', { name: 'Widerruf bestätigen' }).click();

    await page.getByRole('heading', { name: 'Ihr Widerruf ist eingegangen' }).waitFor();
    const statement = (await page.getByTestId('withdrawal-statement').textContent()) ?? '';
    expect(statement).toMatch(
      /^Hiermit widerrufe ich, Anna Schmidt, den von mir abgeschlossenen Vertrag über den Kauf der folgenden Waren: 2 × Organic cotton tee \(M \/ White\)\. Bestellung 1001\. Erklärt am \d{1,2}\. \S+ \d{4} um \d{2}:\d{2}\.$/,
    );
    const declared = await page
      .getByTestId('withdrawal-declared-at')
      .locator('time')
      .getAttribute('datetime');
    expect(Math.abs(Date.now() - new Date(declared ?? 0).getTime())).toBeLessThan(60_000);
    await shot(page, 'de-12-withdraw-acknowledged');
    // The declaration is on the record of the return it opened.
    await page.getByRole('link', { name: 'Zur Rücksendung' }).click();
    await page.getByTestId('timeline').getByText('Widerruf des Vertrags eingegangen').waitFor();
  });

  it('a customer outside the window sees why, in words, and can read it in another language', async () => {
    const paris = fr.context.pages()[0] ?? (await fr.context.newPage());
    paris.setDefaultTimeout(10_000);
    await paris.goto(portal());
    await paris.getByLabel('Numéro de commande').fill('1004');
    await paris.getByLabel('Adresse e-mail utilisée pour la commande').fill('camille.martin@example.fr');
    await paris.getByRole('button', { name: 'Retrouver ma commande' }).click();
    await paris.getByRole('heading', { name: 'Commande 1004' }).waitFor();
    const line = paris.locator('[data-line=L1]');
    await line.getByText('Non retournable').waitFor();
    const why = line.locator('[data-code=outside_window]');
    expect(await why.textContent()).toMatch(
      /^Le délai de retour de cet article a expiré le \d{1,2} \S+ \d{4}.*Source : politique de retour de la boutique \(version \d+\)$/,
    );
    await line.getByTestId('line-outcome').getByText('Vous pouvez toujours signaler un défaut').waitFor();
    await line.getByText('Pourquoi\u00a0?').click();
    await why.waitFor();
    // Past the legal window too: no withdrawal button to press in vain.
    expect(await paris.getByTestId('withdraw-button').count()).toBe(0);
    await shot(paris, 'fr-01-outside-window');

    await paris.getByLabel('Langue').selectOption('en');
    await paris.getByRole('heading', { name: 'Order 1004' }).waitFor();
    if (!(await why.isVisible())) await line.getByText('Why not?').click();
    await why.getByText(/^The return period for this item ended on/).waitFor();
    expect(await paris.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(paris, 'fr-02-outside-window-in-english');
  });

  it('after too many lookups a Russian customer reads the wait in Russian, in seconds', async () => {
    const ru = await fr.context.newPage();
    ru.setDefaultTimeout(10_000);
    await ru.addInitScript(() => localStorage.setItem('aftersale.portal.language', 'ru'));
    await ru.goto(portal());
    await ru.getByLabel('Номер заказа').waitFor();
    // Use up the address's lookups (ten a minute) behind the page's back, then try once more.
    const statuses = await ru.evaluate(async (url) => {
      const out: number[] = [];
      for (let i = 0; i < 12; i++)
        out.push(
          (
            await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ order_number: 'X-1', email: 'x@example.ru' }),
            })
          ).status,
        );
      return out;
    }, `${server.url}/api/v1/portal/stores/demo/lookup`);
    expect(statuses.at(-1)).toBe(429);
    await ru.getByLabel('Номер заказа').fill('1007');
    await ru.getByLabel('Адрес эл. почты, указанный в заказе').fill('ivan@example.ru');
    await ru.getByRole('button', { name: 'Найти заказ' }).click();
    const alert = ru.getByRole('alert');
    await alert.getByText('Слишком много попыток').waitFor();
    const said = ((await alert.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(said).toMatch(/Подождите \d+ секунд(у|ы)? и попробуйте снова\.$/);
    expect(said).not.toMatch(/[A-Za-z]{3,}/); // no English from the server
    await shot(ru, 'ru-01-too-many-lookups');
    await ru.close();
  });
});
