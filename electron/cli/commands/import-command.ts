/** `focal import <project> <files…>`: the same import as the app's, one result line per file. */
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ImportFileResult } from '../../../shared/domain/project';
import type { FocalCore } from '../../core/app/focal-core';
import { call, CliError, print, withProject, type Output } from '../cli-context';

async function groupIdFor(core: FocalCore, name: string | undefined): Promise<number | undefined> {
  if (!name) return undefined;
  const all = await call(core, 'participants-list', {});
  const found = all.find((p) => p.kind === 'group' && p.name.normalize('NFC') === name.normalize('NFC'));
  if (found) return found.id;
  return (await call(core, 'participant-create', { name, kind: 'group' })).id;
}

const TITLE_FROM: Record<NonNullable<ImportFileResult['titleFrom']>, string> = {
  file: '',
  heading: ' (title from its first heading)',
  'file name': ' (title from the file name)',
};

/** `imported  otter.txt: "Hui at Porirua", 1200 words, tikanga-based, speakers: Mere, Hēmi; turns timed` */
function importedLine(r: ImportFileResult): string {
  const title = `"${r.title}"${r.titleFrom ? TITLE_FROM[r.titleFrom] : ''}`;
  const mode = r.mode === 'tikanga' ? ', tikanga-based' : '';
  const timed = r.timed ? '; turns timed' : '';
  return `imported  ${r.fileName}: ${title}, ${r.wordCount} words${mode}, speakers: ${(r.speakers ?? []).join(', ') || 'none'}${timed}`;
}

export function registerImportCommand(program: Command, output: (json: boolean) => Output): void {
  program
    .command('import <project> <files...>')
    .description('import transcripts (.txt .md .docx .vtt .srt .tsv .csv); one bad file never stops the others')
    .option('--mode <mode>', 'mainstream or tikanga (default: from each file\'s header, else mainstream)')
    .option('--group <name>', 'the group (focus group, rōpū) these sessions belong to; created if new')
    .option('--again', 'import files whose content is already in the project (default: skip them)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, files: string[], opts: { mode?: string; group?: string; again?: boolean; json?: boolean }) => {
      if (opts.mode && opts.mode !== 'mainstream' && opts.mode !== 'tikanga') {
        throw new CliError(`--mode must be mainstream or tikanga, not "${opts.mode}"`, 2);
      }
      await withProject(project, async (core) => {
        const groupId = await groupIdFor(core, opts.group);
        const results = await call(core, 'import-files', {
          files: files.map((f) => ({ name: basename(f), path: resolve(f) })),
          ...(opts.mode ? { mode: opts.mode as 'mainstream' | 'tikanga' } : {}),
          ...(groupId ? { groupId } : {}),
          onDuplicate: opts.again ? 'import' : 'ask',
        });
        const counts = { imported: 0, duplicate: 0, failed: 0 };
        for (const r of results) counts[r.status]++;
        print(output(!!opts.json), { ...counts, results }, () =>
          [
            ...results.flatMap((r) =>
              r.status === 'imported'
                ? [importedLine(r), ...(r.warnings ?? []).map((w) => `          warning: ${w}`)]
                : r.status === 'duplicate'
                  ? [`skipped   ${r.message} (use --again to import it anyway)`]
                  : [`failed    ${r.message}`],
            ),
            `${counts.imported} imported, ${counts.duplicate} skipped as duplicates, ${counts.failed} failed`,
          ].join('\n'),
        );
        if (counts.failed) process.exitCode = 1;
      });
    });
}
