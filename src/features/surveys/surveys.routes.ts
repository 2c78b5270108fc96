import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import { portalIdentity } from '../portal/portal-auth.ts';
import { CSAT_GROUPS, csat } from './csat.queries.ts';
import { answerSurvey, surveyOf } from './surveys.ts';

const publicRoute = { public: true } as const;
const params = z.object({ case_id: z.uuid() });

/** `analytics`: where the CSAT figures read (a replica when one is configured) */
export const surveyRoutes =
  (database: Database, analytics: Database = database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/portal/surveys/:case_id',
      {
        schema: {
          tags: ['portal'],
          summary: "The satisfaction survey of a case of the portal token's order (the status link opens it)",
          security: [],
          params,
        },
        config: publicRoute,
      },
      async (request) => {
        const me = await portalIdentity(database.db, request, 'status');
        return surveyOf(database.db, me.actor.storeId, me.orderId, request.params.case_id);
      },
    );

    app.post(
      '/api/v1/portal/surveys/:case_id',
      {
        schema: {
          tags: ['portal'],
          summary:
            'Answer the survey once: a score of 1 to 5 and an optional comment; 2 or less opens a case for the team',
          security: [],
          params,
          body: z.strictObject({
            score: z.number().int().min(1).max(5),
            comment: z.string().trim().max(2000).nullable().default(null),
          }),
        },
        config: { ...publicRoute, rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const out = await database.db.transaction().execute(async (trx) => {
          const me = await portalIdentity(trx, request, 'status');
          return answerSurvey(trx, me.actor, me.orderId, request.params.case_id, request.body);
        });
        return reply.status(201).send(out);
      },
    );

    app.get(
      '/api/v1/analytics/csat',
      {
        schema: {
          tags: ['analytics'],
          summary:
            'Customer satisfaction from the surveys: responses, average score and CSAT (share of 4 and 5), overall and by week, product (SKU), reason (case kind or return reason) or agent',
          querystring: z.strictObject({
            group: z.enum(CSAT_GROUPS).default('week'),
            from: z.iso.date().optional(),
            to: z.iso.date().optional(),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => csat(analytics.db, actorOf(request).storeId, request.query),
    );
  };
