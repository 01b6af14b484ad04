/**
 * Planning a correction: every row with an offset into the source, carried through the edits by
 * one offset map (shared/text/offset-map.ts). Nothing is written here; correct-source.ts writes
 * the plan in one transaction, and a preview returns it as it is.
 *
 * How each kind of range is carried:
 * - codings, quotes (and their cuts), annotations: `exact` (an insertion at an edge stays out, a
 *   replacement over an edge is not taken in; covered entirely: removed);
 * - passage marks, sensitivity labels, recorded session parts: `cover` (whatever touches them is
 *   taken in: a protection never loses a character at its edge);
 * - turns and other blocks: each edit lies inside one block (checked before), which grows or
 *   shrinks by it; the blocks after it move.
 */
import type { CorrectionCounts, CorrectionEdit, RemovedRange } from '../../../shared/domain/corrections';
import type { QuoteCut } from '../../../shared/domain/quotes';
import { applyEdits, OffsetMap, type CarryMode, type MappedRange } from '../../../shared/text/offset-map';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { keptPieces } from '../gate/quote-text';

export interface BlockRow {
  id: number;
  seq: number;
  kind: string;
  start: number;
  end: number;
  speaker: string | null;
}

export interface RangeUpdate {
  table: 'codings' | 'quotes' | 'annotations' | 'passage_marks' | 'sensitivity_labels' | 'session_parts';
  kind: RemovedRange['kind'];
  id: number;
  from: { start: number; end: number };
  to: MappedRange;
  /** quotes: the cuts as carried; annotations: the new text. */
  cuts?: QuoteCut[];
  text?: string;
}

export interface CorrectionPlan {
  map: OffsetMap;
  before: string;
  after: string;
  blocks: Array<{ id: number; start: number; end: number; textChanged: boolean; moved: boolean }>;
  ranges: RangeUpdate[];
  quotesSentBack: number[];
  counts: { codings: CorrectionCounts; quotes: CorrectionCounts; marks: CorrectionCounts };
}

const zero = (): CorrectionCounts => ({ kept: 0, changed: 0, trimmed: 0, removed: 0 });

function who(b: BlockRow): string {
  return b.kind === 'turn' && b.speaker ? `${b.speaker}'s turn` : b.kind === 'turn' ? 'a turn' : `a ${b.kind === 'text' ? 'paragraph' : b.kind}`;
}

/** The blocks each edit lies in; an edit across a boundary, or between blocks, is refused. */
export function ownerBlocks(blocks: BlockRow[], edits: readonly CorrectionEdit[], title: string): number[] {
  return edits.map((e) => {
    const i = blocks.findIndex((b) => b.start <= e.start && e.end <= b.end);
    if (i >= 0) return i;
    const hit = blocks.filter((b) => e.start < b.end && e.end > b.start);
    if (hit.length >= 2) {
      throw new FocalError(
        'bad-input',
        `The correction at ${e.start}–${e.end} in "${title}" crosses a turn boundary (${who(hit[0]!)} and ${who(hit[1]!)}). Correct one turn at a time; to change who said what, or to split or join turns between speakers, use the speaker review.`,
      );
    }
    throw new FocalError('bad-input', `The correction at ${e.start}–${e.end} in "${title}" lies between turns, not inside one; the breaks between turns are not text to correct.`);
  });
}

