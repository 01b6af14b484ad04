/** Reading transcripts back out of the project for listing and display. */
import type { Annotation, Block, SessionPart, SourceDetail, SourceSummary, Speaker } from '../../../shared/domain/project';
import { FocalError } from '../errors';
import type { ProjectDb } from '../db/open-project';

const SUMMARY_SQL = /* sql */ `
SELECT s.id, s.title, s.mode, s.kind, s.format, s.file_name AS fileName, s.session_date AS sessionDate,
       s.word_count AS wordCount, s.group_id AS groupId, s.imported_at AS importedAt,
       (SELECT count(*) FROM blocks b WHERE b.source_id = s.id AND b.kind = 'turn') AS turnCount,
       (SELECT count(*) FROM speakers sp WHERE sp.source_id = s.id) AS speakerCount,
       (SELECT count(*) FROM codings c WHERE c.source_id = s.id) AS codingCount
FROM sources s`;

export function listSources(db: ProjectDb): SourceSummary[] {
  return db.prepare(`${SUMMARY_SQL} ORDER BY s.id`).all() as SourceSummary[];
}

export function getSource(db: ProjectDb, sourceId: number): SourceDetail {
  const summary = db.prepare(`${SUMMARY_SQL} WHERE s.id = ?`).get(sourceId) as SourceSummary | undefined;
  if (!summary) throw new FocalError('not-found', `There is no transcript with id ${sourceId} in this project.`);
  const extra = db
    .prepare('SELECT text, facilitators, location, round, notes, metadata FROM sources WHERE id = ?')
    .get(sourceId) as { text: string; facilitators: string; location: string; round: string; notes: string; metadata: string };
  const speakers = (db
    .prepare(
      `SELECT sp.id, sp.label, sp.participant_id AS participantId, sp.role, sp.not_speaker AS notSpeaker,
              (SELECT count(*) FROM blocks b WHERE b.speaker_id = sp.id OR b.label_id = sp.id) AS turnCount
       FROM speakers sp WHERE sp.source_id = ? ORDER BY sp.id`,
    )
    .all(sourceId) as Array<Omit<Speaker, 'notSpeaker'> & { notSpeaker: number }>)
    .map((sp) => ({ ...sp, notSpeaker: sp.notSpeaker === 1 }));
  const links = db
    .prepare('SELECT l.block_id AS blockId, l.responds_to_id AS to_ FROM block_links l JOIN blocks b ON b.id = l.block_id WHERE b.source_id = ?')
    .all(sourceId) as { blockId: number; to_: number }[];
  const respondsTo = new Map<number, number[]>();
  for (const l of links) respondsTo.set(l.blockId, [...(respondsTo.get(l.blockId) ?? []), l.to_]);
  const blocks = (
    db
      .prepare(
        `SELECT id, seq, kind, speaker_id AS speakerId, label_id AS labelId, start, end, start_ms AS startMs, end_ms AS endMs
         FROM blocks WHERE source_id = ? ORDER BY seq`,
      )
      .all(sourceId) as Omit<Block, 'respondsTo'>[]
  ).map((b) => ({ ...b, respondsTo: respondsTo.get(b.id) ?? [] }));
  const annotations = db.prepare('SELECT id, start, end, text FROM annotations WHERE source_id = ? ORDER BY start').all(sourceId) as Annotation[];
  const parts = (
    db
      .prepare(
        `SELECT id, kind, phase, recorded, start, end, led_by_id AS ledById, led_by_label AS ledByLabel,
                occurred_at AS occurredAt, note, released_by_approval_id AS releasedBy
         FROM session_parts WHERE source_id = ? ORDER BY id`,
      )
      .all(sourceId) as Array<Omit<SessionPart, 'recorded' | 'released'> & { recorded: number; releasedBy: number | null }>
  ).map(({ releasedBy, recorded, ...p }) => ({ ...p, recorded: recorded === 1, released: releasedBy !== null }));
  return {
    ...summary,
    text: extra.text,
    facilitators: extra.facilitators,
    location: extra.location,
    round: extra.round,
    notes: extra.notes,
    metadata: JSON.parse(extra.metadata) as Record<string, string>,
    speakers,
    blocks,
    annotations,
    parts,
  };
}
