/**
 * `focal correct`: correct a transcript's words from the command line, as the app's "Correct
 * transcript" mode does (one undo step; codings and every other range follow the words).
 * Occurrences are found in the text as this person may see it, so a restricted passage they may
 * not read is masked and never matched (no yes/no oracle).
 */
import type { Command } from 'commander';
import type { CorrectionResult } from '../../../shared/domain/corrections';
import { call, CliError, print, withProject, type Output } from '../cli-context';

export function registerCorrectCommand(program: Command, output: (json: boolean) => Output): void {
  program
    .command('correct <project>')
    .description("correct a transcript's words: replace TEXT (exactly as written) with another; codings, quotes, marks and turns follow; one undo step")
    .requiredOption('--source <id>', 'the transcript (its id, as `focal info`/the app show)')
    .requiredOption('--find <text>', 'the words to correct, exactly as written in the transcript')
    .requiredOption('--replace <text>', 'what they should say')
    .option('--all', 'correct every occurrence (without it, the words must occur exactly once)')
    .option('--dry-run', 'only say what would be trimmed or removed')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source: string; find: string; replace: string; all?: boolean; dryRun?: boolean; json?: boolean }) => {
      const sourceId = Number(o.source);
      if (!Number.isInteger(sourceId) || sourceId < 1) throw new CliError(`--source wants a transcript id (a whole number), not '${o.source}'`, 2);
      const find = o.find.normalize('NFC');
      if (!find) throw new CliError('--find wants the words to correct, not an empty string', 2);
      await withProject(project, async (core) => {
        const s = await call(core, 'source-get', { sourceId });
        const at: number[] = [];
        for (let i = s.text.indexOf(find); i >= 0; i = s.text.indexOf(find, i + find.length)) at.push(i);
        if (!at.length) throw new CliError(`${project}: "${find}" is not in "${s.title}"`);
        if (at.length > 1 && !o.all) throw new CliError(`${project}: "${find}" occurs ${at.length} times in "${s.title}" (at ${at.slice(0, 5).join(', ')}${at.length > 5 ? ', …' : ''}); add --all to correct every one, or give more of the words`);
        const edits = at.map((start) => ({ start, end: start + find.length, text: o.replace }));
        const r: CorrectionResult = await call(core, 'source-correct', { sourceId, edits, preview: !!o.dryRun });
        print(output(!!o.json), r, () => summary(s.title, r));
      });
    });
}

function summary(title: string, r: CorrectionResult): string {
  const c = (n: { kept: number; changed: number; trimmed: number; removed: number }, what: string) => `${what}: ${n.changed} changed, ${n.trimmed} trimmed, ${n.removed} removed, ${n.kept} untouched`;
  const lines = [
    `${r.saved ? 'Corrected' : 'Would correct'} ${r.edits} ${r.edits === 1 ? 'place' : 'places'} in "${title}"${r.saved ? ' (undo in the app: Edit › Undo)' : ' (dry run: nothing saved)'}`,
    c(r.codings, 'codings'),
    c(r.quotes, 'quotes'),
    c(r.marks, 'marks, labels, parts, annotations'),
  ];
  for (const x of r.removed) lines.push(`  removed ${x.kind} ${x.id} at ${x.start}–${x.end}${x.code ? ` (${x.code})` : ''}: its words were all replaced`);
  if (r.quotesSentBack.length) lines.push(`quotes whose words changed go back to be checked: ${r.quotesSentBack.join(', ')}`);
  if (r.statementsLapsed) lines.push(`${r.statementsLapsed} signed kaitiaki decisions named the text before; they no longer count for the corrected text`);
  lines.push(`SHA-256 ${r.sha256Before.slice(0, 12)}… → ${r.sha256After.slice(0, 12)}…`);
  return lines.join('\n');
}
