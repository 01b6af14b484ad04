/**
 * The audit of a selection copied or dragged out, in the same tables as quote exports: one `exports`
 * row (format `clipboard` or `drag`, the SHA-256 of what left, the gate's version), one
 * `export_items` row per range (no quote: quote_id NULL, outcome and reason codes) and a line in
 * audit_log with ids, counts and the hash. Never the text.
 */
import { GATE_VERSION, type GateReason } from '../../../shared/domain/gate';
import type { FocalCore } from '../app/focal-core';
import { sha256 } from '../export/write-file';

export interface CheckedRange {
  sourceId: number;
  start: number;
  end: number;
  reasons: GateReason[];
  /** The gated text with its attribution; null when blocked. */
  outText: string | null;
}

export interface CopyRecord {
  via: 'clipboard' | 'drag';
  profile: string;
  /** What left (hashed, never stored); null when refused. */
  text: string | null;
  ranges: CheckedRange[];
  memoId?: number;
  /** For a memo copy, which has no ranges: the reason codes of a refusal. */
  reasonCodes?: string[];
  action: 'selection-copied' | 'selection-copy-refused' | 'memo-copied' | 'memo-copy-refused';
}

export function recordCopy(core: FocalCore, r: CopyRecord): number {
  const project = core.requireProject();
  const db = project.db;
  const now = core.now();
  const hash = r.text === null ? null : sha256(r.text);
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO exports (format, profile, destination, sha256, gate_version, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(r.via, r.profile, r.via, hash, GATE_VERSION, core.actor, now).lastInsertRowid,
    );
    const item = db.prepare('INSERT INTO export_items (export_id, quote_id, source_id, start, end, outcome, reasons) VALUES (?, NULL, ?, ?, ?, ?, ?)');
    for (const q of r.ranges) item.run(id, q.sourceId, q.start, q.end, q.outText === null ? 'blocked' : 'passed', JSON.stringify(q.reasons.map((x) => x.code)));
    const passed = r.ranges.filter((q) => q.outText !== null).length;
    project.audit(
      core.actor,
      r.action,
      {
        exportId: id,
        format: r.via,
        profile: r.profile,
        destination: r.via,
        sha256: hash,
        gateVersion: GATE_VERSION,
        ranges: r.ranges.length,
        passed,
        blocked: r.ranges.length - passed,
        ...(r.memoId !== undefined ? { memoId: r.memoId, reasons: r.reasonCodes ?? [] } : {}),
      },
      now,
    );
    return id;
  })();
}
