/**
 * `focal pseudo scan` lists the identifiers detected in a project (grouped, with counts and an
 * example); `focal pseudo accept-all` turns every pending one into a rule with its suggested
 * replacement. Both print on the analyst's own terminal; neither writes transcript text anywhere.
 */
import type { Command } from 'commander';
import type { ScanGroup } from '../../../shared/domain/pseudonyms';
import { call, CliError, print, withProject, type Output } from '../cli-context';
import { flagText, talkFlagger, viewNotExport, type TalkFlag } from '../talk-flags';

function sourceId(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`--source wants a source id (a whole number, see focal info), not '${value}'`, 2);
  return n;
}

const STATUS: Record<ScanGroup['status'], string> = { pending: 'pending', rule: 'covered', 'not-identifying': 'not identifying' };

function line(g: ScanGroup & { examples: Array<ScanGroup['examples'][number] & { flags: TalkFlag[] }> }): string {
  const ex = g.examples[0];
  const context = ex ? `  …${ex.before.slice(-30)}[${ex.match}]${ex.after.slice(0, 30)}…` : '';
  return `${STATUS[g.status].padEnd(16)}${g.kind.padEnd(14)}${String(g.count).padStart(3)}×  ${g.text} → ${g.suggestion}\n${''.padEnd(36)}${ex ? `${flagText(ex.flags)}${ex.sourceTitle}:` : ''}${context}`;
}

export function registerPseudoCommands(program: Command, output: (json: boolean) => Output): void {
  const pseudo = program.command('pseudo').description('pseudonymisation: detected identifiers and replacement rules');
  viewNotExport(pseudo.command('scan <project>'))
    .description('list detected identifiers (names, places, organisations, NHI, phone, email, …) with their status and suggested replacement (inside restricted passages: kind and place only)')
    .option('--source <id>', 'only this source')
    .option('--pending', 'only candidates nobody has decided yet')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source?: string; pending?: boolean; json?: boolean }) => {
      await withProject(project, async (core) => {
        const sid = sourceId(o.source);
        const scanned = await call(core, 'pseudo-scan', { ...(sid ? { sourceId: sid } : {}), ...(o.pending ? { status: 'pending' as const } : {}) });
        const flag = talkFlagger(core);
        const r = { ...scanned, groups: await Promise.all(scanned.groups.map(async (g) => ({ ...g, examples: await Promise.all(g.examples.map(async (e) => ({ ...e, flags: await flag(e.sourceId, e.start, e.end) }))) }))) };
        print(output(!!o.json), r, () =>
          [
            `${r.counts.pending} pending, ${r.counts.rule} covered by rules or pseudonyms, ${r.counts.notIdentifying} marked not identifying (${r.groups.length} distinct, ${r.sources} sources)`,
            ...r.groups.map(line),
            ...(r.counts.pending ? ['Review them in the app (Pseudonyms), or run: focal pseudo accept-all <project>'] : []),
          ].join('\n'),
        );
      });
    });
  pseudo
    .command('accept-all <project>')
    .description('turn every pending candidate into a rule with its suggested replacement')
    .option('--source <id>', 'only candidates in this source')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source?: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const sid = sourceId(o.source);
        const r = await call(core, 'pseudo-accept-all', sid ? { sourceId: sid } : {});
        print(output(!!o.json), r, () => (r.created ? `${r.created} rules added, covering ${r.candidates} places in the text` : 'Nothing pending: every detected identifier is already covered or decided.'));
      });
    });
}
