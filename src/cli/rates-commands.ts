// `aftersale rates import FILE.csv` and `aftersale rates list`: a store's exchange rates from the
// command line, e.g. a bank's daily reference rates imported by cron.
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { Config } from '../config.ts';
import { readRatesCsv } from '../features/rates/import-rates-csv.ts';
import { listRates, upsertRates } from '../features/rates/rates.queries.ts';
import { withStore } from './context.ts';

const storeOption = new Option('--store <slug>', 'the store to act on (default: the first store)');

export function registerRatesCommands(program: Command, loadConfig: () => Config): void {
  const rates = program.command('rates').description("The store's exchange rates");
  rates
    .command('import')
    .description('Import rates from CSV (columns day,base,quote,rate); bad rows are listed, good ones saved')
    .argument('<file>', 'a CSV file')
    .addOption(storeOption)
    .action(async (file: string, opts: { store?: string }) => {
      const csv = readRatesCsv(readFileSync(file, 'utf8'));
      await withStore(loadConfig(), opts.store, async ({ database, store }) => {
        await database.db.transaction().execute((trx) => upsertRates(trx, store.id, csv.rates, 'cli'));
        console.log(`Saved ${csv.rates.length} rate(s) for ${store.slug}.`);
        for (const r of csv.refused) console.log(`  line ${r.line}: ${r.errors.join('; ')}`);
      });
      if (csv.refused.length) process.exitCode = 1;
    });
  rates
    .command('list')
    .description('The rates in force on a day (default: today), one pair per line')
    .option('--day <YYYY-MM-DD>', 'the day', new Date().toISOString().slice(0, 10))
    .addOption(storeOption)
    .action(async (opts: { day: string; store?: string }) => {
      await withStore(loadConfig(), opts.store, async ({ database, store }) => {
        for (const r of await listRates(database.db, store.id, { day: opts.day }))
          console.log(`${r.day}  1 ${r.base} = ${r.rate} ${r.quote}`);
      });
    });
}
