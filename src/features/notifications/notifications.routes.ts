import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { daytimeSchema } from '../../domain/notifications/local-hours.ts';
import { actorOf } from '../../http/auth.ts';
import { pageQuery } from '../../http/pagination.ts';
import { LANGUAGES } from '../../i18n/index.ts';
import { listAllMessages, unreadCounts } from './message-list.ts';
import { markRead, replyToCustomer } from './reply.ts';
import {
  getTemplate,
  listTemplates,
  previewTemplate,
  resetTemplate,
  saveTemplate,
} from './template-editor.ts';
import { TEMPLATE_KEYS } from './templates.ts';
import { unsubscribe } from './unsubscribe.ts';

const templateParams = z.object({ key: z.enum(TEMPLATE_KEYS), language: z.enum(LANGUAGES) });
const templateBody = z.strictObject({
  subject: z.string().max(300),
  body: z.string().max(10_000),
});

export const settingsSchema = z.strictObject({
  /** when news may reach a customer, in their own time zone */
  daytime: daytimeSchema.default({ from: '08:00', to: '20:00', quiet_days: [] }),
  /** where customers' replies go (Reply-To); empty: the From address */
  reply_to: z.email().nullable().default(null),
  /** days after a resolved case that the satisfaction survey goes; null: no survey */
  survey_after_days: z.number().int().min(0).max(60).nullable().default(3),
});

