/**
 * What may be coded where, checked before every coding is written:
 *  - a code's frame must apply to the session (frame_sources; a mainstream session with none is open
 *    to all, a tikanga-based one to kaupapa Māori frames only until its kaitiaki opens it, signed);
 *  - a recorded opening or closing part of a tikanga-based session is not coded until the kaitiaki
 *    releases it;
 *  - a restricted (tapu) passage is coded only in a kaupapa Māori frame.
 */
import { partKindLabel } from '../../../shared/domain/tikanga';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { frameAppliesTo } from '../frames/frame-sources';

export function assertCodable(db: ProjectDb, frameId: number, sourceId: number, ranges: Array<{ start: number; end: number }>): void {
  const why = codableCheck(db, frameId);
  for (const r of ranges) {
    const reason = why(sourceId, r);
    if (reason) throw new FocalError(reason.code, reason.message);
  }
  // A source with no ranges still has to exist and be open to the frame.
  if (!ranges.length) {
    const reason = why(sourceId, null);
    if (reason) throw new FocalError(reason.code, reason.message);
  }
}

/**
 * The same rules as a reusable check for bulk coding (auto-code, coding search results): returns
 * why a range may not be coded in the frame, or null. Statements are prepared once.
 */
export function codableCheck(db: ProjectDb, frameId: number): (sourceId: number, range: { start: number; end: number } | null) => { code: 'not-found' | 'forbidden'; message: string } | null {
  const frame = db.prepare('SELECT name, kind FROM code_frames WHERE id = ?').get(frameId) as { name: string; kind: string };
  const sourceOf = db.prepare('SELECT title, mode FROM sources WHERE id = ?');
  const part = db.prepare(
    `SELECT kind FROM session_parts WHERE source_id = ? AND recorded = 1 AND phase <> 'korero' AND released_by_approval_id IS NULL AND start < ? AND end > ? LIMIT 1`,
  );
  const restricted = db.prepare(
    "SELECT 1 FROM sensitivity_labels WHERE source_id = ? AND label = 'restricted' AND (start IS NULL OR (start < ? AND end > ?)) LIMIT 1",
  );
  const sources = new Map<number, { title: string; mode: string; applies: ReturnType<typeof frameAppliesTo> } | null>();
  return (sourceId, r) => {
    if (!sources.has(sourceId)) {
      const row = sourceOf.get(sourceId) as { title: string; mode: string } | undefined;
      sources.set(sourceId, row ? { ...row, applies: frameAppliesTo(db, frameId, sourceId) } : null);
    }
    const source = sources.get(sourceId);
    if (!source) return { code: 'not-found', message: `There is no transcript with id ${sourceId}.` };
    if (source.applies.keptApart) {
      const who = source.applies.keptApart.who;
      return {
        code: 'forbidden',
        message: `"${source.title}" is a tikanga-based session, open only to kaupapa Māori frames, so "${frame.name}" (a mainstream frame) does not code it. Code it in a kaupapa Māori frame; ${who} (Tikanga → Frames for this session, above the transcript).`,
      };
    }
    if (!source.applies.applies) {
      const which = source.applies.frames.length ? `it is coded in ${source.applies.frames.map((f) => `"${f}"`).join(', ')}` : 'no frame is chosen';
      return { code: 'forbidden', message: `The frame "${frame.name}" does not apply to "${source.title}" (${which}). Choose the frames for this session in its Tikanga panel (the Tikanga or Frames button above the transcript), or code it in a frame that applies.` };
    }
    if (!r) return null;
    if (source.mode === 'tikanga') {
      const kind = part.pluck().get(sourceId, r.end, r.start) as string | undefined;
      if (kind) {
        return {
          code: 'forbidden',
          message: `This passage is part of the ${partKindLabel(kind)} of "${source.title}", a tikanga part that is not coded. Only the kaitiaki can release it for coding; select the kōrero instead.`,
        };
      }
    }
    if (frame.kind !== 'kaupapa-maori' && restricted.get(sourceId, r.end, r.start)) {
      return { code: 'forbidden', message: `The kaitiaki labelled this passage of "${source.title}" restricted (tapu); it is coded only in a kaupapa Māori frame.` };
    }
    return null;
  };
}
