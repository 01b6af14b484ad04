/** Retrieval: every segment coded with a code, with its speakers, source and surrounding context. */
import type { Segment } from '../../../shared/domain/coding';
import type { ProjectDb } from '../db/open-project';
import { requireCode } from '../codes/code-edits';
import { withdrawnRanges } from '../consent/withdrawal';

export interface SegmentFilter {
  codeId: number;
  includeChildren?: boolean | undefined;
  sourceId?: number | undefined;
  participantId?: number | undefined;
  groupId?: number | undefined;
  mode?: 'mainstream' | 'tikanga' | undefined;
}

const CONTEXT = 200;

export function listSegments(db: ProjectDb, f: SegmentFilter): Segment[] {
  requireCode(db, f.codeId);
  const codeIds = f.includeChildren
    ? (db.prepare('WITH RECURSIVE d(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN d ON c.parent_id = d.id) SELECT id FROM d').all(f.codeId) as { id: number }[]).map((r) => r.id)
    : [f.codeId];
  const rows = db
    .prepare(
      `SELECT cd.id AS codingId, cd.code_id AS codeId, cd.source_id AS sourceId, s.title AS sourceTitle, s.mode, cd.start, cd.end,
              cd.coder, cd.created_at AS createdAt, s.group_id AS groupId
       FROM codings cd JOIN sources s ON s.id = cd.source_id
       WHERE cd.code_id IN (${codeIds.map(() => '?').join(',')})
         AND (@sourceId IS NULL OR cd.source_id = @sourceId)
         AND (@mode IS NULL OR s.mode = @mode)
       ORDER BY s.id, cd.start, cd.id`,
    )
    .all(...codeIds, { sourceId: f.sourceId ?? null, mode: f.mode ?? null }) as Array<Omit<Segment, 'text' | 'before' | 'after' | 'speakers'> & { groupId: number | null }>;

  const textOf = db.prepare('SELECT text FROM sources WHERE id = ?');
  const blocksOf = db.prepare(
    `SELECT b.start, b.end, b.start_ms AS startMs, b.end_ms AS endMs, sp.label, sp.participant_id AS participantId, p.name,
            (SELECT json_group_array(gm.group_id) FROM group_members gm WHERE gm.member_id = sp.participant_id) AS groups
     FROM blocks b LEFT JOIN speakers sp ON sp.id = b.speaker_id LEFT JOIN participants p ON p.id = sp.participant_id
     WHERE b.source_id = @sourceId AND b.start < @end AND b.end > @start
       AND b.start >= coalesce((SELECT max(b2.start) FROM blocks b2 WHERE b2.source_id = @sourceId AND b2.start <= @start), 0)
     ORDER BY b.start`,
  );
  const texts = new Map<number, string>();
  const isWithdrawn = withdrawnRanges(db);
  const out: Segment[] = [];
  for (const { groupId: sourceGroup, ...r } of rows) {
    let text = texts.get(r.sourceId);
    if (text === undefined) {
      text = (textOf.get(r.sourceId) as { text: string }).text;
      texts.set(r.sourceId, text);
    }
    const blocks = blocksOf.all({ sourceId: r.sourceId, end: r.end, start: r.start }) as Array<{ start: number; end: number; startMs: number | null; endMs: number | null; label: string | null; participantId: number | null; name: string | null; groups: string }>;
    const speakers = blocks.filter((b) => b.label !== null).map((b) => ({ label: b.label as string, participantId: b.participantId, name: b.name }));
    if (f.participantId !== undefined && !speakers.some((s) => s.participantId === f.participantId)) continue;
    if (f.groupId !== undefined && sourceGroup !== f.groupId && !blocks.some((b) => (JSON.parse(b.groups) as number[]).includes(f.groupId as number))) continue;
    const first = blocks[0];
    const last = blocks[blocks.length - 1];
    const ctxStart = Math.max(first ? first.start : 0, r.start - CONTEXT);
    const ctxEnd = Math.min(last ? last.end : text.length, r.end + CONTEXT);
    out.push({
      ...r,
      text: text.slice(r.start, r.end),
      before: text.slice(ctxStart, r.start),
      after: text.slice(r.end, ctxEnd),
      speakers: speakers.filter((s, i) => speakers.findIndex((o) => o.label === s.label) === i),
      withdrawn: isWithdrawn(r.sourceId, r.start, r.end),
      ...segmentTime(blocks),
    });
  }
  return out;
}

/**
 * When its transcript is timed: the segment's time in seconds, from the start of the first turn it
 * touches to the end of the last (null when the format gives no end).
 */
function segmentTime(blocks: Array<{ startMs: number | null; endMs: number | null }>): { time?: { start: number; end: number | null } } {
  const first = blocks.find((b) => b.startMs !== null);
  if (!first) return {};
  const last = [...blocks].reverse().find((b) => b.endMs !== null);
  return { time: { start: (first.startMs as number) / 1000, end: last ? (last.endMs as number) / 1000 : null } };
}
