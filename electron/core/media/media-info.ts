/** What the player is given for one transcript and one viewer, and the sync points set while listening. */
import type { MediaInfo } from '../../../shared/domain/media';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import { requireSourceRow } from '../tikanga/kaitiaki';
import { mayReadRestricted, restrictedRanges } from '../tikanga/sensitivity';
import { locateMedia, toLink } from './links';
import { mediaState } from './media-files';
import { turnTimes, viewerTimeline, type TimelineBlock } from './timeline';

function blocksOf(core: FocalCore, sourceId: number): TimelineBlock[] {
  return core.requireProject().db.prepare('SELECT id, kind, start, end, start_ms AS startMs, end_ms AS endMs FROM blocks WHERE source_id = ? ORDER BY start').all(sourceId) as TimelineBlock[];
}

function syncOf(core: FocalCore, sourceId: number): Map<number, number> {
  const rows = core.requireProject().db.prepare('SELECT block_id AS blockId, ms FROM media_sync_points WHERE source_id = ?').all(sourceId) as { blockId: number; ms: number }[];
  return new Map(rows.map((r) => [r.blockId, r.ms]));
}

/** Timing and hearing rights for this viewer; restricted turns' times are never in it unless they may read them. */
export function viewerTiming(core: FocalCore, sourceId: number, frameId: number | undefined) {
  const db = core.requireProject().db;
  const source = requireSourceRow(db, sourceId);
  const blocks = blocksOf(core, sourceId);
  const sync = syncOf(core, sourceId);
  const times = turnTimes(blocks, sync);
  const restricted = restrictedRanges(db, sourceId, source.text.length);
  const reads = restricted.length === 0 || mayReadRestricted(core, sourceId, frameId);
  const whole = restricted.some((r) => r.start === 0 && r.end >= source.text.length);
  const view = reads ? { turns: times, skip: [], unplaceable: false } : viewerTimeline(blocks, times, restricted);
  let refusal: string | null = null;
  if (!reads && whole) refusal = `"${source.title}" is restricted as a whole: its recording plays only for the kaitiaki and the readers they name.`;
  else if (view.unplaceable) refusal = `"${source.title}" has a restricted passage that has no time in the recording, so it cannot be skipped: the recording plays only for the kaitiaki and the readers they name (a sync point at the passage would let it be skipped).`;
  return { source, turns: view.turns, skip: view.skip, mayPlay: refusal === null, refusal, sync: reads ? [...sync].map(([blockId, ms]) => ({ blockId, ms })) : [...sync].filter(([id]) => view.turns.some((t) => t.blockId === id)).map(([blockId, ms]) => ({ blockId, ms })) };
}

/**
 * Whether this viewer may hear the recording at all, for the serving endpoint on every range
 * request: without restricted passages (or for a reader) no turn times are worked out.
 */
export function mayHear(core: FocalCore, sourceId: number, frameId: number | undefined): { title: string; mayPlay: boolean; refusal: string | null } {
  const db = core.requireProject().db;
  const source = requireSourceRow(db, sourceId);
  const restricted = restrictedRanges(db, sourceId, source.text.length);
  if (restricted.length === 0 || mayReadRestricted(core, sourceId, frameId)) return { title: source.title, mayPlay: true, refusal: null };
  const t = viewerTiming(core, sourceId, frameId);
  return { title: source.title, mayPlay: t.mayPlay, refusal: t.refusal };
}

export async function mediaInfo(core: FocalCore, sourceId: number, frameId: number | undefined): Promise<MediaInfo> {
  const t = viewerTiming(core, sourceId, frameId);
  const where = await locateMedia(core, sourceId);
  return {
    sourceId,
    status: where.status,
    link: where.row ? toLink(where.row) : null,
    relinked: where.relinked,
    mayPlay: t.mayPlay,
    refusal: t.refusal,
    turns: t.turns,
    skip: t.skip,
    streamKey: mediaState(core).key,
    syncPoints: t.sync,
  };
}

/** Sets (ms) or clears (null) the sync point of a block: undoable. */
export function setSyncPoint(core: FocalCore, blockId: number, ms: number | null): null {
  const db = core.requireProject().db;
  const block = db.prepare('SELECT b.id, b.source_id AS sourceId, b.kind, s.title FROM blocks b JOIN sources s ON s.id = b.source_id WHERE b.id = ?').get(blockId) as { id: number; sourceId: number; kind: string; title: string } | undefined;
  if (!block) throw new FocalError('not-found', `There is no turn with id ${blockId}; the transcript may have been removed.`);
  undoable(db, ms === null ? 'Clear sync point' : 'Set sync point', core.now(), () => {
    if (ms === null) db.prepare('DELETE FROM media_sync_points WHERE block_id = ?').run(blockId);
    else {
      const prev = db.prepare('SELECT id FROM media_sync_points WHERE block_id = ?').pluck().get(blockId) as number | undefined;
      if (prev !== undefined) db.prepare('UPDATE media_sync_points SET ms = ?, set_at = ? WHERE id = ?').run(ms, core.now(), prev);
      else db.prepare('INSERT INTO media_sync_points (source_id, block_id, ms, set_at) VALUES (?, ?, ?, ?)').run(block.sourceId, blockId, ms, core.now());
    }
  });
  core.emit('changed', { kinds: ['sources', 'history'] });
  return null;
}
