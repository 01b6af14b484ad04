/**
 * Turns a range of a source into a segment as retrieval shows it: the text, ~200 characters of
 * context within its blocks, and the speakers of the turns it overlaps. Blocks are found with an
 * index seek to the block containing the start (not a scan from the top of the source).
 */
import type { QuerySegment } from '../../../shared/domain/analysis';
import type { SourceMode } from '../../../shared/domain/transcript';
import type { ProjectDb } from '../db/open-project';

const CONTEXT = 200;

/** SQL for "blocks overlapping [@start, @end) of @sourceId" that seeks instead of scanning. */
export const OVERLAPPING_BLOCKS = `b.source_id = @sourceId
  AND b.start >= COALESCE((SELECT max(b0.start) FROM blocks b0 WHERE b0.source_id = @sourceId AND b0.start <= @start), 0)
  AND b.start < @end AND b.end > @start`;

export function segmentBuilder(db: ProjectDb) {
  const source = db.prepare('SELECT text, title, mode FROM sources WHERE id = ?');
  const blocks = db.prepare(
    `SELECT b.start, b.end, sp.label, sp.participant_id AS participantId, p.name
     FROM blocks b LEFT JOIN speakers sp ON sp.id = b.speaker_id LEFT JOIN participants p ON p.id = sp.participant_id
     WHERE ${OVERLAPPING_BLOCKS} ORDER BY b.start`,
  );
  const sources = new Map<number, { text: string; title: string; mode: SourceMode }>();
  return (sourceId: number, start: number, end: number, codeIds: number[] = []): QuerySegment => {
    let s = sources.get(sourceId);
    if (!s) {
      s = source.get(sourceId) as { text: string; title: string; mode: SourceMode };
      sources.set(sourceId, s);
    }
    const bs = blocks.all({ sourceId, start, end }) as Array<{ start: number; end: number; label: string | null; participantId: number | null; name: string | null }>;
    const first = bs[0];
    const last = bs[bs.length - 1];
    const ctxStart = Math.max(first ? first.start : 0, start - CONTEXT);
    const ctxEnd = Math.min(last ? last.end : s.text.length, end + CONTEXT);
    const speakers: QuerySegment['speakers'] = [];
    for (const b of bs) if (b.label !== null && !speakers.some((x) => x.label === b.label)) speakers.push({ label: b.label, participantId: b.participantId, name: b.name });
    return {
      sourceId,
      sourceTitle: s.title,
      mode: s.mode,
      start,
      end,
      text: s.text.slice(start, end),
      before: s.text.slice(ctxStart, start),
      after: s.text.slice(end, ctxEnd),
      speakers,
      codeIds,
    };
  };
}
