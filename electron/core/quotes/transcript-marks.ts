/**
 * What the transcript view marks as never exported: passages marked withdrawn or restricted
 * (passage_marks), turns holding a note that the talk was withdrawn (`[Kōrero withdrawn from the
 * record …]`, which the gate treats as a withdrawn passage) and the turns of participants who have
 * withdrawn (consents.withdrawn_on). The same facts the gate reads (rows 3 and 4); ranges and
 * reasons only, no transcript text.
 */
import type { TranscriptExportMark } from '../../../shared/domain/quotes-from';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { isWithdrawalNote } from '../consent/withdrawal-notes';

export function transcriptExportMarks(db: ProjectDb, sourceId: number): TranscriptExportMark[] {
  if (!db.prepare('SELECT 1 FROM sources WHERE id = ?').get(sourceId)) throw new FocalError('not-found', `There is no transcript with id ${sourceId} in this project.`);
  const marks = db
    .prepare(`SELECT start, end, kind, reason, NULL AS who, NULL AS withdrawnOn FROM passage_marks WHERE source_id = ? ORDER BY start, id`)
    .all(sourceId) as TranscriptExportMark[];
  const turns = db
    .prepare(
      `SELECT b.start, b.end, 'participant-withdrawn' AS kind, '' AS reason, COALESCE(p.name, sp.label) AS who, c.withdrawn_on AS withdrawnOn
       FROM blocks b JOIN speakers sp ON sp.id = b.speaker_id JOIN participants p ON p.id = sp.participant_id JOIN consents c ON c.participant_id = p.id
       WHERE b.source_id = ? AND b.kind = 'turn' AND c.withdrawn_on IS NOT NULL ORDER BY b.start`,
    )
    .all(sourceId) as TranscriptExportMark[];
  const notes: TranscriptExportMark[] = [];
  const annotations = db.prepare('SELECT start, end, text FROM annotations WHERE source_id = ? ORDER BY start').all(sourceId) as Array<{ start: number; end: number; text: string }>;
  const owner = db.prepare(`SELECT start, end FROM blocks WHERE source_id = ? AND start <= ? AND end >= ? ORDER BY start DESC LIMIT 1`);
  for (const a of annotations) {
    if (!isWithdrawalNote(a.text)) continue;
    const b = (owner.get(sourceId, a.start, a.end) as { start: number; end: number } | undefined) ?? a;
    notes.push({ start: b.start, end: b.end, kind: 'withdrawn', reason: 'noted in the transcript', who: null, withdrawnOn: null });
  }
  return [...marks, ...notes, ...turns].sort((a, b) => a.start - b.start || a.end - b.end);
}