export function planCorrection(db: ProjectDb, source: { id: number; title: string; text: string }, input: readonly CorrectionEdit[]): CorrectionPlan {
  // An edit that types what is already there changes nothing (and moves no range).
  const edits = input.map((e) => ({ ...e, text: e.text.normalize('NFC') })).filter((e) => e.end > source.text.length || source.text.slice(e.start, e.end) !== e.text);
  let map: OffsetMap;
  try {
    map = new OffsetMap(edits, source.text.length);
  } catch (e) {
    throw new FocalError('bad-input', `Cannot correct "${source.title}": ${(e as Error).message}`);
  }
  if (!map.edits.length) throw new FocalError('bad-input', `The correction of "${source.title}" changes nothing.`);
  const after = applyEdits(source.text, map.edits);
  if (after.normalize('NFC') !== after) throw new FocalError('bad-input', `The correction of "${source.title}" would leave text that is not in composed form (NFC): type a letter with a macron as one character (ā), not a letter and a combining mark.`);
  if (map.edits.some((e) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(e.text))) throw new FocalError('bad-input', `The correction of "${source.title}" contains control characters; type plain text.`);

  const blocks = db
    .prepare('SELECT b.id, b.seq, b.kind, b.start, b.end, s.label AS speaker FROM blocks b LEFT JOIN speakers s ON s.id = b.speaker_id WHERE b.source_id = ? ORDER BY b.start, b.seq')
    .all(source.id) as BlockRow[];
  const owners = ownerBlocks(blocks, map.edits, source.title);
  // A block grows or shrinks by its own edits and moves by the ones before it.
  let shift = 0;
  const plannedBlocks = blocks.map((b, i) => {
    const own = map.edits.filter((_e, k) => owners[k] === i);
    const growth = own.reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
    const out = { id: b.id, start: b.start + shift, end: b.end + shift + growth, textChanged: own.length > 0, moved: shift !== 0 || growth !== 0 };
    shift += growth;
    return out;
  });

  const counts = { codings: zero(), quotes: zero(), marks: zero() };
  const ranges: RangeUpdate[] = [];
  const carry = (table: RangeUpdate['table'], kind: RemovedRange['kind'], rows: Array<{ id: number; start: number; end: number }>, mode: CarryMode, tally: CorrectionCounts) => {
    for (const r of rows) {
      const to = map.mapRange(r.start, r.end, mode);
      tally[to.fate]++;
      if (to.fate !== 'kept' || to.start !== r.start || to.end !== r.end) ranges.push({ table, kind, id: r.id, from: { start: r.start, end: r.end }, to });
    }
  };
  carry('codings', 'coding', db.prepare('SELECT id, start, end FROM codings WHERE source_id = ? ORDER BY id').all(source.id) as never, 'exact', counts.codings);
  carry('annotations', 'annotation', db.prepare('SELECT id, start, end FROM annotations WHERE source_id = ? ORDER BY id').all(source.id) as never, 'exact', counts.marks);
  carry('passage_marks', 'passage-mark', db.prepare('SELECT id, start, end FROM passage_marks WHERE source_id = ? ORDER BY id').all(source.id) as never, 'cover', counts.marks);
  carry('sensitivity_labels', 'label', db.prepare('SELECT id, start, end FROM sensitivity_labels WHERE source_id = ? AND start IS NOT NULL ORDER BY id').all(source.id) as never, 'cover', counts.marks);
  carry('session_parts', 'part', db.prepare('SELECT id, start, end FROM session_parts WHERE source_id = ? AND recorded = 1 ORDER BY id').all(source.id) as never, 'cover', counts.marks);
  for (const r of ranges) {
    if (r.table !== 'annotations' || r.to.fate === 'removed') continue;
    // An annotation is a bracketed note ([laughter]); corrected into something else, it is no longer one.
    const m = /^\[([^\]]*)\]$/.exec(after.slice(r.to.start, r.to.end));
    if (m) r.text = (m[1] ?? '').trim();
    else {
      counts.marks[r.to.fate]--;
      counts.marks.removed++;
      r.to = { ...r.to, fate: 'removed' };
    }
  }

  // Quotes: the range and each cut carried exactly; a quote whose kept words changed goes back to be checked.
  const quotesSentBack: number[] = [];
  const quotes = db.prepare('SELECT id, start, end, cuts FROM quotes WHERE source_id = ? ORDER BY id').all(source.id) as Array<{ id: number; start: number; end: number; cuts: string }>;
  const keptText = (text: string, q: { start: number; end: number; cuts: QuoteCut[] }) => JSON.stringify(keptPieces(q).map((p) => text.slice(p.start, p.end)));
  for (const q of quotes) {
    const cuts = JSON.parse(q.cuts) as QuoteCut[];
    const to = map.mapRange(q.start, q.end, 'exact');
    counts.quotes[to.fate]++;
    if (to.fate === 'removed') {
      ranges.push({ table: 'quotes', kind: 'quote', id: q.id, from: q, to });
      continue;
    }
    const newCuts = cuts
      .map((c) => ({ ...c, ...map.mapRange(c.start, c.end, 'exact') }))
      .filter((c) => c.fate !== 'removed')
      .map(({ fate: _f, ...c }) => ({ ...c, start: Math.max(c.start, to.start), end: Math.min(c.end, to.end) }))
      .filter((c) => c.end > c.start);
    const moved = to.start !== q.start || to.end !== q.end || JSON.stringify(newCuts) !== JSON.stringify(cuts);
    if (to.fate !== 'kept' && keptText(source.text, { ...q, cuts }) !== keptText(after, { ...to, cuts: newCuts })) quotesSentBack.push(q.id);
    if (moved || to.fate !== 'kept') ranges.push({ table: 'quotes', kind: 'quote', id: q.id, from: q, to, cuts: newCuts });
  }
  return { map, before: source.text, after, blocks: plannedBlocks, ranges, quotesSentBack, counts };
}
