/**
 * What a participant's withdrawal affects: the transcripts they speak in, their coded segments and
 * the quotes holding their talk. Nothing is deleted or changed: the gate refuses their talk at once
 * (row 3), retrieval flags their segments, and this list shows the analyst what was touched.
 */
import type { WithdrawalEffects } from '../../../shared/domain/quotes';
import type { ProjectDb } from '../db/open-project';
import { requireParticipant } from '../participants/participant-queries';
import { codePaths } from '../quotes/quote-store';

/** Turn ranges spoken by participants, by source: the basis of "whose talk is this?". */
function turnsOf(db: ProjectDb, participantId: number) {
  return db
    .prepare(
      `SELECT b.source_id AS sourceId, s.title, b.start, b.end FROM blocks b JOIN speakers sp ON sp.id = b.speaker_id JOIN sources s ON s.id = b.source_id
       WHERE sp.participant_id = ? AND b.kind = 'turn' ORDER BY b.source_id, b.start`,
    )
    .all(participantId) as Array<{ sourceId: number; title: string; start: number; end: number }>;
}

export function withdrawalEffects(db: ProjectDb, participantId: number): WithdrawalEffects {
  requireParticipant(db, participantId);
  const withdrawnOn = (db.prepare('SELECT withdrawn_on FROM consents WHERE participant_id = ?').pluck().get(participantId) as string | null | undefined) ?? null;
  const turns = turnsOf(db, participantId);
  const sources = new Map<number, { sourceId: number; title: string; turns: number }>();
  for (const t of turns) {
    const s = sources.get(t.sourceId) ?? { sourceId: t.sourceId, title: t.title, turns: 0 };
    s.turns++;
    sources.set(t.sourceId, s);
  }
  const paths = codePaths(db);
  const touches = (sourceId: number, start: number, end: number) => turns.some((t) => t.sourceId === sourceId && t.start < end && start < t.end);
  const segments = (
    db.prepare('SELECT c.id AS codingId, c.code_id AS codeId, c.source_id AS sourceId, c.start, c.end, substr(s.text, c.start + 1, c.end - c.start) AS text FROM codings c JOIN sources s ON s.id = c.source_id ORDER BY c.source_id, c.start').all() as Array<
      Omit<WithdrawalEffects['segments'][number], 'codePath'>
    >
  )
    .filter((c) => touches(c.sourceId, c.start, c.end))
    .map((c) => ({ ...c, codePath: paths.get(c.codeId) ?? '' }));
  const quotes = (
    db.prepare('SELECT q.id AS quoteId, q.source_id AS sourceId, q.start, q.end, substr(s.text, q.start + 1, q.end - q.start) AS text FROM quotes q JOIN sources s ON s.id = q.source_id ORDER BY q.source_id, q.start').all() as WithdrawalEffects['quotes']
  ).filter((q) => touches(q.sourceId, q.start, q.end));
  return { participantId, withdrawnOn, sources: [...sources.values()], segments, quotes };
}

/**
 * For retrieval: whether a range holds talk that may not leave the project any more, because a
 * speaker in it has withdrawn or the passage is marked withdrawn.
 */
export function withdrawnRanges(db: ProjectDb): (sourceId: number, start: number, end: number) => boolean {
  const rows = db
    .prepare(
      `SELECT b.source_id AS sourceId, b.start, b.end FROM blocks b JOIN speakers sp ON sp.id = b.speaker_id JOIN consents c ON c.participant_id = sp.participant_id
       WHERE c.withdrawn_on IS NOT NULL
       UNION ALL SELECT source_id, start, end FROM passage_marks WHERE kind = 'withdrawn'`,
    )
    .all() as Array<{ sourceId: number; start: number; end: number }>;
  return (sourceId, start, end) => rows.some((r) => r.sourceId === sourceId && r.start < end && start < r.end);
}
