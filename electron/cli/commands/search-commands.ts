/**
 * `focal search`, `focal query` and `focal matrix`: text search, coding queries and matrix coding
 * from the command line, through the same calls as the app.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { MatrixColumns, MatrixResult, SearchFilters } from '../../../shared/domain/analysis';
import type { Code } from '../../../shared/domain/project';
import { writeMatrixFile } from '../../core/matrix/save-files';
import type { FocalCore } from '../../core/app/focal-core';
import { call, CliError, print, withProject, type Output } from '../cli-context';
import { flagText, talkFlagger, viewNotExport } from '../talk-flags';

const collect = (v: string, prev: string[] = []) => [...prev, v];

async function codeByPath(core: FocalCore, codes: Code[], path: string): Promise<number> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (c: Code): string => (c.parentId !== null && byId.has(c.parentId) ? `${pathOf(byId.get(c.parentId)!)}/${c.name}` : c.name);
  const want = path.normalize('NFC').toLowerCase();
  const found = codes.filter((c) => pathOf(c).toLowerCase() === want || c.name.toLowerCase() === want);
  const exact = found.filter((c) => pathOf(c).toLowerCase() === want);
  const hit = exact.length === 1 ? exact : found;
  if (hit.length !== 1) throw new CliError(hit.length ? `"${path}" names several codes; write its full path, e.g. Parent/${path}` : `no code "${path}"; see focal code list`);
  return hit[0]!.id;
}

async function attributeFilter(core: FocalCore, spec: string | undefined) {
  if (!spec) return undefined;
  const eq = spec.indexOf('=');
  if (eq < 1) throw new CliError('write --attribute as Name=value, e.g. --attribute "Region=Wellington"', 2);
  const name = spec.slice(0, eq).trim().toLowerCase();
  const attr = (await call(core, 'attributes-list', {})).find((a) => a.name.toLowerCase() === name);
  if (!attr) throw new CliError(`no participant attribute "${spec.slice(0, eq)}"`);
  return { attributeId: attr.id, value: spec.slice(eq + 1).trim() };
}

const mode = (m: string | undefined) => {
  if (m === undefined) return undefined;
  if (m !== 'mainstream' && m !== 'tikanga') throw new CliError('--mode is mainstream or tikanga', 2);
  return m;
};

export function registerSearchCommands(program: Command, output: (json: boolean) => Output): void {
  viewNotExport(program.command('search <project> <query>'))
    .description('full-text search: words, "phrases", prefix*, AND/OR/NOT, brackets; whanau finds whānau (restricted passages masked; withdrawn and declined talk flagged)')
    .option('--mode <mode>', 'mainstream or tikanga')
    .option('--role <role>', 'only turns by speakers with this role')
    .option('--attribute <name=value>', 'only turns by participants with this attribute value')
    .option('--code <path>', 'only turns coded with this code')
    .option('--limit <n>', 'results to show (default 50, at most 500)', '50')
    .option('--json', 'machine-readable output')
    .action(async (project: string, query: string, o: { mode?: string; role?: string; attribute?: string; code?: string; limit: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const filters: SearchFilters = { mode: mode(o.mode), role: o.role, attribute: await attributeFilter(core, o.attribute) };
        if (o.code) filters.codeId = await codeByPath(core, await call(core, 'codes-list', {}), o.code);
        const found = await call(core, 'search-run', { query, filters: JSON.parse(JSON.stringify(filters)) as SearchFilters, limit: Math.min(500, Math.max(1, Number(o.limit) || 50)) });
        const flag = talkFlagger(core);
        const r = { ...found, hits: await Promise.all(found.hits.map(async (h) => ({ ...h, flags: await flag(h.sourceId, h.blockStart, h.blockEnd) }))) };
        print(output(!!o.json), r, () => {
          if (!r.hits.length) return `No matches for ${r.understood}.`;
          const head = `${r.totalIsCapped ? 'More than ' : ''}${r.total.toLocaleString('en-NZ')} passage${r.total === 1 ? '' : 's'} match ${r.understood}${r.hits.length < r.total ? ` (first ${r.hits.length} shown)` : ''}`;
          const lines = r.hits.map((h) => {
            const text = h.context.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');
            return `${flagText(h.flags)}${h.sourceTitle} @${h.matches[0]?.start ?? h.blockStart} — ${h.speaker?.name ?? h.speaker?.label ?? h.blockKind}:\n  ${h.clippedStart ? '…' : ''}${text}${h.clippedEnd ? '…' : ''}`;
          });
          return [head, ...lines].join('\n');
        });
      });
    });

  viewNotExport(program.command('query <project>'))
    .description('coding query: --and A --and B (overlap), --or C, --not D, --near E [--words N] (restricted passages masked; withdrawn and declined talk flagged)')
    .option('--and <code>', 'coded with this code (repeat: all of them, overlapping)', collect)
    .option('--or <code>', 'coded with any of these (repeat)', collect)
    .option('--not <code>', 'but not coded with this (repeat)', collect)
    .option('--near <code>', 'near a coding of this code (repeat)', collect)
    .option('--words <n>', 'with --near: within N words (default: the same turn)')
    .option('--union', 'with several --and: whole codings that overlap, not just the overlap')
    .option('--mode <mode>', 'mainstream or tikanga')
    .option('--frame <name>', 'only the sessions this code frame applies to')
    .option('--role <role>', 'spoken by speakers with this role')
    .option('--attribute <name=value>', 'spoken by participants with this attribute value')
    .option('--json', 'machine-readable output')
    .action(
      async (
        project: string,
        o: { and?: string[]; or?: string[]; not?: string[]; near?: string[]; words?: string; union?: boolean; mode?: string; frame?: string; role?: string; attribute?: string; json?: boolean },
      ) => {
        await withProject(project, async (core) => {
          const codes = await call(core, 'codes-list', {});
          const ids = async (paths: string[] | undefined) => (paths?.length ? Promise.all(paths.map((p) => codeByPath(core, codes, p))) : undefined);
          const speakers = { role: o.role, attribute: await attributeFilter(core, o.attribute) };
          const near = await ids(o.near);
          let frameId: number | undefined;
          if (o.frame) {
            const f = (await call(core, 'frames-list', {})).find((x) => x.name.toLowerCase() === o.frame!.toLowerCase());
            if (!f) throw new CliError(`no code frame named "${o.frame}"`);
            frameId = f.id;
          }
          const input = JSON.parse(
            JSON.stringify({
              all: await ids(o.and),
              any: await ids(o.or),
              none: await ids(o.not),
              near: near ? { codeIds: near, words: o.words === undefined ? undefined : Number(o.words) } : undefined,
              result: o.union ? 'union' : undefined,
              mode: mode(o.mode),
              frameId,
              speakers: speakers.role || speakers.attribute ? speakers : undefined,
              limit: 5000,
            }),
          );
          if (!input.all && !input.any) throw new CliError('give at least one --and or --or code', 2);
          const found = await call(core, 'coding-query', input);
          const flag = talkFlagger(core);
          const r = { ...found, segments: await Promise.all(found.segments.map(async (s) => ({ ...s, flags: await flag(s.sourceId, s.start, s.end) }))) };
          print(output(!!o.json), r, () => {
            const head = `${r.total} segment${r.total === 1 ? '' : 's'} in ${r.sources} source${r.sources === 1 ? '' : 's'}, ${r.participants} participant${r.participants === 1 ? '' : 's'}: ${r.described}`;
            const lines = r.segments.map((s) => `${flagText(s.flags)}${s.sourceTitle} ${s.start}–${s.end} — ${s.speakers.map((p) => p.name ?? p.label).join(', ') || 'no speaker'}:\n  “${s.text}”`);
            return [head, ...lines].join('\n');
          });
        });
      },
    );

  program
    .command('matrix <project>')
    .description('matrix coding: codes as rows; columns by participant, group, attribute, role, source, mode or kind')
    .option('--rows <rows>', 'codes (every code), or a frame name', 'codes')
    .requiredOption('--cols <cols>', 'participant | group | attribute:NAME | role | source | mode | kind')
    .option('--mode <mode>', 'mainstream or tikanga')
    .option('--json', 'machine-readable output')
    .option('--csv [file]', 'CSV (counts only, people by pseudonym) to stdout, or to a file; audited')
    .option('--real-names', 'in the CSV, name people who consented to be named (refused if anyone named did not)')
    .action(async (project: string, o: { rows: string; cols: string; mode?: string; json?: boolean; csv?: string | boolean; realNames?: boolean }) => {
      await withProject(project, async (core) => {
        const [kind, attrName] = o.cols.split(':') as [string, string | undefined];
        const kinds: MatrixColumns[] = ['participant', 'group', 'attribute', 'role', 'source', 'mode', 'kind'];
        const cols = kinds.find((k) => k === kind || `${k}s` === kind);
        if (!cols) throw new CliError(`--cols is one of ${kinds.join(', ')} (attribute:NAME)`, 2);
        let attributeId: number | undefined;
        if (cols === 'attribute') {
          if (!attrName) throw new CliError('write --cols attribute:NAME, e.g. attribute:Region', 2);
          const a = (await call(core, 'attributes-list', {})).find((x) => x.name.toLowerCase() === attrName.toLowerCase());
          if (!a) throw new CliError(`no participant attribute "${attrName}"`);
          attributeId = a.id;
        }
        let frameId: number | undefined;
        if (o.rows !== 'codes') {
          const f = (await call(core, 'frames-list', {})).find((x) => x.name.toLowerCase() === o.rows.toLowerCase());
          if (!f) throw new CliError(`--rows is "codes" or a code frame's name; no frame "${o.rows}"`);
          frameId = f.id;
        }
        const spec = JSON.parse(JSON.stringify({ cols, attributeId, frameId, mode: mode(o.mode) })) as Parameters<typeof writeMatrixFile>[1];
        if (o.csv !== undefined && o.csv !== false) {
          // A file or stdout, the CSV leaves the app: export labels (pseudonyms, export titles), audited.
          const path = typeof o.csv === 'string' ? resolve(o.csv) : null;
          const { bytes, saved } = await writeMatrixFile(core, { ...spec, format: 'csv', realNames: !!o.realNames }, path);
          if (saved) process.stderr.write(`focal: wrote ${saved.path} (sha256 ${saved.sha256})\n`);
          else output(false).out(bytes.toString('utf8').replace(/^\ufeff/, ''));
          const m = await call(core, 'matrix-run', spec);
          for (const w of m.warnings) process.stderr.write(`focal: note: ${w}\n`);
          return;
        }
        const m = await call(core, 'matrix-run', spec);
        print(output(!!o.json), m, () => matrixText(m));
      });
    });
}

function matrixText(m: MatrixResult): string {
  if (!m.rows.length) return 'No codes yet.';
  const header = ['Code', ...m.cols.map((c) => c.label), 'Total'];
  const cell = (c: { segments: number; participants: number }) => (c.segments ? `${c.segments} / ${c.participants}` : '–');
  const rows = m.rows.map((r, i) => [r.path, ...m.cols.map((_c, j) => cell(m.cells[i]![j]!)), cell(m.rowTotals[i]!)]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  return [`Codes by ${m.colsLabel.toLowerCase()} (segments / participants)`, line(header), ...rows.map(line), ...m.warnings.map((w) => `Note: ${w}`)].join('\n');
}
