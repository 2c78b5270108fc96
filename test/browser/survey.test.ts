// The satisfaction survey in a real browser: a Brazilian customer opens the survey link on a phone,
// rates 2 with a comment, and the agent finds the new case in the console's question queue.
// Screenshots land in test-results/screenshots/survey-*.png; each page is held to zero serious or
// critical axe violations.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { type Browser, launchChromium } from './chromium.ts';
import { type RunningServer, startServer } from './server.ts';
import { signIn } from './sign-in.ts';

const SHOTS = 'test-results/screenshots';
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('the satisfaction survey', () => {
  let server: RunningServer;
  let customer: Browser;
  let team: Browser;

  const shot = async (p: Page, name: string) => {
    await p.screenshot({ path: `${SHOTS}/survey-${name}.png`, fullPage: true, animations: 'disabled' });
    expect(await axeViolations(p), name).toEqual([]);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const old of readdirSync(SHOTS)) if (old.startsWith('survey-')) rmSync(join(SHOTS, old));
    [server, customer, team] = await Promise.all([
      startServer(),
      launchChromium({ locale: 'pt-BR' }),
      launchChromium(),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([customer?.close(), team?.close()]);
    await server?.stop();
  });

  it('a customer rates 2 on a phone, and the team sees the new case', async () => {
    await server.api('POST', '/api/v1/orders', {
      number: 'BR-7001',
      currency: 'BRL',
      placed_at: ago(30),
      customer: { email: 'joana@example.com.br', name: 'Joana Souza', language: 'pt-BR' },
      shipping_address: {
        name: 'Joana Souza',
        line1: 'Rua A 1',
        city: 'São Paulo',
        postal_code: '01000-000',
        country: 'BR',
      },
      lines: [{ id: 'L1', sku: 'LAMP-1', title: 'Luminária', quantity: 1, unit_price: 15990, tax: 0 }],
      shipping: { amount: 1500, tax: 0 },
      payments: [{ provider: 'manual', reference: 'pix-1', amount: 17490 }],
      fulfillments: [
        {
          id: 'F1',
          lines: [{ line_id: 'L1', quantity: 1 }],
          carrier: 'Correios',
          tracking_number: 'BR123',
          shipped_at: ago(25),
          delivered_at: ago(20),
        },
      ],
    });
    const order = (await server.api<{ data: { id: string }[] }>('GET', '/api/v1/orders?number=BR-7001'))
      .data[0] as {
      id: string;
    };
    const opened = await server.api<{ id: string; number: string }>('POST', '/api/v1/cases', {
      kind: 'inquiry',
      order_id: order.id,
      data: { subject: 'Nota fiscal', message: 'Preciso da nota fiscal do pedido.' },
    });
    await server.api('POST', `/api/v1/cases/${opened.id}/resolve`, {
      resolution: { type: 'none', message: 'Enviamos a nota fiscal por e-mail.' },
    });
    // the survey is queued for the customer's daytime three days from now
    const msgs = await server.api<{ data: { template: string; status: string; action: { path: string } }[] }>(
      'GET',
      `/api/v1/cases/${opened.id}/messages`,
    );
    const survey = msgs.data.find((m) => m.template === 'survey');
    expect(survey?.status).toBe('held');
    expect(survey?.action.path).toBe(`survey/${opened.id}`);

    // the email's link: the order's 60-day status link to the survey page
    const lookup = await fetch(`${server.url}/api/v1/portal/stores/demo/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order_number: 'BR-7001', email: 'joana@example.com.br', language: 'pt-BR' }),
    });
    const { status_token } = (await lookup.json()) as { status_token: string };
    const page = customer.context.pages()[0] ?? (await customer.context.newPage());
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/returns/demo/${survey?.action.path}#t=${status_token}`);
    await page.getByRole('heading', { name: 'Como nos saímos?' }).waitFor();
    await page.getByText(`Sobre o seu chamado ${opened.number}`).waitFor();
    await page.getByTestId('survey-score').getByText('2', { exact: true }).click();
    await page
      .getByLabel('Quer nos contar mais alguma coisa? (opcional)')
      .fill('Demorou demais para responder.');
    await shot(page, 'pt-rating');
    await page.getByRole('button', { name: 'Enviar resposta' }).click();
    await page.getByTestId('survey-thanks').waitFor();
    expect(await page.getByTestId('survey-thanks').textContent()).toContain('Uma pessoa da nossa equipe');
    const noHorizontalScroll = await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
    expect(noHorizontalScroll).toBe(true);
    await shot(page, 'pt-thanks');

    // the team: a new question case, high priority, with the customer's words
    const agent = team.context.pages()[0] ?? (await team.context.newPage());
    agent.setDefaultTimeout(10_000);
    await signIn(agent, server, 'agent');
    await agent.goto(`${server.url}/console/cases/queue/inquiry`);
    const follow = agent.getByRole('link', { name: /^C-/ }).first();
    await follow.waitFor();
    const cases = await server.api<{ data: { id: string; number: string; data: { source?: string } }[] }>(
      'GET',
      '/api/v1/cases?kind=inquiry&status=open',
    );
    const created = cases.data.find((c) => c.number !== opened.number);
    expect(created).toBeDefined();
    await agent.getByRole('link', { name: created?.number as string }).click();
    await agent.getByText('Demorou demais para responder.').first().waitFor();
    await shot(agent, 'console-new-case');

    // and the analytics page counts the answer: CSAT 0 %, average 2
    await agent.goto(`${server.url}/console/analytics`);
    const csat = agent.getByTestId('csat');
    await csat.getByText('CSAT 0 % · average 2 of 5 · answers: 1').waitFor();
    await csat.getByText('Reason', { exact: true }).click();
    await csat.getByRole('cell', { name: 'Question' }).waitFor();
    await shot(agent, 'console-csat');
  });
});
