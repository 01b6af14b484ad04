/**
 * Code co-occurrence: for each pair of codes, how many codings of one overlap a coding of the
 * other. One sweep per source over all codings sorted by start, keeping the ones still open.
 */
import type { CooccurrenceResult } from '../../../shared/domain/analysis';
import type { ProjectDb } from '../db/open-project';
import { codesInTreeOrder } from './matrix';
import { modeMixNotes } from './mode-mix';

export function cooccurrence(
  db: ProjectDb,
  input: { frameId?: number | undefined; codeIds?: number[] | undefined; mode?: 'mainstream' | 'tikanga' | undefined },
): CooccurrenceResult {
  const all = codesInTreeOrder(db, input.frameId);
  const codes = input.codeIds?.length ? all.filter((c) => input.codeIds?.includes(c.id)) : all;
  const index = new Map(codes.map((c, i) => [c.id, i]));
  const n = codes.length;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const rows = db
    .prepare(
      `SELECT id, code_id AS codeId, source_id AS sourceId, start, end FROM codings
       WHERE code_id IN (SELECT value FROM json_each(@codes))
         AND (@mode IS NULL OR source_id IN (SELECT id FROM sources WHERE mode = @mode))
       ORDER BY source_id, start`,
    )
    .all({ codes: JSON.stringify(codes.map((c) => c.id)), mode: input.mode ?? null }) as Array<{ id: number; codeId: number; sourceId: number; start: number; end: number }>;
  // For each coding, the set of other codes it overlaps.
  const overlaps = new Map<number, Set<number>>();
  let open: typeof rows = [];
  let source = -1;
  for (const r of rows) {
    if (r.sourceId !== source) {
      open = [];
      source = r.sourceId;
    }
    open = open.filter((o) => o.end > r.start);
    for (const o of open) {
      if (o.codeId === r.codeId) continue;
      let a = overlaps.get(r.id);
      if (!a) overlaps.set(r.id, (a = new Set()));
      a.add(o.codeId);
      let b = overlaps.get(o.id);
      if (!b) overlaps.set(o.id, (b = new Set()));
      b.add(r.codeId);
    }
    open.push(r);
  }
  for (const r of rows) {
    const i = index.get(r.codeId) as number;
    const row = counts[i] as number[];
    row[i] = (row[i] ?? 0) + 1;
    for (const other of overlaps.get(r.id) ?? []) {
      const j = index.get(other) as number;
      row[j] = (row[j] ?? 0) + 1;
    }
  }
  return { codes: codes.map((c) => ({ codeId: c.id, name: c.name, color: c.color })), counts, notes: modeMixNotes(db, codes.map((c) => c.id), input.mode) };
}
