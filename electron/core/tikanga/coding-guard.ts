/**
 * What may be coded where, checked before every coding is written:
 *  - a code's frame must apply to the session (frame_sources; a session with none is open to all);
 *  - a recorded opening or closing part of a tikanga-based session is not coded until the kaitiaki
 *    releases it;
 *  - a restricted (tapu) passage is coded only in a kaupapa Māori frame.
 */
import { partKindLabel } from '../../../shared/domain/tikanga';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { frameAppliesTo } from '../frames/frame-sources';

export function assertCodable(db: ProjectDb, frameId: number, sourceId: number, ranges: Array<{ start: number; end: number }>): void {
  const source = db.prepare('SELECT title, mode FROM sources WHERE id = ?').get(sourceId) as { title: string; mode: string } | undefined;
  if (!source) throw new FocalError('not-found', `There is no transcript with id ${sourceId}.`);
  const frame = db.prepare('SELECT name, kind FROM code_frames WHERE id = ?').get(frameId) as { name: string; kind: string };
  const applies = frameAppliesTo(db, frameId, sourceId);
  if (!applies.applies) {
    const which = applies.frames.length ? `it is coded in ${applies.frames.map((f) => `"${f}"`).join(', ')}` : 'no frame is chosen';
    throw new FocalError('forbidden', `The frame "${frame.name}" does not apply to "${source.title}" (${which}). Change the frames for this session in its details, or code it in a frame that applies.`);
  }
  if (source.mode === 'tikanga') {
    const part = db.prepare(
      `SELECT kind FROM session_parts WHERE source_id = ? AND recorded = 1 AND phase <> 'korero' AND released_by_approval_id IS NULL AND start < ? AND end > ? LIMIT 1`,
    );
    for (const r of ranges) {
      const kind = part.pluck().get(sourceId, r.end, r.start) as string | undefined;
      if (kind) {
        throw new FocalError('forbidden', `This passage is part of the ${partKindLabel(kind)} of "${source.title}", a tikanga part that is not coded. Only the kaitiaki can release it for coding; select the kōrero instead.`);
      }
    }
  }
  if (frame.kind !== 'kaupapa-maori') {
    const restricted = db.prepare(
      "SELECT 1 FROM sensitivity_labels WHERE source_id = ? AND label = 'restricted' AND (start IS NULL OR (start < ? AND end > ?)) LIMIT 1",
    );
    for (const r of ranges) {
      if (restricted.get(sourceId, r.end, r.start)) {
        throw new FocalError('forbidden', `The kaitiaki labelled this passage of "${source.title}" restricted (tapu); it is coded only in a kaupapa Māori frame.`);
      }
    }
  }
}
