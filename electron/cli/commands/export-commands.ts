/**
 * `focal export quotes`: a quote bank through the same export gate as the app. With --code, the
 * code's segments (and its children's) are added to the quote bank first, then exported.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ExportFormat } from '../../../shared/domain/quotes';
import type { FocalCore } from '../../core/app/focal-core';
import { fold } from '../../../shared/text/fold';
import { call, CliError, print, withProject, type Output } from '../cli-context';

export async function codeByPath(core: FocalCore, path: string): Promise<number> {
  const codes = await call(core, 'codes-list', {});
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (id: number): string => {
    const c = byId.get(id)!;
    return c.parentId === null ? c.name : `${pathOf(c.parentId)}/${c.name}`;
  };
  const want = path.normalize('NFC').toLowerCase();
  const found = codes.filter((c) => pathOf(c.id).toLowerCase() === want);
  if (found.length !== 1) throw new CliError(found.length ? `"${path}" names codes in several frames` : `no code "${path}"; see focal code list`);
  return found[0]!.id;
}

const FORMATS = ['docx', 'xlsx', 'csv', 'md'];
const NAMING = { pseudonyms: 'pseudonyms', consented: 'consented-names', real: 'real-names' } as const;

export function registerExportCommands(program: Command, output: (json: boolean) => Output): void {
  const exp = program.command('export').description('export through the consent and pseudonymisation gate');
  exp
    .command('quotes <project>')
    .description('export a quote bank; prints how many were exported and how many blocked, with reasons')
    .requiredOption('--format <format>', 'docx, xlsx, csv or md')
    .requiredOption('--out <file>', 'file to write')
    .option('--code <path>', 'only this code (and its children), e.g. "Whānau/Connection"; its segments are added to the quote bank')
    .option('--profile <profile>', 'report (default) or return (to the group: community-use material may pass)', 'report')
    .option('--names <naming>', 'pseudonyms (default), consented (real names where consented) or real', 'pseudonyms')
    .option('--individual', 'attribute tikanga-based kōrero to speakers, not to the group')
    .option('--approval <label>', "the output named in a kaitiaki's per-export approval")
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { format: string; out: string; code?: string; profile: string; names: string; individual?: boolean; approval?: string; json?: boolean }) => {
      if (!FORMATS.includes(o.format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${o.format}"`, 2);
      if (o.profile !== 'report' && o.profile !== 'return') throw new CliError(`--profile must be report or return, not "${o.profile}"`, 2);
      if (!(o.names in NAMING)) throw new CliError(`--names must be pseudonyms, consented or real, not "${o.names}"`, 2);
      const out = resolve(o.out);
      await withProject(project, async (core) => {
        // The CLI's "dialog" is --out: the file is still written by the core, after the gate.
        core.host.chooseExportPath = async () => out;
        let codeId: number | undefined;
        if (o.code) {
          codeId = await codeByPath(core, o.code);
          await call(core, 'quotes-from-code', { codeId, includeChildren: true });
        }
        const r = await call(core, 'export-quotes', {
          selection: codeId === undefined ? {} : { codeId },
          format: o.format as ExportFormat,
          options: {
            profile: o.profile as 'report' | 'return',
            attribution: { naming: NAMING[o.names as keyof typeof NAMING], groupForTikanga: !o.individual },
            ...(o.approval ? { approvalLabel: o.approval } : {}),
          },
        });
        print(output(!!o.json), r, () =>
          [
            r.path ? `Exported ${r.exported} quote(s) to ${r.path} (sha256 ${r.sha256})` : `Exported nothing: every quote was blocked; no file written`,
            `Blocked ${r.blocked} quote(s)${r.blocked ? ':' : ''}`,
            ...Object.entries(r.reasonCounts).map(([code, n]) => `  ${code}: ${n}`),
            ...r.blockedQuotes.map((b) => `  quote ${b.quoteId}: ${b.reasons.map((x) => `${x.code} (${x.message}${x.fix ? ` Fix: ${x.fix.label}.` : ''})`).join('; ')}`),
            ...(r.notes.length ? ['Neutral labels used:', ...r.notes.map((n) => `  ${n}`)] : []),
          ].join('\n'),
        );
        if (!r.path) process.exitCode = 1;
      });
    });
  exp
    .command('return <project>')
    .description("return to a group its own kōrero, the codes applied to it and the quotes approved for use (needs its collective consent for return)")
    .requiredOption('--group <name>', 'the group (rōpū, whānau, hapū, organisation) as named in the register; macrons optional')
    .requiredOption('--format <format>', 'docx or md')
    .requiredOption('--out <file>', 'file to write')
    .option('--names <naming>', 'pseudonyms (default) or consented (real names where consented)', 'pseudonyms')
    .option('--individual', 'attribute the kōrero to speakers (pseudonyms), not to the group')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { group: string; format: string; out: string; names: string; individual?: boolean; json?: boolean }) => {
      if (o.format !== 'docx' && o.format !== 'md') throw new CliError(`--format must be docx or md, not "${o.format}"`, 2);
      if (o.names !== 'pseudonyms' && o.names !== 'consented') throw new CliError(`--names must be pseudonyms or consented, not "${o.names}"`, 2);
      const out = resolve(o.out);
      await withProject(project, async (core) => {
        core.host.chooseExportPath = async () => out;
        const people = await call(core, 'participants-list', {});
        const want = fold(o.group.trim());
        const groups = people.filter((p) => p.kind === 'group' && fold(p.name) === want);
        if (groups.length !== 1) {
          const known = people.filter((p) => p.kind === 'group').map((p) => `"${p.name}"`).join(', ') || 'none';
          throw new CliError(`no group "${o.group}" in the register (groups: ${known})`);
        }
        const r = await call(core, 'export-return', {
          groupId: groups[0]!.id,
          format: o.format as 'docx' | 'md',
          options: { profile: 'return', attribution: { naming: NAMING[o.names as 'pseudonyms' | 'consented'], groupForTikanga: !o.individual } },
        });
        print(output(!!o.json), r, () =>
          [
            `Returned to ${groups[0]!.name}: ${r.path} (sha256 ${r.sha256})`,
            `${r.sources} transcript(s), ${r.turns} turn(s) of kōrero, ${r.codes} code(s), ${r.quotes} approved quote(s); ${r.quotesBlocked} quote(s) not approved for use`,
            ...Object.entries(r.withheld).map(([why, n]) => `  left out: ${n} turn(s) (${why})`),
          ].join('\n'),
        );
      });
    });
}
