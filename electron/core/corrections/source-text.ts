/**
 * A transcript's stored text as a history change: the edits that turn it into the other state,
 * never a copy of the text (a long transcript corrected many times would otherwise fill the
 * history). Undo applies the inverse edits, redo the edits; the hash check refuses to replay
 * onto a text that is not the one the change was made from.
 */
import { applyEdits, OffsetMap, type CarryMode, type TextEdit } from '../../../shared/text/offset-map';
import type { ProjectDb } from '../db/open-project';
import { sha256Hex } from '../kaitiaki/key-crypto';
import { countWords } from '../sources/store-transcript';

export interface SourceTextRow {
  id: number;
  /** SHA-256 of the text these edits apply to, and of the text they make. */
  from: string;
  to: string;
  edits: TextEdit[];
}

/** Tables with ranges into a source, and how each is carried (as plan.ts carries them). */
const CARRIED: Array<{ table: string; mode: CarryMode; where?: string; keepEmpty?: boolean }> = [
  { table: 'codings', mode: 'exact' },
  { table: 'quotes', mode: 'exact' },
  { table: 'annotations', mode: 'exact' },
  { table: 'passage_marks', mode: 'cover' },
  { table: 'sensitivity_labels', mode: 'cover', where: 'start IS NOT NULL' },
  { table: 'session_parts', mode: 'cover', where: 'recorded = 1', keepEmpty: true },
];

/**
 * Replaying a correction (undo or redo): rows the history entry itself restores are listed in
 * `touched` and left to it; any other row with a range into the source (a passage marked, a quote
 * added, a coding made after the correction) is carried through the same edits, so nothing
 * points at the wrong words once the text changes back.
 */
function carryUntracked(db: ProjectDb, sourceId: number, map: OffsetMap, touched: Set<string>): void {
  for (const c of CARRIED) {
    const rows = db.prepare(`SELECT id, start, end${c.table === 'quotes' ? ', cuts' : ''} FROM ${c.table} WHERE source_id = ?${c.where ? ` AND ${c.where}` : ''}`).all(sourceId) as Array<{ id: number; start: number; end: number; cuts?: string }>;
    for (const r of rows) {
      if (touched.has(`${c.table}:${r.id}`)) continue;
      const to = map.mapRange(r.start, r.end, c.mode);
      if (to.fate === 'kept' && to.start === r.start && to.end === r.end) continue;
      if (to.fate === 'removed' && !c.keepEmpty) {
        if (c.table === 'codings') db.prepare("DELETE FROM memos WHERE target_kind = 'coding' AND target_id = ?").run(r.id);
        db.prepare(`DELETE FROM ${c.table} WHERE id = ?`).run(r.id);
      } else if (c.table === 'quotes') {
        const cuts = (JSON.parse(r.cuts ?? '[]') as Array<{ start: number; end: number }>)
          .map((x) => ({ ...x, ...map.mapRange(x.start, x.end, 'exact') }))
          .filter((x) => x.fate !== 'removed' && x.end > x.start)
          .map(({ fate: _f, ...x }) => x);
        db.prepare('UPDATE quotes SET start = ?, end = ?, cuts = ? WHERE id = ?').run(to.start, to.end, JSON.stringify(cuts), r.id);
      } else db.prepare(`UPDATE ${c.table} SET start = ?, end = ? WHERE id = ?`).run(to.start, to.fate === 'removed' ? to.start : to.end, r.id);
    }
  }
}

export function applySourceTextChange(db: ProjectDb, row: Record<string, unknown>, touched?: Set<string>): void {
  const r = row as unknown as SourceTextRow;
  const text = db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(r.id) as string | undefined;
  if (text === undefined) throw new Error(`transcript ${r.id} is gone`);
  if (sha256Hex(text) !== r.from) throw new Error(`the text of transcript ${r.id} is not the one this change was made from`);
  const next = applyEdits(text, r.edits);
  if (sha256Hex(next) !== r.to) throw new Error(`replaying the correction of transcript ${r.id} does not give the text it made`);
  db.prepare('UPDATE sources SET text = ?, word_count = ? WHERE id = ?').run(next, countWords(next), r.id);
  if (touched) carryUntracked(db, r.id, new OffsetMap(r.edits, text.length), touched);
}
