/** `focal consent import`: the participant register (consent columns included) from a CSV, as the app imports it. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { call, CliError, print, withProject, type Output } from '../cli-context';

export function registerConsentCommands(program: Command, output: (json: boolean) => Output): void {
  const consent = program.command('consent').description('the consent register');
  consent
    .command('import <project> <csv>')
    .description('import a participant register: name, pseudonym, role, group, mode, consent_recording, consent_quote, consent_named, withdrawn_on, …')
    .option('--json', 'machine-readable output')
    .action(async (project: string, file: string, o: { json?: boolean }) => {
      // The bytes, not UTF-8 text: the core decodes them as transcripts are (UTF-16, Windows-1252, mixed lines).
      let dataBase64: string;
      try {
        dataBase64 = readFileSync(file).toString('base64');
      } catch (e) {
        throw new CliError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      await withProject(project, async (core) => {
        const r = await call(core, 'participants-import-csv', { fileName: basename(file), dataBase64 });
        print(output(!!o.json), r, () => [`${r.created} participants added, ${r.updated} updated, ${r.groupsCreated} groups created`, ...r.warnings.map((w) => `warning: ${w}`)].join('\n'));
      });
    });
}
