/**
 * `focal quotes`: the quote bank a page at a time (the core's keyset pages, quotes-page), each
 * quote with what the gate decides for a report. `--jsonl` streams every quote of the bank as one
 * JSON line each, page after page, so a 20,000-quote bank never sits in memory at once.
 */
import type { Command } from 'commander';
import { call, CliError, print, withProject, type Output } from '../cli-context';
import { viewNotExport } from '../talk-flags';
import { codeByPath } from './export-commands';

const count = (flag: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 1000) throw new CliError(`${flag} wants a whole number from 1 to 1000, not "${v}"`, 2);
  return Number(v);
};

const oneLine = (s: string, max = 100) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

export function registerQuotesCommand(program: Command, output: (json: boolean) => Output): void {
  viewNotExport(program.command('quotes <project>'))
    .description('list the quote bank a page at a time, with what the export gate decides for each quote')
    .option('--code <path>', 'only quotes filed under this code (and its children), e.g. "Whānau/Connection"')
    .option('--limit <n>', 'quotes per page (1–1000, default 50)')
    .option('--after <cursor>', 'the page after this cursor (printed at the end of the page before)')
    .option('--jsonl', 'every quote of the bank, one JSON object a line, page by page')
    .option('--json', 'machine-readable output: { items, total, nextCursor }')
    .action(async (project: string, o: { code?: string; limit?: string; after?: string; jsonl?: boolean; json?: boolean }) => {
      const limit = count('--limit', o.limit) ?? (o.jsonl ? 500 : 50);
      if (o.after !== undefined && !/^\d+\.\d+\.\d+$/.test(o.after)) throw new CliError(`--after wants the cursor printed after a page (like 3.1200.57), not "${o.after}"`, 2);
      await withProject(project, async (core) => {
        const sel = o.code ? { codeId: await codeByPath(core, o.code) } : {};
        if (o.jsonl) {
          let after = o.after;
          for (;;) {
            const page = await call(core, 'quotes-page', { ...sel, limit, ...(after ? { after } : {}) });
            for (const q of page.items) output(false).out(JSON.stringify(q));
            if (!page.nextCursor) break;
            after = page.nextCursor;
          }
          return;
        }
        const page = await call(core, 'quotes-page', { ...sel, limit, ...(o.after ? { after: o.after } : {}) });
        print(output(!!o.json), page, () => {
          if (!page.total) return 'The quote bank is empty: add quotes in the app, or with focal export quotes --code.';
          const lines = page.items.map(
            (q) => `#${q.id}  ${q.gate.passed ? 'exportable' : `blocked (${q.gate.reasons.map((r) => r.code).join(', ')})`}  ${q.sourceTitle} ${q.start}–${q.end}  ${q.codePath ?? 'Uncoded'}\n    “${oneLine(q.original)}”`,
          );
          const tail = page.nextCursor ? `Showing ${page.items.length} of ${page.total}; next page: --after ${page.nextCursor}` : `${page.items.length} shown, ${page.total} in all`;
          return [...lines, tail].join('\n');
        });
      });
    });
}
