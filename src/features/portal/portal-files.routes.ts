// The portal's file routes: photos and videos for the customer's own return, and its label.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { type EvidenceDeps, receiveEvidence } from '../cases/evidence.ts';
import { labelPdf } from '../returns/issue-label.ts';
import { getReturn } from '../returns/returns.queries.ts';
import { caseBelongsToOrder } from './portal.queries.ts';
import { portalIdentity } from './portal-auth.ts';
import type { PortalScope } from './portal-token.ts';

const params = z.object({ id: z.uuid() });

export function registerPortalFiles(
  app: FastifyInstance,
  database: Database,
  portalUrl: string,
  evidence: EvidenceDeps,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const mine = async (request: Parameters<typeof portalIdentity>[1], id: string, needs: PortalScope) => {
    const me = await portalIdentity(db, request, needs);
    if (!(await caseBelongsToOrder(db, me.actor.storeId, id, me.orderId)))
      throw new AppError('not_found', 'Return not found');
    return me;
  };

  typed.post(
    '/api/v1/portal/returns/:id/evidence',
    {
      schema: {
        tags: ['portal'],
        summary: 'Attach photos or a short video to the return (multipart/form-data)',
        security: [],
        params,
        consumes: ['multipart/form-data'],
      },
      config: { public: true },
    },
    async (request, reply) => {
      const me = await mine(request, request.params.id, 'full');
      const saved = await receiveEvidence(database, evidence, request, me.actor, request.params.id);
      return reply.status(201).send({
        data: saved.map(({ id, filename, content_type, size }) => ({ id, filename, content_type, size })),
      });
    },
  );

  typed.get(
    '/api/v1/portal/returns/:id/label.pdf',
    {
      schema: { tags: ['portal'], summary: 'The return label and packing slip (PDF)', security: [], params },
      config: { public: true },
    },
    async (request, reply) => {
      const me = await mine(request, request.params.id, 'status');
      const row = await getReturn(db, me.actor.storeId, request.params.id);
      if (!row) throw new AppError('not_found', 'Return not found');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${row.number}.pdf"`)
        .send(await labelPdf(db, me.actor.storeId, row, portalUrl));
    },
  );
}
