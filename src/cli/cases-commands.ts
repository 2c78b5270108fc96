// `aftersale cases scan`: open the late and lost parcel cases due now (the server does this every
// 15 minutes by itself; the command is for cron on a server that runs without the scanner, or to see
// what it would open).
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { scanShipments } from '../features/cases/scan-shipments.ts';
import { withStore } from './context.ts';

export function registerCasesCommands(program: Command, loadConfig: () => Config): void {
  const cases = program.command('cases').description('After-sales cases other than returns');
  cases
    .command('scan')
    .description("Open a late or lost parcel case for every shipment past its route's threshold (once each)")
    .action(async () => {
      await withStore(loadConfig(), undefined, async ({ database }) => {
        const { opened } = await scanShipments(database.db);
        for (const o of opened)
          console.log(`${o.kind}  order ${o.order_id}  fulfillment ${o.fulfillment_id}  case ${o.case_id}`);
        console.log(`Opened ${opened.length} case(s).`);
      });
    });
}
