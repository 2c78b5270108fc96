// Suppliers' terms, the gaps between them and the store's promises, what each supplier may owe for,
// the monthly reconciliation and scorecards (claims: supplier-claims.routes.ts).
// Field names, routes and claim statuses are fixed by ../shared/API.md ("Suppliers").
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { supplierTermsSchema } from '../../domain/suppliers/terms.ts';
import { actorOf } from '../../http/auth.ts';
import { supplierGapReport } from './gaps.queries.ts';
import { supplierReconciliation } from './reconciliation.queries.ts';
import { supplierScorecard } from './scorecard.queries.ts';
import { getSupplier, saveSupplierTerms, supplierTermsHistory } from './supplier-terms.queries.ts';
import { unitsWithPosition } from './supplier-units.queries.ts';

const supplierParams = z.strictObject({ id: z.string().min(1).max(100) });
const day = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-11');

const unitView = (u: Awaited<ReturnType<typeof unitsWithPosition>>[number]) => ({
  source: u.source,
  case_id: u.case_id,
  case_number: u.case_number,
  case_kind: u.case_kind,
  order_number: u.order_number,
  line_id: u.line_id,
  sku: u.sku,
  title: u.title,
  quantity: u.quantity,
  reason: u.reason,
  grade: u.grade,
  supplier: u.supplier,
  position: u.position,
  value: u.value,
  unit_cost: u.unit_cost,
  claim: u.claim,
});

