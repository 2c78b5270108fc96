// `aftersale secrets rotate`: seal every stored integration secret again with AFTERSALE_SECRET_KEY,
// after a new key was set and the old one moved to AFTERSALE_SECRET_KEY_PREVIOUS. Once it reports
// none left on the old key, AFTERSALE_SECRET_KEY_PREVIOUS can be removed.
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { SecretBox } from '../integrations/secret-box.ts';
import { CliError } from './context.ts';

export function registerSecretsCommands(program: Command, loadConfig: () => Config): void {
  const secrets = program.command('secrets').description("The integrations' sealed secrets");
  secrets
    .command('rotate')
    .description('Seal every integration secret again with AFTERSALE_SECRET_KEY (reads the previous key too)')
    .action(async () => {
      const config = loadConfig();
      if (config.secretKeys.length === 0)
        throw new CliError('Set AFTERSALE_SECRET_KEY (and AFTERSALE_SECRET_KEY_PREVIOUS) first');
      const box = new SecretBox(config.secretKeys);
      const database = await openDatabase(config);
      try {
        await migrate(database);
        const rows = await database.db
          .selectFrom('integrations')
          .select(['store_id', 'provider', 'secrets'])
          .execute();
        let resealed = 0;
        for (const r of rows) {
          if (!r.secrets || box.isCurrent(r.secrets)) continue;
          await database.db
            .updateTable('integrations')
            .set({ secrets: box.seal(box.open(r.secrets)) })
            .where('store_id', '=', r.store_id)
            .where('provider', '=', r.provider)
            .execute();
          resealed++;
        }
        console.log(
          `Sealed ${resealed} integration(s) again; ${rows.length - resealed} were on the current key.`,
        );
      } finally {
        await database.close();
      }
    });
}