export const notificationRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/messages',
      {
        schema: {
          tags: ['messages'],
          summary:
            'Messages in and out across cases, newest first: the inbox (`direction=in`, `unread=true`) and the outbox, the mail the store sent or keeps (`direction=out`, `status=`); `q` searches the text, subject, addresses and numbers',
          querystring: z.strictObject({
            direction: z.enum(['in', 'out', 'internal']).optional(),
            status: z.enum(['queued', 'held', 'sent', 'failed']).optional(),
            channel: z.string().max(50).optional(),
            unread: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
            q: z.string().trim().min(1).max(200).optional(),
            case_id: z.uuid().optional(),
            ...pageQuery,
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => listAllMessages(database.db, actorOf(request).storeId, request.query),
    );

    app.get(
      '/api/v1/messages/unread',
      {
        schema: {
          tags: ['messages'],
          summary: 'Unread customer messages, per case kind (the queues’ badges)',
        },
        config: { permission: 'read' },
      },
      async (request) => unreadCounts(database.db, actorOf(request).storeId),
    );

    app.post(
      '/api/v1/cases/:id/reply',
      {
        schema: {
          tags: ['messages'],
          summary:
            'Write to the customer by email from the case (greeting and sign-off in their language, threaded on their last message, sent at once)',
          params: z.object({ id: z.uuid() }),
          body: z.strictObject({ body: z.string().trim().min(1).max(20_000) }),
        },
        config: { permission: 'messages.send' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const out = await database.db
          .transaction()
          .execute((trx) => replyToCustomer(trx, actor, request.params.id, request.body));
        return reply.status(201).send(out);
      },
    );

    app.post(
      '/api/v1/cases/:id/messages/read',
      {
        schema: {
          tags: ['messages'],
          summary: "Mark the customer's messages on the case as read",
          params: z.object({ id: z.uuid() }),
        },
        config: { permission: 'messages.send' },
      },
      async (request) => ({
        marked: await database.db
          .transaction()
          .execute((trx) => markRead(trx, actorOf(request).storeId, request.params.id)),
      }),
    );

    app.get(
      '/api/v1/message-templates',
      {
        schema: {
          tags: ['messages'],
          summary:
            'Every message the store sends: what it says, when it goes, its variables, the languages the store edited',
        },
        config: { permission: 'read' },
      },
      async (request) => ({
        data: await listTemplates(database.db, actorOf(request).storeId),
        languages: LANGUAGES,
      }),
    );

    app.get(
      '/api/v1/message-templates/:key/:language',
      {
        schema: {
          tags: ['messages'],
          summary:
            "A template in a language: the store's text (or the shipped one) and the shipped one beside it",
          params: templateParams,
        },
        config: { permission: 'read' },
      },
      async (request) =>
        getTemplate(database.db, actorOf(request).storeId, request.params.key, request.params.language),
    );

    app.put(
      '/api/v1/message-templates/:key/:language',
      {
        schema: {
          tags: ['messages'],
          summary:
            "Save the store's own text of a template in a language; refused (400, `problems`) when it uses a variable the message does not have or its subject lacks the number",
          params: templateParams,
          body: templateBody,
        },
        config: { permission: 'messages.settings' },
      },
      async (request) => {
        const actor = actorOf(request);
        return database.db
          .transaction()
          .execute((trx) =>
            saveTemplate(trx, actor, request.params.key, request.params.language, request.body),
          );
      },
    );

    app.delete(
      '/api/v1/message-templates/:key/:language',
      {
        schema: {
          tags: ['messages'],
          summary: 'Go back to the shipped text of a template in a language',
          params: templateParams,
        },
        config: { permission: 'messages.settings' },
      },
      async (request) =>
        database.db
          .transaction()
          .execute((trx) =>
            resetTemplate(trx, actorOf(request).storeId, request.params.key, request.params.language),
          ),
    );

    app.post(
      '/api/v1/message-templates/:key/:language/preview',
      {
        schema: {
          tags: ['messages'],
          summary:
            'The message as a customer would receive it (subject, text, HTML) with sample values, and what the check finds',
          params: templateParams,
          body: templateBody,
        },
        config: { permission: 'read' },
      },
      async (request) =>
        previewTemplate(
          database.db,
          actorOf(request).storeId,
          request.params.key,
          request.params.language,
          request.body,
        ),
    );

    app.get(
      '/api/v1/notifications/settings',
      {
        schema: {
          tags: ['messages'],
          summary: 'When news may go out (customer daytime, quiet days), the reply address, the survey',
        },
        config: { permission: 'read' },
      },
      async (request) => readSettings(database, actorOf(request).storeId),
    );

    app.put(
      '/api/v1/notifications/settings',
      {
        schema: {
          tags: ['messages'],
          summary: 'Set when news may go out, the reply address and the survey',
          body: settingsSchema,
        },
        config: { permission: 'messages.settings' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        await database.db
          .updateTable('stores')
          .set({ notification_settings: JSON.stringify(request.body) })
          .where('id', '=', storeId)
          .execute();
        return readSettings(database, storeId);
      },
    );

    // RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click`; a person
    // following the link gets a page with one button.
    const unsubscribeQuery = z.object({ t: z.string().min(10).max(2000) });
    app.post(
      '/unsubscribe',
      {
        schema: {
          tags: ['messages'],
          summary: 'One-click unsubscribe from news (RFC 8058)',
          querystring: unsubscribeQuery,
          hide: false,
        },
        config: { public: true },
      },
      async (request, reply) => {
        await unsubscribe(database, request.query.t);
        return reply
          .type('text/html; charset=utf-8')
          .send(
            page(
              'You are unsubscribed: no more delivery news by email. Answers to your own requests still reach you.',
            ),
          );
      },
    );
    app.get(
      '/unsubscribe',
      { schema: { hide: true, querystring: unsubscribeQuery }, config: { public: true } },
      async (_request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(
            page(
              'Stop delivery news by email? Answers to your own requests still reach you.',
              `<form method="post"><button type="submit">Unsubscribe</button></form>`,
            ),
          ),
    );
  };

const page = (text: string, extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Unsubscribe</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><p>${text}</p>${extra}</body></html>`;

async function readSettings(database: Database, storeId: string) {
  const row = await database.db
    .selectFrom('stores')
    .select('notification_settings')
    .where('id', '=', storeId)
    .executeTakeFirstOrThrow();
  const parsed = settingsSchema.safeParse(row.notification_settings ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}
