// Claims against suppliers (../shared/API.md, "Suppliers"): built from the units a supplier may owe
// for or by hand, moved by their steps, settled by credits, and sent as a document by email.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { CLAIM_STATUSES } from '../../domain/suppliers/claims.ts';
import { actorOf } from '../../http/auth.ts';
import type { FileStore } from '../../integrations/storage/file-store.ts';
import { claimDocumentCsv, claimDocumentPdf } from './claim-document.ts';
import { getClaimView, listClaims } from './claim-view.ts';
import { claimStep, deleteDraftClaim, recordClaimMessage } from './claims.ts';
import { createClaim } from './create-claim.ts';

const claimParams = z.strictObject({ id: z.uuid() });
const text = (max: number) => z.string().trim().max(max);
const day = z.iso.date();

export const supplierClaimRoutes =
  (database: Database, files: FileStore): FastifyPluginAsyncZod =>
  async (app) => {
    const db = database.db;

    app.get(
      '/api/v1/supplier-claims',
      {
        schema: {
          tags: ['suppliers'],
          summary: 'Claims against suppliers, newest first',
          querystring: z.strictObject({
            status: z.enum(CLAIM_STATUSES).optional(),
            supplier: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => ({ data: await listClaims(db, actorOf(request).storeId, request.query) }),
    );

    app.post(
      '/api/v1/supplier-claims',
      {
        schema: {
          tags: ['suppliers'],
          summary:
            "Builds a draft claim against one supplier: from named return lines or cases, from every claimable unit not yet claimed (`all_claimable`), or from lines entered by hand; amounts in the supplier's currency",
          body: z
            .strictObject({
              supplier: z.string().min(1).max(100),
              all_claimable: z.boolean().default(false),
              items: z
                .array(z.strictObject({ case_id: z.uuid(), line_id: z.string().min(1).max(100).optional() }))
                .max(500)
                .default([]),
              manual_lines: z
                .array(
                  z.strictObject({
                    description: text(500).min(1),
                    sku: text(200).optional(),
                    reason: text(100).min(1),
                    quantity: z.number().int().min(1).max(100_000),
                    amount: z.number().int().min(0).max(1e12),
                  }),
                )
                .max(200)
                .default([]),
              despite_terms: z.boolean().default(false),
              note: text(2000).default(''),
            })
            .refine((b) => b.all_claimable || b.items.length > 0 || b.manual_lines.length > 0, {
              message: 'name items, manual_lines or all_claimable',
              path: ['items'],
            }),
        },
        config: { permission: 'claims.write' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const view = await db.transaction().execute(async (trx) => {
          const id = await createClaim(trx, actor, request.body);
          return getClaimView(trx, actor.storeId, id);
        });
        return reply.code(201).send(view);
      },
    );

    app.get(
      '/api/v1/supplier-claims/:id',
      {
        schema: {
          tags: ['suppliers'],
          summary: 'A claim with its lines, evidence, credits and timeline',
          params: claimParams,
        },
        config: { permission: 'read' },
      },
      async (request) => getClaimView(db, actorOf(request).storeId, request.params.id),
    );

    app.delete(
      '/api/v1/supplier-claims/:id',
      {
        schema: {
          tags: ['suppliers'],
          summary: 'Deletes a draft claim; its units become claimable again',
          params: claimParams,
        },
        config: { permission: 'claims.write' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await db.transaction().execute((trx) => deleteDraftClaim(trx, actor, request.params.id));
        return reply.code(204).send();
      },
    );

    const step = <S extends z.ZodObject>(
      name: string,
      summary: string,
      body: S,
      permission: 'claims.write' | 'claims.credit',
      toInput: (b: z.output<S>) => Parameters<typeof claimStep>[3],
    ) =>
      app.post(
        `/api/v1/supplier-claims/:id/${name}`,
        { schema: { tags: ['suppliers'], summary, params: claimParams, body }, config: { permission } },
        async (request) => {
          const actor = actorOf(request);
          return db.transaction().execute(async (trx) => {
            await claimStep(trx, actor, request.params.id, toInput(request.body as z.output<S>));
            return getClaimView(trx, actor.storeId, request.params.id);
          });
        },
      );

    step(
      'send',
      'Sends a draft claim to the supplier: by email with the claim as PDF and CSV when the supplier has an address (or `email: true`), else marked sent by hand (`email: false`)',
      z.strictObject({ note: text(2000).default(''), email: z.boolean().nullable().default(null) }),
      'claims.write',
      (b) => ({ step: 'send', note: b.note, email: b.email }),
    );
    step(
      'acknowledge',
      'The supplier acknowledged the claim (with its own reference)',
      z.strictObject({ supplier_reference: text(200).nullable().default(null) }),
      'claims.write',
      (b) => ({ step: 'acknowledge', supplier_reference: b.supplier_reference || null }),
    );
    step(
      'accept',
      'The supplier accepted the claim: in full, or per line for less (then partly_accepted)',
      z.strictObject({
        lines: z
          .array(z.strictObject({ id: z.uuid(), accepted_amount: z.number().int().min(0).max(1e12) }))
          .max(500)
          .nullable()
          .default(null),
        note: text(2000).default(''),
      }),
      'claims.write',
      (b) => ({ step: 'accept', lines: b.lines, note: b.note }),
    );
    step(
      'reject',
      'The supplier rejected the claim',
      z.strictObject({ reason: text(2000).min(1) }),
      'claims.write',
      (b) => ({ step: 'reject', reason: b.reason }),
    );
    step(
      'credit',
      "Records a credit, refund or replacement the supplier gave against the claim, once per the supplier's reference; the claim is credited once they reach what was accepted",
      z.strictObject({
        kind: z.enum(['credit', 'replacement', 'refund']).default('credit'),
        amount: z.number().int().min(0).max(1e12),
        units: z.number().int().min(0).max(100_000).default(0),
        reference: text(200).min(1),
        received_on: day,
        note: text(2000).default(''),
      }),
      'claims.credit',
      (b) => ({ step: 'credit', ...b }),
    );

    app.post(
      '/api/v1/supplier-claims/:id/messages',
      {
        schema: {
          tags: ['suppliers'],
          summary:
            "A message to the supplier by email (`email: true`, in the claim's thread), or one said elsewhere (phone, chat) recorded by hand; the supplier's mail replies arrive on the claim by themselves (inbound email)",
          params: claimParams,
          body: z.strictObject({
            direction: z.enum(['in', 'out']),
            body: text(10_000).min(1),
            email: z.boolean().default(false),
          }),
        },
        config: { permission: 'claims.write' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const view = await db.transaction().execute(async (trx) => {
          await recordClaimMessage(trx, actor, request.params.id, request.body);
          return getClaimView(trx, actor.storeId, request.params.id);
        });
        return reply.code(201).send(view);
      },
    );

    app.get(
      '/api/v1/supplier-claims/:id/document.pdf',
      {
        schema: {
          tags: ['suppliers'],
          summary: 'The claim as a document to send the supplier (PDF, with the photos)',
          params: claimParams,
        },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const doc = await claimDocumentPdf(db, files, storeId, request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${doc.number}.pdf"`)
          .send(doc.pdf);
      },
    );

    app.get(
      '/api/v1/supplier-claims/:id/document.csv',
      {
        schema: { tags: ['suppliers'], summary: "The claim's lines as CSV", params: claimParams },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const view = await getClaimView(db, actorOf(request).storeId, request.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${view.number}.csv"`)
          .send(claimDocumentCsv(view));
      },
    );
  };
