import { Command, InvalidArgumentError } from 'commander';
import { HeraldApiError } from '@herald/webhooks/client';
import { registerApiCommands } from './api-commands.js';
import { registerReceiveCommand } from './receive-command.js';
import { registerServerCommands } from './server-commands.js';

const program = new Command()
  .name('herald')
  .description('Herald: self-hosted webhook delivery. Server commands run Herald; the rest call its API.')
  .version('0.1.0')
  .showHelpAfterError();

registerServerCommands(program);
registerApiCommands(program);
registerReceiveCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof InvalidArgumentError) console.error(err.message);
  else if (err instanceof HeraldApiError) {
    const { status, title, detail, errors } = err.problem;
    console.error(`herald: ${status} ${title}: ${detail}${(errors ?? []).map((e) => `\n  ${e.field}: ${e.message}`).join('')}`);
  }
  else console.error(`herald: ${(err as Error)?.message || String(err)}`);
  process.exitCode = 1;
});
