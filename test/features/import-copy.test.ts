// COPY runs on the connection of the transaction it is given (PostgreSQL: COPY FROM STDIN through
// pg-copy-streams on the pooled client Kysely holds; PGlite: COPY FROM '/dev/blob'), so a batch whose
// COPY the database refuses leaves nothing behind and is redone order by order, the refusal named.
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrdersCsv } from '../../src/features/orders/import-csv.ts';
import { type ImportItem, importOrders } from '../../src/features/orders/import-orders.ts';
import { type OrderInput, orderInputSchema } from '../../src/features/orders/orders.schemas.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // a value the table refuses and the order schema accepts: only the database can say no
  await sql`ALTER TABLE fulfillments ADD CONSTRAINT no_refused_post CHECK (carrier <> 'Refused Post')`.execute(
    t.database.db,
  );
});
afterAll(async () => {
  await t?.close();
});

const order = (n: number, carrier = 'DHL'): OrderInput => {
  const o = makeOrder({ external_id: `copy-${n}`, number: `C${n}`, customer: { email: `c${n}@example.de` } });
  const parcels = o.fulfillments as object[];
  expect(parcels.length).toBeGreaterThan(0);
  return orderInputSchema.parse({ ...o, fulfillments: parcels.map((f) => ({ ...f, carrier })) });
};

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

