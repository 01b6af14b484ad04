/**
 * Which frames apply to which sessions. A session with no frame_sources rows is open to every
 * frame; once frames are chosen for it, only those frames code it. Offered, never imposed: the
 * project decides, per session.
 */
import type { SourceFrames } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';

export function frameAppliesTo(db: ProjectDb, frameId: number, sourceId: number): { applies: boolean; frames: string[] } {
  const chosen = db
    .prepare('SELECT f.id, f.name FROM frame_sources fs JOIN code_frames f ON f.id = fs.frame_id WHERE fs.source_id = ? ORDER BY f.id')
    .all(sourceId) as { id: number; name: string }[];
  return { applies: chosen.length === 0 || chosen.some((f) => f.id === frameId), frames: chosen.map((f) => f.name) };
}

export function getSourceFrames(db: ProjectDb, sourceId: number): SourceFrames {
  if (!db.prepare('SELECT 1 FROM sources WHERE id = ?').get(sourceId)) throw new FocalError('not-found', `There is no transcript with id ${sourceId}.`);
  const chosen = new Set(db.prepare('SELECT frame_id FROM frame_sources WHERE source_id = ?').pluck().all(sourceId) as number[]);
  const frames = db.prepare('SELECT id, name, kind FROM code_frames ORDER BY id').all() as { id: number; name: string; kind: 'mainstream' | 'kaupapa-maori' }[];
  return { sourceId, allFrames: chosen.size === 0, frames: frames.map((f) => ({ ...f, applies: chosen.size === 0 || chosen.has(f.id) })) };
}

/** Sets the frames that apply to a session; an empty list opens it to every frame again. */
export function setSourceFrames(core: FocalCore, sourceId: number, frameIds: number[]): SourceFrames {
  const db = core.requireProject().db;
  const title = db.prepare('SELECT title FROM sources WHERE id = ?').pluck().get(sourceId) as string | undefined;
  if (title === undefined) throw new FocalError('not-found', `There is no transcript with id ${sourceId}.`);
  const wanted = [...new Set(frameIds)];
  for (const id of wanted) if (!db.prepare('SELECT 1 FROM code_frames WHERE id = ?').get(id)) throw new FocalError('not-found', `There is no code frame with id ${id}.`);
  db.transaction(() => {
    db.prepare('DELETE FROM frame_sources WHERE source_id = ?').run(sourceId);
    const insert = db.prepare('INSERT INTO frame_sources (frame_id, source_id) VALUES (?, ?)');
    for (const id of wanted) insert.run(id, sourceId);
    core.requireProject().audit(core.actor, 'session-frames-set', { sourceId, title, frameIds: wanted }, core.now());
  })();
  core.emit('changed', { kinds: ['codes', 'sources'] });
  return getSourceFrames(db, sourceId);
}
