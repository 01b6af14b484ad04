/**
 * Talk that is never exported, as the transcript view shows it: what each mark says on hover, and
 * which blocks each mark touches. Pure functions, so they are tested without a page.
 */
import type { TranscriptExportMark } from '../../../shared/domain/quotes-from';
import { formatDate, type DateFormat } from '../../../shared/format/dates';
import { segmentIndexAt } from './offsets';

/** The tooltip: why this talk never leaves the project. */
export function markTitle(m: TranscriptExportMark, dateFormat: DateFormat): string {
  const why = m.reason.trim() ? ` (${m.reason.trim()})` : '';
  if (m.kind === 'withdrawn') return `Withdrawn at the speaker's request${why} — never exported`;
  if (m.kind === 'restricted') return `Restricted${why} — never exported`;
  const when = m.withdrawnOn ? ` on ${formatDate(m.withdrawnOn, dateFormat)}` : '';
  return `${m.who ?? 'This participant'} withdrew from the study${when} — their talk is never exported`;
}

/** The look: withdrawn (a passage, or a withdrawn participant's turn) or restricted. */
export const markLook = (m: TranscriptExportMark): 'withdrawn' | 'restricted' => (m.kind === 'restricted' ? 'restricted' : 'withdrawn');

export interface BlockMarks {
  blockIndex: number;
  looks: Set<'withdrawn' | 'restricted'>;
  titles: string[];
}

/** For each block a mark touches: its looks and tooltips (distinct, in order). Blocks sorted by start. */
export function marksByBlock(blocks: Array<{ start: number; end: number }>, marks: TranscriptExportMark[], dateFormat: DateFormat): Map<number, BlockMarks> {
  const out = new Map<number, BlockMarks>();
  for (const m of marks) {
    const title = markTitle(m, dateFormat);
    for (let i = segmentIndexAt(blocks, m.start); i < blocks.length && (blocks[i] as { start: number }).start < m.end; i++) {
      let b = out.get(i);
      if (!b) out.set(i, (b = { blockIndex: i, looks: new Set(), titles: [] }));
      b.looks.add(markLook(m));
      if (!b.titles.includes(title)) b.titles.push(title);
    }
  }
  return out;
}