const count = async (table: 'orders' | 'order_lines' | 'payments' | 'fulfillments' | 'customers') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((e) => e.fn.countAll().as('n'))
        .where('store_id', '=', t.store.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('copyCsv', () => {
  it('writes inside the transaction it is given: a rollback takes its rows away', async () => {
    const before = await count('customers');
    const id = '00000000-0000-4000-8000-00000000c0b1';
    const copied = t.database.db.transaction().execute(async (trx) => {
      await t.database.copyCsv(
        trx,
        'customers',
        ['store_id', 'id', 'email', 'country'],
        `${t.store.id},${id},rolled-back@example.de,DE\n`,
      );
      const seen = await trx.selectFrom('customers').select('email').where('id', '=', id).execute();
      expect(seen).toEqual([{ email: 'rolled-back@example.de' }]);
      throw new Error('changed my mind');
    });
    await expect(copied).rejects.toThrow('changed my mind');
    expect(await count('customers')).toBe(before);
  });

  it('rejects with the refusal, and the connections stay usable', async () => {
    const copied = t.database.db
      .transaction()
      .execute((trx) =>
        t.database.copyCsv(
          trx,
          'customers',
          ['store_id', 'id', 'email', 'country'],
          `${t.store.id},not-a-uuid,bad@example.de,DE\n`,
        ),
      );
    await expect(copied).rejects.toThrow(/uuid/);
    // every pooled connection answers afterwards (none was left mid-COPY or in an aborted transaction)
    await Promise.all(
      Array.from({ length: 12 }, () =>
        t.database.db.transaction().execute((trx) => sql`SELECT 1`.execute(trx)),
      ),
    );
  });
});

describe('a batch whose COPY the database refuses', () => {
  let trace: string[];
  let summary: Awaited<ReturnType<typeof importOrders>>;
  beforeAll(async () => {
    trace = [];
    t.database.traceStatements(trace);
    try {
      summary = await importOrders(
        t.database,
        t.store.id,
        stream([order(1), order(2), order(3, 'Refused Post'), order(4)].map((o) => ({ order: o }))),
      );
    } finally {
      t.database.traceStatements(null);
    }
  });

  it('went by COPY, and the refusal came from the last COPY of the batch', () => {
    const copies = trace.filter((s) => s.startsWith('COPY'));
    // the batch: orders, lines, payments, then the parcels COPY refused
    expect(copies.slice(0, 4).map((s) => /^COPY "(\w+)"/.exec(s)?.[1])).toEqual([
      'orders',
      'order_lines',
      'payments',
      'fulfillments',
    ]);
  });

  it('is redone order by order: the others are stored, the refused one is named', () => {
    expect([summary.created, summary.updated]).toEqual([3, 0]);
    expect(summary.refused).toEqual([{ ref: 'copy-3', errors: [expect.stringMatching(/no_refused_post/)] }]);
  });

  it('leaves nothing of the refused order in any table', async () => {
    const stored = await t.database.db
      .selectFrom('orders')
      .select('external_id')
      .where('store_id', '=', t.store.id)
      .orderBy('external_id')
      .execute();
    expect(stored.map((o) => o.external_id)).toEqual(['copy-1', 'copy-2', 'copy-4']);
    const customers = await t.database.db
      .selectFrom('customers')
      .select('email')
      .where('store_id', '=', t.store.id)
      .where('email', '=', 'c3@example.de')
      .execute();
    expect(customers).toEqual([]);
    const one = order(1);
    expect(await count('order_lines')).toBe(3 * one.lines.length);
    expect(await count('payments')).toBe(3 * one.payments.length);
    expect(await count('fulfillments')).toBe(3 * one.fulfillments.length);
  });
});

// The reader goes on with the next batch while the database writes the one before (giving the event
// loop a turn every few orders so the write's statements go out meanwhile): what is counted,
// refused and reported must be what reading and writing one batch after the other gives.
describe('reading on while the batch before is written', () => {
  const N = 500;
  const BAD_PRICE = 257; // refused by the reader, in the second batch of 200
  const REFUSED_POST = 458; // refused by the database, in the third
  const HEADER =
    'order_number,external_id,currency,placed_at,customer_email,ship_name,ship_line1,ship_city,ship_country,sku,title,quantity,unit_price,carrier,tracking_number,shipped_at';
  // order i has 1 + i % 2 lines, so its rows are not its number
  const firstRow: number[] = [];
  const lines: string[] = [HEADER];
  for (let i = 0; i < N; i++) {
    firstRow.push(lines.length + 1);
    const carrier = i === REFUSED_POST ? 'Refused Post' : 'DHL';
    for (let j = 0; j <= i % 2; j++) {
      const price = i === BAD_PRICE && j === 1 ? '12.50' : '1250';
      lines.push(
        `R${i},pipe-${i},EUR,2026-03-01T10:00:00Z,buyer${i % 7}@example.de,Buyer,Street 1,Berlin,DE,SKU-${j},Item ${j},1,${price},${carrier},T${i},2026-03-02T10:00:00Z`,
      );
    }
  }
  const rowsOf = (i: number) => (i % 2 ? [firstRow[i], (firstRow[i] ?? 0) + 1] : [firstRow[i]]).join(', ');
  let summary: Awaited<ReturnType<typeof importOrders>>;
  const progress: number[] = [];
  // statements the database had finished when the reader handed over each order
  const finishedAt: number[] = [];
  // how many orders had been handed over when the event loop next ran a queued task
  const turnAt: number[] = [];
  beforeAll(async () => {
    const trace: string[] = [];
    async function* watched(items: AsyncIterable<ImportItem>) {
      for await (const item of items) {
        finishedAt.push(trace.length);
        // a task queued when the second batch's reading starts runs at the reader's next turn
        if (finishedAt.length === 201) setImmediate(() => turnAt.push(finishedAt.length));
        yield item;
      }
    }
    t.database.traceStatements(trace);
    try {
      const file = Readable.from([`${lines.join('\n')}\n`]);
      summary = await importOrders(
        t.database,
        t.store.id,
        watched(readOrdersCsv(file) as AsyncIterable<ImportItem>),
        (n) => progress.push(n),
        { batch: 200 },
      );
    } finally {
      t.database.traceStatements(null);
    }
  });

  it('counts every order once, in file order', () => {
    expect(progress).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect([summary.created, summary.updated]).toEqual([N - 2, 0]);
  });

  it("names the reader's refusal and the database's in later batches, with their rows", () => {
    expect(summary.refused).toEqual([
      {
        ref: `R${BAD_PRICE} (rows ${rowsOf(BAD_PRICE)})`,
        errors: [
          expect.stringMatching(new RegExp(`^row ${(firstRow[BAD_PRICE] ?? 0) + 1}: unit_price: "12.50"`)),
        ],
      },
      {
        ref: `pipe-${REFUSED_POST} (rows ${rowsOf(REFUSED_POST)})`,
        errors: [expect.stringMatching(/no_refused_post/)],
      },
    ]);
  });

  it('stored the others of the refused batch, and nothing of the refused orders', async () => {
    const stored = await t.database.db
      .selectFrom('orders')
      .select('external_id')
      .where('store_id', '=', t.store.id)
      .where('external_id', 'like', 'pipe-%')
      .execute();
    const ids = new Set(stored.map((o) => o.external_id));
    expect(ids.size).toBe(N - 2);
    expect([ids.has(`pipe-${BAD_PRICE}`), ids.has(`pipe-${REFUSED_POST}`), ids.has('pipe-459')]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('gives the event loop a turn while the first batch is written, so its statements go on', () => {
    // orders 201..400 are read while the first batch is written: the reader lets the event loop run
    // within a few orders (where the database's answers are read and the next statements sent), not
    // only once it is done with the chunk of the file it holds (here the whole file). How many
    // statements finish meanwhile is the machine's business: not asserted.
    expect(turnAt[0]).toBeLessThanOrEqual(201 + 8);
  });
});
