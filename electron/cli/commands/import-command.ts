/** `focal import <project> <files…>`: the same import as the app's, one result line per file. */
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ImportFileResult } from '../../../shared/domain/project';
import { call, CliError, print, withProject, type Output } from '../cli-context';

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
        // The group is found or created by the core with the first file that imports: a batch in
        // which every file fails creates no group.
        const results = await call(core, 'import-files', {
          files: files.map((f) => ({ name: basename(f), path: resolve(f) })),
          ...(opts.mode ? { mode: opts.mode as 'mainstream' | 'tikanga' } : {}),
          ...(opts.group ? { groupName: opts.group } : {}),
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
        // Errors go to stderr as the README promises (`focal: <file>: <problem>`), as well as in the summary.
        for (const r of results) {
          if (r.status !== 'failed') continue;
          const message = r.message ?? 'could not be imported';
          const problem = message.startsWith(`${r.fileName}: `) ? message.slice(r.fileName.length + 2) : message;
          process.stderr.write(`focal: ${r.fileName}: ${problem}\n`);
        }
        if (counts.failed) process.exitCode = 1;
      });
    });
}
