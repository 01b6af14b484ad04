/**
 * The `focal` command line: the same core and API as the app, for scripting and batch work.
 * Errors go to stderr as one line ("focal: <reason>") with exit code 1; usage errors exit 2.
 */
import { Command, CommanderError } from 'commander';
import { FOCAL_VERSION } from '../../shared/version';
import { CliError, type Output } from './cli-context';
import { registerCheckCommand } from './commands/check-commands';
import { registerCodeCommands } from './commands/code-commands';
import { registerConsentCommands } from './commands/consent-commands';
import { registerExportCommands } from './commands/export-commands';
import { registerImportCommand } from './commands/import-command';
import { registerProjectCommands } from './commands/project-commands';
import { registerTikangaCommands } from './commands/tikanga-commands';
import { registerSearchCommands } from './commands/search-commands';
import { registerPseudoCommands } from './commands/pseudo-commands';
import { registerKaitiakiCommands } from './commands/kaitiaki-commands';
import { registerShowCommand } from './commands/show-command';
import { registerCorrectCommand } from './commands/correct-command';
import { registerExchangeCommands, registerQdpxCommands } from './commands/exchange-commands';
import { registerMediaCommands } from './commands/media-commands';
import { registerTeamCommands } from './commands/team-commands';
import { registerSpeakersCommands } from './commands/speakers-commands';
import { registerQuotesCommand } from './commands/quotes-command';

export function buildProgram(write: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Command {
  const program = new Command('focal')
    .description('Focal: qualitative analysis of focus groups, hui and interviews')
    .version(FOCAL_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const output = (json: boolean): Output => ({ json, out: write });
  registerProjectCommands(program, output);
  registerImportCommand(program, output);
  registerCodeCommands(program, output);
  registerTikangaCommands(program, output);
  registerSearchCommands(program, output);
  registerConsentCommands(program, output);
  registerExportCommands(program, output);
  registerCheckCommand(program, output);
  registerPseudoCommands(program, output);
  registerKaitiakiCommands(program, output);
  registerShowCommand(program, output);
  registerCorrectCommand(program, output);
  registerExchangeCommands(program, output);
  registerQdpxCommands(program, output);
  registerMediaCommands(program, output);
  registerTeamCommands(program, output);
  registerSpeakersCommands(program, output);
  registerQuotesCommand(program, output);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    // A command that finished but had partial failures (e.g. one file of many) sets exitCode.
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed what they had to.
      return e.exitCode === 0 ? 0 : 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`focal: ${message.split('\n')[0]}\n`);
    return e instanceof CliError ? e.exitCode : 1;
  }
}

// Run when executed directly (bundled bin or tsx), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/focal(\.cjs|\.ts)?$/.test(entry)) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
