/** `focal merge` and `focal agreement`: team coding from the command line. */
import type { Command } from 'commander';
import type { AgreementRow } from '../../../shared/api/calls-team';
import { call, CliError, print, withProject, type Output } from '../cli-context';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : v.toFixed(3));

function table(rows: AgreementRow[]): string {
  const lines = rows.map((r) => [r.code ?? 'Overall', r.sourceId === null ? (r.code === null ? '' : 'all sources') : (r.sourceTitle ?? `#${r.sourceId}`), String(r.units), pct(r.percentAgreement), num(r.kappa), num(r.alpha), pct(r.codedAgreement)]);
  const head = ['code', 'source', 'units', 'agreement', 'kappa', 'alpha', 'coded only'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  return [head, ...lines].map((l) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerTeamCommands(program: Command, output: (json: boolean) => Output): void {
  program
    .command('merge <project> <copies...>')
    .description("merge coders' copies (.focal) into a project: codes, codings per coder, memos, sources, participants; one undoable step")
    .option('--dry-run', 'list what would change; change nothing')
    .option('--participant <guid=id|new>', 'answer for a participant whose name matches several (repeatable)', collect, [])
    .option('--json', 'machine-readable output')
    .action(async (project: string, copies: string[], opts: { dryRun?: boolean; participant: string[]; json?: boolean }) => {
      const participants: Record<string, number | 'new'> = {};
      for (const a of opts.participant) {
        const m = /^([0-9a-f-]{36})=(new|\d+)$/i.exec(a);
        if (!m) throw new CliError(`--participant ${a}: write GUID=ID or GUID=new`, 2);
        participants[m[1]!.toLowerCase()] = m[2] === 'new' ? 'new' : Number(m[2]);
      }
      await withProject(project, async (core) => {
        const r = await call(core, 'team-merge', { files: copies, dryRun: !!opts.dryRun, participants });
        print(output(!!opts.json), r, () => {
          const t = r.totals;
          const head = `${r.dryRun ? 'Would merge' : 'Merged'} ${r.files.length} cop${r.files.length === 1 ? 'y' : 'ies'}: ${t.codes} codes, ${t.codings} codings, ${t.memos} memos, ${t.sources} sources, ${t.participants} participants; ${t.conflicts} conflicts.`;
          const skipped = r.skipped.map((s) => `skipped ${s.file}: ${s.reason}`);
          return [head, ...r.changes.map((c) => `  ${c}`), ...skipped, r.undoLabel ? `Undo with Edit ▸ Undo "${r.undoLabel}" in the app.` : ''].filter(Boolean).join('\n');
        });
      });
    });

  program
    .command('agreement <project>')
    .description("inter-coder agreement per code × source: percent, Cohen's kappa (2 coders), Krippendorff's alpha; pooled per code and overall")
    .requiredOption('--coders <names>', 'two or more coders, comma-separated: A,B[,C…]')
    .option('--code <path>', 'a code path such as "Whānau/Connection" (repeatable; default: every code the coders used)', collect, [])
    .option('--source <id>', 'a source id (repeatable; default: every source the coders coded in)', collect, [])
    .option('--unit <unit>', 'character (default) or turn', 'character')
    .option('--json', 'machine-readable output: rows with code, sourceId, coders, units, percentAgreement, kappa, alpha')
    .action(async (project: string, opts: { coders: string; code: string[]; source: string[]; unit: string; json?: boolean }) => {
      if (opts.unit !== 'character' && opts.unit !== 'turn') throw new CliError(`--unit ${opts.unit}: use character or turn`, 2);
      const coders = opts.coders.split(',').map((c) => c.trim()).filter(Boolean);
      const sourceIds = opts.source.map((s) => {
        if (!/^\d+$/.test(s)) throw new CliError(`--source ${s}: give a source id (see focal sources)`, 2);
        return Number(s);
      });
      await withProject(project, async (core) => {
        let codeIds: number[] | undefined;
        if (opts.code.length) {
          const codes = await call(core, 'codes-list', {});
          const byId = new Map(codes.map((c) => [c.id, c]));
          const pathOf = (id: number): string => {
            const c = byId.get(id)!;
            return c.parentId !== null && byId.has(c.parentId) ? `${pathOf(c.parentId)}/${c.name}` : c.name;
          };
          codeIds = opts.code.map((p) => {
            const want = p.normalize('NFC').toLowerCase();
            const hits = codes.filter((c) => pathOf(c.id).toLowerCase() === want);
            if (hits.length !== 1) throw new CliError(hits.length ? `"${p}" names codes in several frames` : `no code "${p}"; see focal code list`);
            return hits[0]!.id;
          });
        }
        const r = await call(core, 'team-agreement', { coders, codeIds, sourceIds, unit: opts.unit as 'character' | 'turn' });
        const json = { coders: r.coders, unit: r.unit, note: r.note, rows: r.rows, pooled: r.pooled, overall: r.overall };
        print(output(!!opts.json), json, () => [`Agreement between ${r.coders.join(', ')} (units: ${r.unit}s)`, r.note, '', table([...r.rows, ...r.pooled, ...(r.overall ? [r.overall] : [])])].join('\n'));
      });
    });
}
