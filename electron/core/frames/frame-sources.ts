/**
 * Which frames apply to which sessions. A mainstream session with no frame_sources rows is open to
 * every frame; once frames are chosen for it, only those frames code it. A tikanga-based session is
 * kept apart by default: with no rows it is open to kaupapa Māori frames only, and another frame
 * applies only once the kaitiaki has opened it to that frame with their key (frame-openings.ts).
 * As with a change of mode or group, a session no kaitiaki governs (none named) has nobody to
 * ask: the project opens it explicitly here, and once a kaitiaki is named only they can.
 * Narrowing (choosing fewer frames, or kaupapa Māori frames only) needs nobody's authority.
 */
import type { SourceFrames } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { governingKaitiakiNamed, requireOpeningKaitiaki, signedOpenings, signOpenings, whoCanOpen } from './frame-openings';

type FrameRow = { id: number; name: string; kind: 'mainstream' | 'kaupapa-maori' };

interface Applicability {
  applies: boolean;
  /** The frames chosen for the session (names), empty when none is chosen. */
  frames: string[];
  /** Set when the session is tikanga-based and the frame is not kaupapa Māori and not opened by the kaitiaki. */
  keptApart: { who: string } | null;
}

function sourceMode(db: ProjectDb, sourceId: number): 'mainstream' | 'tikanga' | null {
  return (db.prepare('SELECT mode FROM sources WHERE id = ?').pluck().get(sourceId) as 'mainstream' | 'tikanga' | undefined) ?? null;
}

/** Which of the project's frames apply to a session, each with whether it applies. */
function applicability(db: ProjectDb, sourceId: number): { mode: 'mainstream' | 'tikanga'; chosen: Set<number>; frames: Array<FrameRow & { applies: boolean }> } {
  const mode = sourceMode(db, sourceId);
  if (mode === null) throw new FocalError('not-found', `There is no transcript with id ${sourceId}.`);
  const chosen = new Set(db.prepare('SELECT frame_id FROM frame_sources WHERE source_id = ?').pluck().all(sourceId) as number[]);
  const frames = db.prepare('SELECT id, name, kind FROM code_frames ORDER BY id').all() as FrameRow[];
  const opened = mode === 'tikanga' ? signedOpenings(db, sourceId) : new Set<number>();
  const kaitiakiNamed = mode === 'tikanga' && governingKaitiakiNamed(db, sourceId);
  const kmChosen = frames.some((f) => f.kind === 'kaupapa-maori' && chosen.has(f.id));
  return {
    mode,
    chosen,
    frames: frames.map((f) => {
      if (mode === 'tikanga' && f.kind !== 'kaupapa-maori') return { ...f, applies: chosen.has(f.id) && (opened.has(f.id) || !kaitiakiNamed) };
      // A tikanga-based session keeps its kaupapa Māori frames unless some of them are chosen.
      return { ...f, applies: chosen.size === 0 || chosen.has(f.id) || (mode === 'tikanga' && !kmChosen) };
    }),
  };
}

export function frameAppliesTo(db: ProjectDb, frameId: number, sourceId: number): Applicability {
  const a = applicability(db, sourceId);
  const f = a.frames.find((x) => x.id === frameId);
  const names = a.frames.filter((x) => a.chosen.has(x.id)).map((x) => x.name);
  if (!f) return { applies: false, frames: names, keptApart: null };
  const keptApart = !f.applies && a.mode === 'tikanga' && f.kind !== 'kaupapa-maori' ? { who: whoCanOpen(null, db, sourceId).text } : null;
  return { applies: f.applies, frames: names, keptApart };
}

export function getSourceFrames(db: ProjectDb, sourceId: number): SourceFrames {
  const a = applicability(db, sourceId);
  const tikanga = a.mode === 'tikanga';
  const who = tikanga ? whoCanOpen(null, db, sourceId) : null;
  return {
    sourceId,
    allFrames: !tikanga && a.chosen.size === 0,
    mode: a.mode,
    kaupapaOnly: tikanga && !a.frames.some((f) => f.kind !== 'kaupapa-maori' && f.applies),
    openedBy: who ? who.names : [],
    frames: a.frames,
  };
}

/**
 * Sets the frames that apply to a session; an empty list opens a mainstream session to every frame
 * again, and keeps a tikanga-based one to kaupapa Māori frames only. Opening a tikanga-based session
 * to a frame that is not kaupapa Māori needs its kaitiaki's unlocked key and is signed.
 */
export function setSourceFrames(core: FocalCore, sourceId: number, frameIds: number[]): SourceFrames {
  const db = core.requireProject().db;
  const title = db.prepare('SELECT title FROM sources WHERE id = ?').pluck().get(sourceId) as string | undefined;
  if (title === undefined) throw new FocalError('not-found', `There is no transcript with id ${sourceId}.`);
  const wanted = [...new Set(frameIds)];
  const rows: FrameRow[] = [];
  for (const id of wanted) {
    const f = db.prepare('SELECT id, name, kind FROM code_frames WHERE id = ?').get(id) as FrameRow | undefined;
    if (!f) throw new FocalError('not-found', `There is no code frame with id ${id}.`);
    rows.push(f);
  }
  const tikanga = sourceMode(db, sourceId) === 'tikanga';
  const opened = tikanga ? signedOpenings(db, sourceId) : new Set<number>();
  const toOpen = tikanga ? rows.filter((f) => f.kind !== 'kaupapa-maori' && !opened.has(f.id)) : [];
  const kaitiaki = toOpen.length ? requireOpeningKaitiaki(core, sourceId, title) : [];
  db.transaction(() => {
    signOpenings(core, kaitiaki, sourceId, toOpen);
    db.prepare('DELETE FROM frame_sources WHERE source_id = ?').run(sourceId);
    const insert = db.prepare('INSERT INTO frame_sources (frame_id, source_id) VALUES (?, ?)');
    for (const id of wanted) insert.run(id, sourceId);
    core.requireProject().audit(core.actor, 'session-frames-set', { sourceId, title, frameIds: wanted, ...(toOpen.length ? { openedBy: kaitiaki.map((a) => a.kaitiakiName), opened: toOpen.map((f) => f.id) } : {}) }, core.now());
  })();
  core.emit('changed', { kinds: ['codes', 'sources'] });
  return getSourceFrames(db, sourceId);
}
