/** Runs the gate over a selection of quotes: the one place that decides what may leave the app. */
import { DEFAULT_ATTRIBUTION, type CheckedQuote, type ExportOptions, type Quote } from '../../../shared/domain/quotes';
import type { FocalCore } from '../app/focal-core';
import { Gate, nzDate } from '../gate/evaluate';
import { GateData } from '../gate/gate-data';
import { pseudoPort } from '../gate/pseudo-port';
import { decodeQuoteCursor, readQuotes, selectQuotePage, selectQuoteRows, type QuoteSelection } from '../quotes/quote-store';

export interface ExportOptionsInput {
  profile?: ExportOptions['profile'] | undefined;
  attribution?: { naming?: ExportOptions['attribution']['naming'] | undefined; groupForTikanga?: boolean | undefined } | undefined;
  approvalLabel?: string | undefined;
  includeTime?: boolean | undefined;
}

export function exportOptions(o: ExportOptionsInput | undefined): ExportOptions {
  return {
    profile: o?.profile ?? 'report',
    attribution: { naming: o?.attribution?.naming ?? DEFAULT_ATTRIBUTION.naming, groupForTikanga: o?.attribution?.groupForTikanga ?? DEFAULT_ATTRIBUTION.groupForTikanga },
    ...(o?.approvalLabel ? { approvalLabel: o.approvalLabel } : {}),
    ...(o?.includeTime ? { includeTime: true } : {}),
  };
}

function checkedQuote(gate: Gate, q: Quote): CheckedQuote {
  const v = gate.check({ id: q.id, sourceId: q.sourceId, start: q.start, end: q.end, cuts: q.cuts, codeId: q.codeId, codePath: q.codePath });
  return { ...q, original: v.original, gate: v.decision, out: v.out, outText: v.out ? `“${v.out.text}” ${v.out.attribution}` : null, attribution: v.attribution };
}

export function checkQuotes(core: FocalCore, selection: QuoteSelection, options: ExportOptions): CheckedQuote[] {
  return checkBatch(core, selection, options).quotes;
}

/** The checked quotes and the gate that checked them (its metadata gate titles the export and lists its notes). */
export function checkBatch(core: FocalCore, selection: QuoteSelection, options: ExportOptions): { quotes: CheckedQuote[]; gate: Gate } {
  const db = core.requireProject().db;
  const data = new GateData(db);
  const quotes = readQuotes(db, selectQuoteRows(db, selection), data);
  const gate = new Gate(data, pseudoPort(db), options, nzDate(core.now()));
  const checked = quotes.map((q) => checkedQuote(gate, q));
  return { quotes: checked, gate };
}

/** One page of the bank, checked: the quote bank's list and `focal quotes --limit`. */
export function checkQuotePage(
  core: FocalCore,
  selection: Omit<QuoteSelection, 'quoteIds'>,
  options: ExportOptions,
  page: { after?: string | undefined; limit?: number | undefined },
): { items: CheckedQuote[]; total: number; nextCursor: string | null } {
  const db = core.requireProject().db;
  const { rows, total, nextCursor } = selectQuotePage(db, selection, page.after ? decodeQuoteCursor(page.after) : null, page.limit ?? 100);
  const data = new GateData(db);
  const gate = new Gate(data, pseudoPort(db), options, nzDate(core.now()));
  const items = readQuotes(db, rows, data).map((q) => checkedQuote(gate, q));
  return { items, total, nextCursor };
}
