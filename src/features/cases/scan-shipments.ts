// Parcels that crossed their route's threshold open their own case, once: a shipment not delivered
// after `delivery_delay` days gets a delivery_delay case, after `lost_parcel` days a lost_parcel
// case. Run by the server every few minutes and by `aftersale cases scan`; the case's dedupe key
// (one per parcel and kind) makes a second run, or two servers at once, open nothing twice.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { shipmentClock } from '../../domain/cases/shipment-clock.ts';
import { AppError } from '../../domain/errors.ts';
import { policySchema } from '../../domain/policy/policy.schema.ts';
import { createCaseSchema } from './cases.schemas.ts';
import { createCase } from './create-case.ts';

const DAY = 86_400_000;

export interface ScanResult {
  opened: { store_id: string; order_id: string; fulfillment_id: string; kind: string; case_id: string }[];
}

export async function scanShipments(db: Kysely<DB>, now = new Date(), limit = 500): Promise<ScanResult> {
  const opened: ScanResult['opened'] = [];
  const stores = await db
    .selectFrom('stores as s')
    .innerJoin(
      db
        .selectFrom('policies')
        .select(['store_id', sql<number>`max(version)`.as('version')])
        .groupBy('store_id')
        .as('latest'),
      'latest.store_id',
      's.id',
    )
    .innerJoin('policies as p', (j) =>
      j.onRef('p.store_id', '=', 's.id').onRef('p.version', '=', 'latest.version'),
    )
    .select(['s.id', 'p.document'])
    .execute();
  for (const store of stores) {
    const policy = policySchema.parse(store.document);
    if (!policy.cases.open_shipment_cases) continue;
    const days = [
      policy.cases.delivery_delay.after_days,
      ...policy.cases.delivery_delay.routes.map((r) => r.after_days),
      policy.cases.lost_parcel.after_days,
      ...policy.cases.lost_parcel.routes.map((r) => r.after_days),
    ];
    const soonest = new Date(now.getTime() - Math.min(...days) * DAY);
    const candidates = await db
      .selectFrom('fulfillments as f')
      .innerJoin('orders as o', 'o.id', 'f.order_id')
      .select([
        'f.order_id',
        'f.fulfillment_id',
        'f.shipped_at',
        'f.delivered_at',
        'f.origin_country',
        'o.destination_country',
      ])
      .where('f.store_id', '=', store.id)
      .where('f.delivered_at', 'is', null)
      .where('f.shipped_at', '<=', soonest)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('cases as c')
              .select('c.id')
              .where('c.store_id', '=', store.id)
              .where(
                'c.dedupe_key',
                '=',
                sql<string>`'lost:' || f.order_id::text || ':' || f.fulfillment_id`,
              ),
          ),
        ),
      )
      .orderBy('f.shipped_at')
      .limit(limit)
      .execute();
    for (const f of candidates) {
      const clock = shipmentClock(
        {
          shipped_at: f.shipped_at?.toISOString() ?? null,
          delivered_at: null,
          origin_country: f.origin_country,
        },
        f.destination_country,
        policy,
        now,
      );
      const kind = clock.is_lost ? 'lost_parcel' : clock.is_late ? 'delivery_delay' : null;
      if (!kind) continue;
      const actor = { storeId: store.id, role: 'owner' as const, label: 'system:shipment_scan' };
      try {
        const id = await db.transaction().execute((trx) =>
          createCase(
            trx,
            actor,
            createCaseSchema.parse({
              kind,
              order_id: f.order_id,
              data: { fulfillment_id: f.fulfillment_id },
            }),
            now,
          ),
        );
        opened.push({
          store_id: store.id,
          order_id: f.order_id,
          fulfillment_id: f.fulfillment_id,
          kind,
          case_id: id,
        });
      } catch (err) {
        // already covered (a customer or another server was first): nothing to open
        if (err instanceof AppError && err.code === 'conflict') continue;
        // two transactions inserting the same dedupe key: the unique index refused the second
        if (err instanceof Error && /cases_dedupe|duplicate key/.test(err.message)) continue;
        throw err;
      }
    }
  }
  return { opened };
}

/** Scans every `intervalMs` in the background; returns a stop function. */
export function startShipmentScanner(db: Kysely<DB>, log: (err: unknown) => void, intervalMs = 15 * 60_000) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = scanShipments(db)
      .catch(log)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  let timer = setTimeout(tick, 5_000);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
