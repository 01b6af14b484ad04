/**
 * Every way a quote leaves the app, each through the gate: a file export (the host's dialog picks
 * the path), a copy to the clipboard and a drag out of the window (the core returns the gated text,
 * the renderer only passes it on). Each is recorded in the audit log.
 */
import { GATE_VERSION } from '../../../shared/domain/gate';
import type { CheckedQuote, CopyResult, ExportFormat, ExportOptions, ExportResult } from '../../../shared/domain/quotes';
import { formatDate } from '../../../shared/format/dates';
import type { FocalCore } from '../app/focal-core';
import { withAuditedFile } from '../audit/audited-file';
import { recordExport } from '../audit/export-audit';
import { FocalError } from '../errors';
import { nzDate } from '../gate/evaluate';
import type { QuoteSelection } from '../quotes/quote-store';
import { checkBatch, checkQuotes } from './check-quotes';
import { writeBank, type BankItem } from './formats';
import { sha256 } from './write-file';
import { quoteTimes } from '../media/quote-times';

export const EXTENSIONS: Record<ExportFormat, string> = { docx: 'docx', xlsx: 'xlsx', csv: 'csv', md: 'md' };

function summary(quotes: CheckedQuote[]): Omit<ExportResult, 'path' | 'cancelled' | 'exportId' | 'sha256'> {
  const blocked = quotes.filter((q) => !q.gate.passed);
  const reasonCounts: Record<string, number> = {};
  for (const q of blocked) for (const r of new Set(q.gate.reasons.map((x) => x.code))) reasonCounts[r] = (reasonCounts[r] ?? 0) + 1;
  return {
    exported: quotes.length - blocked.length,
    blocked: blocked.length,
    blockedQuotes: blocked.map((q) => ({ quoteId: q.id, reasons: q.gate.reasons })),
    reasonCounts,
    gateVersion: GATE_VERSION,
    notes: [],
  };
}

export async function exportQuotes(core: FocalCore, input: { selection: QuoteSelection; format: ExportFormat; options: ExportOptions; suggestedName?: string | undefined }): Promise<ExportResult> {
  const project = core.requireProject();
  const { quotes, gate } = checkBatch(core, input.selection, input.options);
  const passed = quotes.filter((q) => q.gate.passed && q.out);
  const base = summary(quotes);
  if (quotes.length === 0) throw new FocalError('bad-input', 'There are no quotes to export: add quotes to the quote bank first (from a code or a selection).');
  if (passed.length === 0) {
    recordExport(core, { format: input.format, profile: input.options.profile, destination: '', sha256: null, quotes, action: 'quotes-export-refused' });
    return { ...base, path: null, cancelled: false, exportId: null, sha256: null };
  }
  // The title (and the suggested file name) is metadata: through the rules, neutral if undecided.
  const name = gate.meta.projectTitle(project.info().name);
  const path = await core.host.chooseExportPath(input.suggestedName ?? `${name} quote bank.${EXTENSIONS[input.format]}`, [EXTENSIONS[input.format]]);
  if (!path) return { ...base, path: null, cancelled: true, exportId: null, sha256: null };
  const times = input.options.includeTime ? quoteTimes(core, passed) : null;
  const items: BankItem[] = passed.map((q) => ({ quoteId: q.id, ...q.out!, ...(times?.has(q.id) ? { time: times.get(q.id)! } : {}) }));
  base.notes = gate.notes;
  const data = await writeBank(input.format, items, { projectName: name, date: formatDate(nzDate(core.now())), profile: input.options.profile, gateVersion: GATE_VERSION, withTime: times !== null });
  const { exportId, sha256: hash } = withAuditedFile(core, { format: input.format, profile: input.options.profile, quotes, action: 'quotes-exported' }, path, data);
  core.emit('changed', { kinds: ['quotes'] });
  return { ...base, path, cancelled: false, exportId, sha256: hash };
}

export async function copyQuote(core: FocalCore, input: { quoteId: number; options: ExportOptions; via: 'clipboard' | 'drag' }): Promise<CopyResult> {
  const [q] = checkQuotes(core, { quoteIds: [input.quoteId] }, input.options);
  const text = q!.outText;
  recordExport(core, { format: input.via, profile: input.options.profile, destination: input.via, sha256: text === null ? null : sha256(text), quotes: [q!], action: text === null ? 'quote-copy-refused' : 'quote-copied' });
  if (text !== null && input.via === 'clipboard') await core.host.writeClipboard(text);
  core.emit('changed', { kinds: ['quotes'] });
  return { text, gate: q!.gate };
}