/** `analytics`: where the scorecard reads (a replica when one is configured) */
export const supplierRoutes =
  (database: Database, analytics: Database = database): FastifyPluginAsyncZod =>
  async (app) => {
    const db = database.db;

    app.get(
      '/api/v1/suppliers/gaps',
      {
        schema: {
          tags: ['suppliers'],
          summary:
            "Where the store's policy (held to the law's floor in each market) promises customers more than a supplier's terms give, with the units of the last `days` days that fell in each gap and their cost",
          querystring: z.strictObject({
            days: z.coerce.number().int().min(1).max(730).default(90),
            supplier: z.string().max(100).optional(),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) =>
        supplierGapReport(db, actorOf(request).storeId, {
          days: request.query.days,
          supplier: request.query.supplier,
        }),
    );

    app.get(
      '/api/v1/suppliers/reconciliation',
      {
        schema: {
          tags: ['suppliers'],
          summary:
            'A month per supplier: refunded and replaced for customers on its units, claimed, credited, and the difference, in the reporting currency',
          querystring: z.strictObject({
            month,
            supplier: z.string().max(100).optional(),
            format: z.enum(['json', 'csv']).default('json'),
          }),
        },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const r = await supplierReconciliation(
          db,
          actorOf(request).storeId,
          request.query.month,
          request.query.supplier,
        );
        if (request.query.format === 'json') return r;
        const csv = stringify(
          r.data.map((d) => ({
            supplier: d.supplier.code,
            name: d.supplier.name,
            currency: r.currency,
            refunded: d.refunded,
            replaced: d.replaced,
            claimed: d.claimed,
            credited: d.credited,
            difference: d.difference,
          })),
          { header: true },
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="supplier-reconciliation-${r.month}.csv"`)
          .send(csv);
      },
    );

    app.get(
      '/api/v1/suppliers/:id',
      {
        schema: {
          tags: ['suppliers'],
          summary: 'A supplier (by id or code) with its terms in force and every earlier version',
          params: supplierParams,
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const s = await getSupplier(db, storeId, request.params.id);
        return { ...s, versions: await supplierTermsHistory(db, storeId, s.id) };
      },
    );

    app.put(
      '/api/v1/suppliers/:id/terms',
      {
        schema: {
          tags: ['suppliers'],
          summary: "Saves the supplier's return terms as a new version (the same terms again save nothing)",
          params: supplierParams,
          querystring: z.strictObject({ expected_version: z.coerce.number().int().min(0).optional() }),
          body: supplierTermsSchema,
        },
        config: { permission: 'suppliers.write' },
      },
      async (request) => {
        const actor = actorOf(request);
        return db.transaction().execute(async (trx) => {
          const s = await getSupplier(trx, actor.storeId, request.params.id);
          const saved = await saveSupplierTerms(
            trx,
            actor.storeId,
            s.id,
            request.body,
            actor.label,
            request.query.expected_version,
          );
          return { ...saved, terms: request.body };
        });
      },
    );

    app.get(
      '/api/v1/suppliers/:id/claimable',
      {
        schema: {
          tags: ['suppliers'],
          summary:
            "The supplier's units the store took back (inspected) or lost, with the supplier's position on each: claimable until when, or why not, and the claim that already holds it",
          params: supplierParams,
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const s = await getSupplier(db, storeId, request.params.id);
        const units = await unitsWithPosition(
          db,
          storeId,
          { supplierCode: s.code, claimableOnly: true },
          new Date(),
        );
        return { data: units.map(unitView) };
      },
    );

    app.get(
      '/api/v1/cases/:id/supplier-positions',
      {
        schema: {
          tags: ['suppliers'],
          summary:
            "Per line of a return, item-problem or lost-parcel case: its supplier, the supplier's position (claimable until when, or why not) and its claim",
          params: z.strictObject({ id: z.uuid() }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const units = await unitsWithPosition(
          db,
          actorOf(request).storeId,
          { caseId: request.params.id },
          new Date(),
        );
        return { data: units.map(unitView) };
      },
    );

    app.get(
      '/api/v1/analytics/suppliers',
      {
        schema: {
          tags: ['analytics'],
          summary:
            'Supplier scorecards per supplier or per SKU: defect and wrong-item rates, claim acceptance, days to credit, money recovered (reporting currency); SKUs past the defect threshold as alerts; `format=csv` exports',
          querystring: z.strictObject({
            from: z.iso.datetime({ offset: true }).or(day).optional(),
            to: z.iso.datetime({ offset: true }).or(day).optional(),
            by: z.enum(['supplier', 'sku']).default('supplier'),
            supplier: z.string().max(100).optional(),
            threshold: z.coerce.number().min(0).max(1).default(0.05),
            min_units: z.coerce.number().int().min(1).max(1_000_000).default(10),
            format: z.enum(['json', 'csv']).default('json'),
          }),
        },
        config: { permission: 'read' },
      },
      async (request, reply) => {
        const { storeId } = actorOf(request);
        const q = request.query;
        const to = q.to ? new Date(q.to) : new Date();
        const from = q.from ? new Date(q.from) : new Date(to.getTime() - 90 * 86_400_000);
        const base = { from, to, supplier: q.supplier, threshold: q.threshold, min_units: q.min_units };
        // alerts are per SKU whatever the view: the SKU card is asked beside the supplier one
        const [card, skus] = await Promise.all([
          supplierScorecard(analytics.db, storeId, { ...base, by: q.by }),
          q.by === 'sku' || q.format === 'csv'
            ? null
            : supplierScorecard(analytics.db, storeId, { ...base, by: 'sku' }),
        ]);
        const alerts = skus ? skus.alerts : card.alerts;
        if (q.format === 'json') return { ...card, alerts };
        const csv = stringify(
          card.data.map((r) => ({
            ...(q.by === 'sku' ? { sku: r.key } : {}),
            supplier: r.supplier_code,
            name: r.name,
            units_sold: r.units_sold,
            seller_fault_units: r.seller_fault_units,
            wrong_item_units: r.wrong_item_units,
            item_problem_units: r.item_problem_units,
            defect_rate: r.defect_rate,
            wrong_item_rate: r.wrong_item_rate,
            claims: r.claims,
            acceptance_rate: r.acceptance_rate,
            mean_days_to_credit: r.mean_days_to_credit,
            [`recovered_${card.currency}`]: r.recovered,
          })),
          { header: true },
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="supplier-scorecard-by-${q.by}.csv"`)
          .send(csv);
      },
    );
  };
