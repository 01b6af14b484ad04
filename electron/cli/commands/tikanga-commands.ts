/** `focal frame templates|template`, `focal glossary import|list|lookup`, `focal parts`: kaupapa Māori work from the command line. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { partKindLabel } from '../../../shared/domain/tikanga';
import { fold } from '../../../shared/text/fold';
import { call, CliError, print, withProject, type Output } from '../cli-context';
import { flagText, talkFlagger, viewNotExport } from '../talk-flags';

export function registerTikangaCommands(program: Command, output: (json: boolean) => Output): void {
  const frame = program.command('frame').description('kaupapa Māori code frames from templates');
  frame
    .command('templates <project>')
    .description('list the frame templates offered (Te Whare Tapa Whā, Te Wheke, Meihana, values)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { json?: boolean }) => {
      await withProject(project, async (core) => {
        const list = await call(core, 'frame-templates-list', {});
        print(output(!!o.json), list, () => list.map((t) => `${t.id}\t${t.name} (${t.codeCount} codes): ${t.topLevel.join(', ')}`).join('\n'));
      });
    });
  frame
    .command('template <project> <template>')
    .description('create a kaupapa Māori frame from a template, by id or name (e.g. "Te Whare Tapa Whā")')
    .option('--name <name>', 'name of the new frame (default: the template name)')
    .option('--skip <codes...>', 'top-level codes to leave out (e.g. Whenua)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, template: string, o: { name?: string; skip?: string[]; json?: boolean }) => {
      await withProject(project, async (core) => {
        const list = await call(core, 'frame-templates-list', {});
        const t = list.find((x) => x.id === template || fold(x.name) === fold(template));
        if (!t) throw new CliError(`no frame template "${template}"; templates: ${list.map((x) => x.id).join(', ')}`);
        const made = await call(core, 'frame-from-template', { template: t.id, ...(o.name ? { name: o.name } : {}), ...(o.skip ? { skip: o.skip } : {}) });
        print(output(!!o.json), made, () => `Created the kaupapa Māori frame "${made.frame.name}" with ${made.codes} codes`);
      });
    });

  const glossary = program.command('glossary').description('the project glossary of te reo Māori terms');
  glossary
    .command('import <project> [csv]')
    .description('add terms from a CSV (term, gloss, notes); without a file, the starter glossary')
    .option('--json', 'machine-readable output')
    .action(async (project: string, csv: string | undefined, o: { json?: boolean }) => {
      await withProject(project, async (core) => {
        const res = await call(core, 'glossary-import', csv ? { fileName: basename(csv), csv: readFileSync(csv, 'utf8') } : {});
        print(output(!!o.json), res, () => [`Added ${res.added} terms; ${res.skipped} already in the glossary`, ...res.warnings].join('\n'));
      });
    });
  glossary
    .command('list <project>')
    .description('the glossary, term by term')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { json?: boolean }) => {
      await withProject(project, async (core) => {
        const list = await call(core, 'glossary-list', {});
        print(output(!!o.json), list, () => list.map((e) => `${e.term}\t${e.gloss}`).join('\n'));
      });
    });

  viewNotExport(program.command('parts <project>'))
    .description('the parts of a tikanga-based session (opening, kōrero, closing), recorded or not; a recorded part over withdrawn, declined or restricted talk is flagged')
    .requiredOption('--source <id>', 'transcript id')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const flag = talkFlagger(core);
        const listed = await call(core, 'session-parts-list', { sourceId: Number(o.source) });
        const parts = await Promise.all(listed.map(async (p) => ({ ...p, flags: p.recorded && p.start !== null && p.end !== null ? await flag(Number(o.source), p.start, p.end) : [] })));
        print(output(!!o.json), parts, () =>
          parts
            .map((p) => `${flagText(p.flags)}${p.phase}\t${partKindLabel(p.kind)}\t${p.recorded ? `recorded ${p.start}–${p.end}${p.released ? ' (released)' : ''}` : 'not recorded'}${p.ledByLabel ? `\tled by ${p.ledByLabel}` : ''}`)
            .join('\n'),
        );
      });
    });
}
