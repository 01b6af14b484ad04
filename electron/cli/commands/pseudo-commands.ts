/**
 * `focal pseudo scan` lists the identifiers detected in a project (grouped, with counts and an
 * example); `focal pseudo accept-all` turns every pending one into a rule with its suggested
 * replacement. Both print on the analyst's own terminal; neither writes transcript text anywhere.
 */
import type { Command } from 'commander';
import { CANDIDATE_KINDS, type CandidateKind, type ScanGroup, type ScanResult } from '../../../shared/domain/pseudonyms';
import { call, CliError, print, withProject, type Output } from '../cli-context';
import { flagText, talkFlagger, viewNotExport, type TalkFlag } from '../talk-flags';

function sourceId(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`--source wants a source id (a whole number, see focal info), not '${value}'`, 2);
  return n;
}

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n)) throw new CliError(`${flag} wants a whole number (0 or more), not '${value}'`, 2);
  return n;
}

/** `--kind place,phone --kind nhi`: every value, split on commas, each a candidate kind. */
function kinds(values: string[]): CandidateKind[] | undefined {
  const list = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const bad = list.find((k) => !(CANDIDATE_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) throw new CliError(`--kind wants one or more of ${CANDIDATE_KINDS.join(', ')} (comma-separated), not '${bad}'`, 2);
  return list.length ? (list as CandidateKind[]) : undefined;
}

function order(value: string | undefined): 'count' | 'position' | undefined {
  if (value === undefined || value === 'count' || value === 'position') return value;
  throw new CliError(`--order wants count or position (reading order), not '${value}'`, 2);
}

/** "Showing 21–40 of 57; next page: --offset 40" when the list is a page of a longer one. */
function pageLine(r: ScanResult): string[] {
  if (r.offset === 0 && r.groups.length === r.total) return [];
  const from = r.groups.length ? r.offset + 1 : r.offset;
  const to = r.offset + r.groups.length;
  return [`Showing ${from}–${to} of ${r.total}${to < r.total ? `; next page: --offset ${to}` : ''}`];
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
    .option('--kind <kinds>', `only these kinds, comma-separated or repeated (${CANDIDATE_KINDS.join(', ')})`, (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--search <text>', 'only candidates whose text or nearby words hold this (folded: whanau finds Whānau)')
    .option('--order <order>', 'count (pending first, most frequent first; the default) or position (reading order, by first occurrence)')
    .option('--limit <n>', 'at most this many groups')
    .option('--offset <n>', 'skip this many groups (with --limit, the next page)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source?: string; pending?: boolean; kind: string[]; search?: string; order?: string; limit?: string; offset?: string; json?: boolean }) => {
      const input = {
        ...(sourceId(o.source) ? { sourceId: sourceId(o.source)! } : {}),
        ...(o.pending ? { status: 'pending' as const } : {}),
        ...(kinds(o.kind) ? { kinds: kinds(o.kind)! } : {}),
        ...(o.search !== undefined ? { query: o.search } : {}),
        ...(order(o.order) ? { order: order(o.order)! } : {}),
        ...(count('--limit', o.limit) !== undefined ? { limit: count('--limit', o.limit)! } : {}),
        ...(count('--offset', o.offset) !== undefined ? { offset: count('--offset', o.offset)! } : {}),
      };
      await withProject(project, async (core) => {
        const scanned = await call(core, 'pseudo-scan', input);
        const flag = talkFlagger(core);
        const r = { ...scanned, groups: await Promise.all(scanned.groups.map(async (g) => ({ ...g, examples: await Promise.all(g.examples.map(async (e) => ({ ...e, flags: await flag(e.sourceId, e.start, e.end) }))) }))) };
        print(output(!!o.json), r, () =>
          [
            `${r.counts.pending} pending, ${r.counts.rule} covered by rules or pseudonyms, ${r.counts.notIdentifying} marked not identifying (${r.total} distinct, ${r.sources} sources)`,
            ...r.groups.map(line),
            ...pageLine(r),
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
