import { createReadStream, existsSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command, Option } from 'commander';
import type { Config } from '../config.ts';
import { upsertSuppliers } from '../features/catalog/catalog.queries.ts';
import { getIntegration } from '../features/integrations/integrations.queries.ts';
import { readOrdersCsv } from '../features/orders/import-csv.ts';
import { readOlist, readOlistSuppliers } from '../features/orders/import-olist.ts';
import { type ImportItem, type ImportSummary, importOrders } from '../features/orders/import-orders.ts';
import { secretKeysFor } from '../integrations/local-secret-key.ts';
import { SecretBox } from '../integrations/secret-box.ts';
import { shopifyAdmin } from '../integrations/shopify/admin-client.ts';
import { readShopifyOrders } from '../integrations/shopify/read-orders.ts';
import { readWooOrders, wooClient } from '../integrations/woocommerce/read-orders.ts';
import { CliError, withStore } from './context.ts';

/** Prints what was taken and what was refused, with the reasons (the first 50 in full). */
export function printSummary(s: ImportSummary, what: string): void {
  console.log(
    `${what}: ${s.created} created, ${s.updated} updated, ${s.refused.length} refused in ${s.seconds.toFixed(1)} s`,
  );
  for (const r of s.refused.slice(0, 50)) console.log(`  refused ${r.ref}: ${r.errors.join('; ')}`);
  if (s.refused.length > 50) console.log(`  ... and ${s.refused.length - 50} more`);
}

function sinceOf(text: string): Date {
  const since = new Date(text);
  if (Number.isNaN(since.getTime())) throw new CliError(`--since "${text}" is not a date`);
  return since;
}

/** A store's connection to a platform, its API key opened with the server's secret key. */
async function connection(config: Config, store: string | undefined, provider: 'shopify' | 'woocommerce') {
  return withStore(config, store, async ({ database, store: s }) => {
    const row = await getIntegration(database.db, s.id, provider);
    const secrets = row?.secrets
      ? (JSON.parse(new SecretBox(secretKeysFor(config)).open(row.secrets)) as { api_key?: string })
      : {};
    return {
      apiKey: secrets.api_key ?? null,
      baseUrl: row?.base_url ?? null,
      shopDomain: row?.shop_domain ?? null,
    };
  });
}

export async function runImport(
  config: Config,
  store: string | undefined,
  what: string,
  items: AsyncIterable<ImportItem>,
  total?: number,
) {
  await withStore(config, store, async ({ database, store: s }) => {
    const bar = new SingleBar({
      format: `${what} [{bar}] {value}${total ? '/{total}' : ''} orders`,
      hideCursor: true,
      noTTYOutput: false,
      stream: process.stderr,
    });
    bar.start(total ?? 0, 0);
    const summary = await importOrders(database, s.id, items, (n) => bar.update(n));
    bar.stop();
    printSummary(summary, what);
    if (summary.created + summary.updated === 0 && summary.refused.length > 0) process.exitCode = 1;
  });
}

export function registerImportCommands(
  program: Command,
  loadConfig: () => Config,
  storeOption: Option,
): void {
  const imp = program.command('import').description('Import orders');
  imp
    .command('orders')
    .description(
      'Import orders from a CSV file (columns: docs/import-orders-csv.md); re-running replaces by external_id',
    )
    .argument('<file>', 'the CSV file')
    .addOption(storeOption)
    .action(async (file: string, opts: { store?: string }) => {
      if (!existsSync(file)) throw new CliError(`No such file: ${file}`);
      await runImport(loadConfig(), opts.store, 'CSV import', readOrdersCsv(createReadStream(file)));
    });

  imp
    .command('olist')
    .description('Import the Olist public dataset (orders, items, customers, products, sellers as suppliers)')
    .argument('<dir>', 'the folder with orders.csv, order_items.csv, customers.csv, products.csv ...')
    .option('--payments <file>', 'olist_order_payments_dataset.csv, used where it covers an order')
    .option('--sellers <file>', "olist_sellers_dataset.csv, for the suppliers' city and state")
    .addOption(storeOption)
    .action(async (dir: string, opts: { store?: string; payments?: string; sellers?: string }) => {
      if (!existsSync(`${dir}/orders.csv`))
        throw new CliError(`${dir} has no orders.csv: is it the Olist folder?`);
      const files = { payments: opts.payments ?? null, sellers: opts.sellers ?? null };
      const config = loadConfig();
      const suppliers = await readOlistSuppliers(dir, files);
      await withStore(config, opts.store, async ({ database, store }) => {
        await database.db.transaction().execute((trx) =>
          upsertSuppliers(
            trx,
            store.id,
            suppliers.map((s) => ({ code: s.code, name: s.name, country: s.country, email: null })),
          ),
        );
      });
      console.log(`Suppliers: ${suppliers.length}`);
      const items = (async function* () {
        for await (const r of readOlist(dir, files))
          yield 'order' in r ? r : { external_id: r.external_id, errors: r.errors };
      })();
      await runImport(config, opts.store, 'Olist import', items);
    });

  imp
    .command('shopify')
    .description(
      "Backfill a Shopify store's orders through the Admin API (the integration's shop_domain and api_key, an Admin API access token)",
    )
    .requiredOption('--since <date>', 'orders created after this day or instant (ISO 8601)')
    .addOption(storeOption)
    .action(async (opts: { since: string; store?: string }) => {
      const config = loadConfig();
      const since = sinceOf(opts.since);
      const c = await connection(config, opts.store, 'shopify');
      if (!c.apiKey || !(c.shopDomain || c.baseUrl))
        throw new CliError(
          'Connect Shopify first: PUT /api/v1/integrations/shopify with shop_domain and api_key',
        );
      const client = shopifyAdmin({ shopDomain: c.shopDomain, accessToken: c.apiKey, baseUrl: c.baseUrl });
      const items = readShopifyOrders(client, since, {
        onTotal: (n) => console.error(`Shopify: ${n} order(s) since ${since.toISOString()}`),
      });
      await runImport(config, opts.store, 'Shopify backfill', items);
    });

  imp
    .command('woocommerce')
    .description(
      'Backfill a WooCommerce store\'s orders through its REST API (the integration\'s base_url and api_key "ck_…:cs_…")',
    )
    .requiredOption('--since <date>', 'orders placed after this day or instant (ISO 8601)')
    .addOption(storeOption)
    .action(async (opts: { since: string; store?: string }) => {
      const config = loadConfig();
      const since = sinceOf(opts.since);
      const c = await connection(config, opts.store, 'woocommerce');
      if (!c.baseUrl || !c.apiKey)
        throw new CliError(
          'Connect WooCommerce first: PUT /api/v1/integrations/woocommerce with base_url (the shop) and api_key "ck_…:cs_…"',
        );
      const items = readWooOrders(wooClient({ url: c.baseUrl, apiKey: c.apiKey }), since, {
        onTotal: (n) => console.error(`WooCommerce: ${n} order(s) since ${since.toISOString()}`),
      });
      await runImport(config, opts.store, 'WooCommerce backfill', items);
    });
}
