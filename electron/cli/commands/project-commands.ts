/** `focal new` and `focal info`. */
import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { call, CliError, makeCore, print, withProject, type Output } from '../cli-context';

export function registerProjectCommands(program: Command, output: (json: boolean) => Output): void {
  program
    .command('new <file>')
    .description('create a new project file (.focal)')
    .option('--name <name>', 'project name (default: the file name)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { name?: string; json?: boolean }) => {
      const path = resolve(extname(file) ? file : `${file}.focal`);
      const name = opts.name ?? basename(path, extname(path));
      const core = makeCore();
      try {
        const info = await call(core, 'project-new', { name, path });
        if (!info) throw new CliError('the project was not created');
        print(output(!!opts.json), { path: info.path, name: info.name, schemaVersion: info.schemaVersion }, () => `Created ${info.name} at ${info.path}`);
      } finally {
        core.dispose();
      }
    });

  program
    .command('backup <project> <copy>')
    .description('save a complete copy of a project (safe while the app has it open); the .focal file is the whole project')
    .option('--coder <name>', "make it a coder's copy: the coder's name is recorded in it, for focal merge")
    .option('--json', 'machine-readable output')
    .action(async (file: string, copy: string, opts: { coder?: string; json?: boolean }) => {
      const target = resolve(extname(copy) ? copy : `${copy}.focal`);
      if (existsSync(target)) throw new CliError(`${target} already exists; choose another name for the copy`);
      await withProject(file, async (core) => {
        if (opts.coder !== undefined) {
          const r = await call(core, 'team-copy-save', { coder: opts.coder, path: target });
          if (!r) throw new CliError('no copy was written');
          print(output(!!opts.json), r, () => `Saved ${r.coder}'s copy of the project to ${r.path}`);
          return;
        }
        core.host.chooseExportPath = async () => target;
        const r = await call(core, 'project-backup', {});
        if (!r) throw new CliError('no copy was written');
        print(output(!!opts.json), r, () => `Saved a copy of the project to ${r.path}`);
      });
    });

  program
    .command('info <file>')
    .description('show a project: name, format version, counts')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      await withProject(file, async (core) => {
        const info = await call(core, 'project-info', {});
        if (!info) throw new CliError('no project is open');
        const flat = { path: info.path, name: info.name, schemaVersion: info.schemaVersion, createdAt: info.createdAt, ...info.counts };
        print(output(!!opts.json), flat, () =>
          [
            `${info.name}  (${info.path})`,
            `format version ${info.schemaVersion}, created ${info.createdAt}`,
            `${info.counts.sources} sources, ${info.counts.participants} participants, ${info.counts.codes} codes, ${info.counts.codings} codings, ${info.counts.memos} memos`,
          ].join('\n'),
        );
      });
    });
}
