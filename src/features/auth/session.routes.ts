import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { guarded, signInTarget } from './guess-limit.ts';
import { changeOwnPassword } from './manage-users.ts';
import { SESSION_COOKIE, SESSION_HOURS, signIn, signOut } from './sessions.ts';

export const sessionRoutes =
  (database: Database, options: { secureCookies: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'Staff sign-in: sets the session cookie, answers with the CSRF token',
          security: [],
          body: z.strictObject({
            email: z.string().min(3).max(320),
            password: z.string().min(1).max(500),
            store: z.string().max(100).optional(),
          }),
        },
        config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const db = database.db;
        const session = await guarded(db, signInTarget(request.body.email), () =>
          db.transaction().execute((trx) => signIn(trx, request.body)),
        );
        const { token, expires_at, ...view } = session;
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          path: '/',
          maxAge: SESSION_HOURS * 3600,
        });
        return view;
      },
    );

    app.get(
      '/api/v1/session',
      { schema: { tags: ['auth'], summary: 'The signed-in user, store and CSRF token' } },
      async (request) => {
        if (!request.session)
          throw new AppError('unauthorized', 'Not signed in (API tokens have no session)');
        return request.session;
      },
    );

    app.post(
      '/api/v1/session/password',
      {
        schema: {
          tags: ['auth'],
          summary: "Change the signed-in user's password (other sessions of the account end)",
          body: z.strictObject({
            current_password: z.string().min(1).max(500),
            new_password: z.string().min(1).max(500),
          }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const session = request.cookies[SESSION_COOKIE];
        await database.db
          .transaction()
          .execute((trx) => changeOwnPassword(trx, actor, request.body, session));
        return reply.status(204).send();
      },
    );

    app.delete(
      '/api/v1/session',
      { schema: { tags: ['auth'], summary: 'Sign out' } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await database.db.transaction().execute((trx) => signOut(trx, token));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
  };
