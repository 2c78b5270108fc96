// Talking with customers by email, in a real browser, on the demo store: a Chinese customer asks
// where her parcel is; an agent finds the mail in the inbox (language, intent, unread), opens the
// case, starts from the suggested reply in Chinese and sends it; the outbox then lists it. The
// owner edits the Russian "return rejected" email with a live preview, meets the check's refusal of
// an unknown variable, saves, and finds it edited after a reload. Screenshots land in
// test-results/screenshots/messages-*.png; every page photographed is held to zero serious or
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

interface Row {
  id: string;
  case_id: string;
  case_number: string;
  direction: string;
  status: string | null;
  language: string | null;
  intent: string | null;
  excerpt: string;
  read_at: string | null;
  order_number: string;
}

/** A customer's mail as a mail client sends it: UTF-8 subject (RFC 2047) and body (base64). */
function rawMail(from: string, subject: string, body: string, messageId: string): string {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [
    `From: =?UTF-8?B?${b64('王芳')}?= <${from}>`,
    'To: support@demo.aftersale.dev',
    `Subject: =?UTF-8?B?${b64(subject)}?=`,
    `Message-ID: <${messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    (b64(body).match(/.{1,76}/g) ?? []).join('\r\n'),
    '',
  ].join('\r\n');
}

describe('messages with customers in Chromium', () => {
  let server: RunningServer;
  let agentBrowser: Browser;
  let ownerBrowser: Browser;
  let agent: Page;
  let owner: Page;

  const shot = async (p: Page, name: string) => {
    // a full-page shot of a scrolled window paints the fixed header mid-page
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: `${SHOTS}/messages-${name}.png`, fullPage: true, animations: 'disabled' });
    expect(await axeViolations(p), name).toEqual([]);
  };

  /** Chromium leaves the sandboxed preview (its own process) blank in a full-page capture: grow the
   *  window to the page's height and take it as it stands instead. */
  const tallShot = async (p: Page, name: string) => {
    const size = p.viewportSize() ?? { width: 1366, height: 900 };
    const height = await p.evaluate(() => document.documentElement.scrollHeight);
    await p.setViewportSize({ width: size.width, height });
    await p.screenshot({ path: `${SHOTS}/messages-${name}.png`, animations: 'disabled' });
    expect(await axeViolations(p), name).toEqual([]);
    await p.setViewportSize(size);
  };

  const noHorizontalScroll = (p: Page) =>
    p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const old of readdirSync(SHOTS)) if (old.startsWith('messages-')) rmSync(join(SHOTS, old));
    [server, agentBrowser, ownerBrowser] = await Promise.all([
      startServer(),
      launchChromium(),
      launchChromium(),
    ]);
    agent = agentBrowser.context.pages()[0] ?? (await agentBrowser.context.newPage());
    owner = ownerBrowser.context.pages()[0] ?? (await ownerBrowser.context.newPage());
    agent.setDefaultTimeout(10_000);
    owner.setDefaultTimeout(10_000);
    await Promise.all([signIn(agent, server, 'agent'), signIn(owner, server, 'owner')]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([agentBrowser?.close(), ownerBrowser?.close()]);
    await server?.stop();
  });

  it('a Chinese customer asks where her parcel is; an agent answers with the suggested reply', async () => {
    // a customer of the demo store, who writes in Chinese; her latest order is the one she means
    const email = 'wang.fang@example.cn';
    const orders = await server.api<{ data: { number: string; placed_at: string }[] }>(
      'GET',
      `/api/v1/orders?email=${encodeURIComponent(email)}`,
    );
    expect(orders.data.length).toBeGreaterThan(0);

    // the customer writes in, as her mail client would send it
    const res = await fetch(`${server.url}/api/v1/inbound/email`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.ownerToken}`, 'content-type': 'message/rfc822' },
      body: rawMail(
        email,
        '我的包裹在哪里？',
        '您好，\n\n我几天前下了订单，但是到现在还没有收到包裹。请问我的包裹现在在哪里？什么时候能送到？\n\n谢谢！\n王芳',
        'wang-1@example.cn',
      ),
    });
    expect(res.status).toBe(201);
    const { case_id: caseId } = (await res.json()) as { case_id: string };
    const inbox = await server.api<{ data: Row[] }>('GET', `/api/v1/messages?direction=in&case_id=${caseId}`);
    const mail = inbox.data[0];
    if (!mail) throw new Error('the mail is not in the inbox');
    expect(mail.language?.startsWith('zh')).toBe(true);
    expect(mail.intent).toBe('where_is_my_order');
    expect(orders.data.map((o) => o.number)).toContain(mail.order_number);
    const unread = await server.api<{ total_messages: number }>('GET', '/api/v1/messages/unread');
    expect(unread.total_messages).toBeGreaterThan(0);

    // the navigation's badge counts what nobody has read yet
    await agent.goto(`${server.url}/console`);
    const navLink = agent.getByRole('link', { name: /Inbox/ });
    await navLink.getByText(String(unread.total_messages), { exact: true }).waitFor();

    await navLink.click();
    await agent.getByTestId('inbox-page').waitFor();
    const row = agent.locator(`[data-message="${mail.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-unread')).toBe('true');
    expect(await row.getByTestId('unread-dot').count()).toBe(1);
    expect(await row.getByTestId('subject').textContent()).toBe('我的包裹在哪里？');
    expect(await row.locator('[data-language]').getAttribute('data-language')).toBe(mail.language);
    expect(await row.locator('[data-intent]').textContent()).toBe('Where is my order?');
    expect(await row.textContent()).toContain(`From ${email}`);
    expect(await row.textContent()).toContain(`Order ${mail.order_number}`);
    expect(await agent.getByRole('radio', { name: `Inbox · ${unread.total_messages} unread` }).count()).toBe(
      1,
    );
    await shot(agent, 'inbox');

    // the case: opening it reads the mail; the suggested reply is in Chinese, from the parcel's facts
    await row.getByRole('link', { name: mail.case_number }).click();
    const conversation = agent.getByTestId('conversation');
    await conversation.waitFor();
    const incoming = conversation.locator(`[data-message="${mail.id}"]`);
    expect(await incoming.textContent()).toContain('我的包裹在哪里？');
    expect(await incoming.locator('[data-intent]').textContent()).toBe('Where is my order?');
    await expect
      .poll(
        async () =>
          (await server.api<{ data: Row[] }>('GET', `/api/v1/messages?direction=in&case_id=${caseId}`))
            .data[0]?.read_at,
      )
      .not.toBeNull();

    const suggestion = await server.api<{ body: string; language: string; intent: string }>(
      'GET',
      `/api/v1/cases/${caseId}/suggested-reply`,
    );
    expect(suggestion.language.startsWith('zh')).toBe(true);
    expect(suggestion.body).toMatch(/[\u4e00-\u9fff]/);
    await agent.getByRole('button', { name: 'Suggest reply' }).click();
    const box = agent.getByTestId('reply-body');
    await expect.poll(() => box.inputValue()).toBe(suggestion.body);
    expect(await agent.getByTestId('suggestion').locator('[data-language]').textContent()).toContain(
      suggestion.language,
    );
    await shot(agent, 'case-suggested-reply');

    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await agent.getByText('Sent: the reply is in the conversation and the outbox.').waitFor();
    expect(await box.inputValue()).toBe('');
    const replies = await server.api<{ data: (Row & { template: string })[] }>(
      'GET',
      `/api/v1/messages?direction=out&case_id=${caseId}`,
    );
    const reply = replies.data.find((m) => m.template === 'agent_reply');
    if (!reply) throw new Error('the reply is not in the outbox');
    // it shows in the conversation with its delivery state
    const sentBubble = conversation.locator(`[data-message="${reply.id}"]`);
    await sentBubble.waitFor();
    expect(await sentBubble.getAttribute('data-channel')).toBe('email');
    expect(await sentBubble.locator('[data-mail-status]').getAttribute('data-mail-status')).toBe(
      reply.status,
    );

    // the outbox, the mail catcher, lists it
    await agent.getByRole('link', { name: /Inbox/ }).click();
    await agent.getByTestId('inbox-page').waitFor();
    await agent.getByText('Outbox', { exact: true }).click();
    const outRow = agent.locator(`[data-message="${reply.id}"]`);
    await outRow.waitFor();
    expect(await outRow.getAttribute('data-direction')).toBe('out');
    expect(await outRow.locator('[data-mail-status]').getAttribute('data-mail-status')).toBe(reply.status);
    expect(await outRow.textContent()).toContain(`To ${email}`);
    expect(await outRow.textContent()).toContain(reply.excerpt.slice(0, 20));
    await shot(agent, 'outbox');
  });

  it('the owner edits the Russian “return rejected” email with a live preview', async () => {
    const sentence = 'Будем рады помочь вам с новым заказом.';
    await owner.goto(`${server.url}/console`);
    await owner.getByRole('link', { name: 'Customer emails' }).click();
    await owner.getByTestId('templates-page').waitFor();
    await owner.locator('[data-template="return_rejected"]').click();
    await owner.getByTestId('template-title').getByText('Return rejected').waitFor();
    await owner.getByTestId('template-language').click();
    await owner.getByRole('option', { name: /Russian \(ru\)/ }).click();

    const shipped = await server.api<{ body: string; subject: string }>(
      'GET',
      '/api/v1/message-templates/return_rejected/ru',
    );
    const body = owner.getByTestId('template-body');
    await expect.poll(() => body.inputValue()).toBe(shipped.body);
    expect(await owner.getByTestId('template-state').getAttribute('data-edited')).toBe('false');

    const edited = `${shipped.body}\n\n${sentence}`;
    await body.fill(edited);
    const frame = owner.frameLocator('[data-testid="preview-frame"]');
    await frame.getByText(sentence).waitFor();

    // an unknown variable: the check names it under the body, Save waits
    await body.fill(`${edited} {{foo}}`);
    const problems = owner.getByTestId('template-problems');
    await problems.getByText(/\{\{foo\}\} is not a variable of this message/).waitFor();
    expect(await problems.locator('[data-code="unknown_variable"]').count()).toBe(1);
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect(await owner.getByRole('button', { name: 'Save', exact: true }).first().isDisabled()).toBe(true);

    await body.fill(edited);
    await problems.waitFor({ state: 'detached' });
    await frame.getByText(sentence).waitFor();
    await owner.getByTestId('template-editor').getByRole('button', { name: 'Save', exact: true }).click();
    await owner.getByText('Saved: customers receive this text from now on.').waitFor();
    await owner.getByTestId('template-state').getByText("Store's own text").waitFor();
    await tallShot(owner, 'template-editor');

    const stored = await server.api<{ body: string; edited: boolean }>(
      'GET',
      '/api/v1/message-templates/return_rejected/ru',
    );
    expect(stored).toMatchObject({ body: edited, edited: true });

    await owner.reload();
    await owner.getByTestId('templates-page').waitFor();
    await expect.poll(() => owner.getByTestId('template-body').inputValue()).toBe(edited);
    expect(await owner.getByTestId('template-state').getAttribute('data-edited')).toBe('true');
    expect(await owner.locator('[data-template="return_rejected"] [data-edited="ru"]').count()).toBe(1);
    await owner.frameLocator('[data-testid="preview-frame"]').getByText(sentence).waitFor();
  });

  it('the inbox fits a phone', async () => {
    await agent.setViewportSize({ width: 390, height: 844 });
    await agent.goto(`${server.url}/console/inbox`);
    await agent.getByTestId('message-list').waitFor();
    expect(await noHorizontalScroll(agent)).toBe(true);
    await shot(agent, 'inbox-phone');
    await agent.getByText('Outbox', { exact: true }).click();
    await agent.locator('[data-direction="out"]').first().waitFor();
    expect(await noHorizontalScroll(agent)).toBe(true);
  });
});
