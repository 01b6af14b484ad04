/** `focal check`: every consent and pseudonymisation problem in a project, each with its fix. Exit 1 when any is an error. */
import type { Command } from 'commander';
import { call, print, withProject, type Output } from '../cli-context';
import { viewNotExport } from '../talk-flags';

export function registerCheckCommand(program: Command, output: (json: boolean) => Output): void {
  viewNotExport(program.command('check <project>'))
    .description('list consent and pseudonymisation problems (unmapped speakers, missing consent or pseudonyms, pending identifiers, withdrawals, tikanga records)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { json?: boolean }) => {
      await withProject(project, async (core) => {
        const problems = await call(core, 'project-check', {});
        const errors = problems.filter((p) => p.severity === 'error').length;
        print(output(!!o.json), { errors, warnings: problems.length - errors, problems }, () =>
          problems.length
            ? [...problems.map((p) => `${p.severity === 'error' ? 'error  ' : 'warning'}  ${p.kind}: ${p.message}\n         fix: ${p.fix}`), `${errors} error(s), ${problems.length - errors} warning(s)`].join('\n')
            : 'No consent or pseudonymisation problems found.',
        );
        if (errors) process.exitCode = 1;
      });
    });
}
