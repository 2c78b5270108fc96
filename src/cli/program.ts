// The `aftersale` command's subcommands (src/cli/main.ts loads this). Each opens the database the
// same way the server does.
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config.ts';
import { registerCasesCommands } from './cases-commands.ts';
import { registerDataCommands } from './data-commands.ts';
import { registerRatesCommands } from './rates-commands.ts';
import { registerSecretsCommands } from './secrets-commands.ts';
import { registerServerCommands } from './server-commands.ts';

const program = new Command()
  .name('aftersale')
  .description('Returns and after-sales for cross-border stores')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerServerCommands(program, loadConfig);
registerDataCommands(program, loadConfig);
registerRatesCommands(program, loadConfig);
registerCasesCommands(program, loadConfig);
registerSecretsCommands(program, loadConfig);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`aftersale: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
