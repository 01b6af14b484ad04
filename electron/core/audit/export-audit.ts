/**
 * The audit of everything that left the app: each export or copy records who, when, the format,
 * the output's SHA-256, each quote's id and outcome (with reasons) and the gate's version, in the
 * exports/export_items tables, with a line in audit_log. Viewable in the app, exportable as CSV.
 */
import { GATE_VERSION } from '../../../shared/domain/gate';
import type { AuditExport, CheckedQuote } from '../../../shared/domain/quotes';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { safeCsv } from '../export/csv-safe';

export interface ExportRecord {
  format: string;
  profile: string;
  destination: string;
  sha256: string | null;
  quotes: CheckedQuote[];
  /** audit_log action: 'quotes-exported', 'quote-copied', 'quotes-export-refused'. */
  action: string;
  /** For a file not yet in place (withAuditedFile): recorded `pending` with its temporary file and writer (host:pid). */
  pending?: { tempPath: string; writer: string } | undefined;
  /** More for the audit_log line: ids and counts only, never names or text. */
  detail?: Record<string, number | string | boolean | null> | undefined;
}

/** Records an export in the current transaction; returns its id. */
export function recordExport(core: FocalCore, r: ExportRecord): number {
  const project = core.requireProject();
  const db = project.db;
  const now = core.now();
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO exports (format, profile, destination, sha256, gate_version, actor, created_at, status, temp_path, writer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(r.format, r.profile, r.destination, r.sha256, GATE_VERSION, core.actor, now, r.pending ? 'pending' : 'complete', r.pending?.tempPath ?? null, r.pending?.writer ?? null).lastInsertRowid,
    );
    const item = db.prepare('INSERT INTO export_items (export_id, quote_id, source_id, start, end, outcome, reasons) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const q of r.quotes) item.run(id, q.id, q.sourceId, q.start, q.end, q.gate.passed ? 'passed' : 'blocked', JSON.stringify(q.gate.reasons.map((x) => x.code)));
    const passed = r.quotes.filter((q) => q.gate.passed).length;
    project.audit(core.actor, r.action, { exportId: id, format: r.format, profile: r.profile, destination: r.destination, sha256: r.sha256, gateVersion: GATE_VERSION, passed, blocked: r.quotes.length - passed, ...r.detail }, now);
    return id;
  })();
}

/**
 * A file that holds no quotes (a matrix, a chart): an `exports` row (profile report, no items) and an
 * audit_log line with ids, counts and the hash, never labels or names.
 */
export function recordFileExport(
  core: FocalCore,
  r: { format: string; destination: string; sha256: string | null; action: string; detail: Record<string, number | string | boolean | null> },
): number {
  return recordExport(core, { format: r.format, profile: 'report', destination: r.destination, sha256: r.sha256, quotes: [], action: r.action, detail: r.detail });
}

export function listExports(db: ProjectDb, limit = 500): AuditExport[] {
  const exports = db
    .prepare('SELECT id, format, profile, destination, sha256, gate_version AS gateVersion, actor, created_at AS createdAt, status FROM exports ORDER BY id DESC LIMIT ?')
    .all(limit) as Array<Omit<AuditExport, 'items' | 'passed' | 'blocked'>>;
  const items = db.prepare('SELECT quote_id AS quoteId, source_id AS sourceId, start, end, outcome, reasons FROM export_items WHERE export_id = ? ORDER BY rowid');
  return exports.map((e) => {
    const its = (items.all(e.id) as Array<Omit<AuditExport['items'][number], 'reasons'> & { reasons: string }>).map((i) => ({ ...i, reasons: JSON.parse(i.reasons) as string[] }));
    return { ...e, items: its, passed: its.filter((i) => i.outcome === 'passed').length, blocked: its.filter((i) => i.outcome === 'blocked').length };
  });
}

/** One row per quote per export: when, who, format, destination, hash, gate version, quote, outcome, reasons. */
export function auditCsv(db: ProjectDb): string {
  const rows: unknown[][] = [];
  for (const e of listExports(db, 1_000_000).reverse()) {
    for (const i of e.items) rows.push([e.id, e.createdAt, e.actor, e.format, e.profile, e.destination, e.sha256 ?? '', e.gateVersion, i.quoteId ?? '', i.sourceId, i.start, i.end, i.outcome, i.reasons.join(' ')]);
    if (!e.items.length) rows.push([e.id, e.createdAt, e.actor, e.format, e.profile, e.destination, e.sha256 ?? '', e.gateVersion, '', '', '', '', '', '']);
  }
  const fields = ['export_id', 'at', 'actor', 'format', 'profile', 'destination', 'sha256', 'gate_version', 'quote_id', 'source_id', 'start', 'end', 'outcome', 'reasons'];
  return safeCsv(rows, { fields, bom: true, trailingNewline: true });
}
