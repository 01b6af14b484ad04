/**
 * Each quote's time in its transcript's recording, for quote-bank exports that ask for it: the time
 * of the quote's start inside its turn (interpolated by character between the turn's start and end),
 * from the same timing the player uses, as a viewer without a frame sees it (a restricted turn has
 * no time). Transcripts without times give none.
 */
import { formatTimestamp } from '../../../shared/format/timestamps';
import type { TurnTime } from '../../../shared/domain/media';
import type { FocalCore } from '../app/focal-core';
import { viewerTiming } from './media-info';

export function timeAt(turns: TurnTime[], offset: number): number | null {
  const t = turns.find((x) => offset >= x.start && offset < Math.max(x.end, x.start + 1));
  if (!t) return null;
  if (t.endMs === null || t.end <= t.start) return t.startMs;
  return Math.round(t.startMs + ((offset - t.start) / (t.end - t.start)) * (t.endMs - t.startMs));
}

export function quoteTimes(core: FocalCore, quotes: Array<{ id: number; sourceId: number; start: number }>): Map<number, string> {
  const bySource = new Map<number, TurnTime[]>();
  const out = new Map<number, string>();
  for (const q of quotes) {
    if (!bySource.has(q.sourceId)) bySource.set(q.sourceId, viewerTiming(core, q.sourceId, undefined).turns);
    const ms = timeAt(bySource.get(q.sourceId)!, q.start);
    if (ms !== null) out.set(q.id, formatTimestamp(ms));
  }
  return out;
}
