/**
 * When each turn is spoken in the recording, and which stretches a viewer may not hear.
 *
 * Anchors are the times a transcript file gave (captions, Otter, Rev…) and the sync points a person
 * set while listening; a sync point wins over a file time for its block. A block between two
 * anchors gets a time interpolated by character offset (speech runs at a roughly even rate); a
 * block before the first anchor or after the last gets none. A block's end is its own end time
 * from the file, else the next timed block's start, else unknown (null: the end of the recording).
 *
 * For a viewer who may not read a restricted passage, every block that touches it is withheld from
 * the timing (no times that place its words), and its span becomes a skip range for the player. If
 * a restricted passage cannot be placed in time, the recording is not offered at all.
 */
import type { TurnTime } from '../../../shared/domain/media';

export interface TimelineBlock {
  id: number;
  kind: string;
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
}

export function turnTimes(blocks: TimelineBlock[], sync: Map<number, number>): TurnTime[] {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  const anchors: Array<{ i: number; ms: number; from: 'file' | 'sync' }> = [];
  sorted.forEach((b, i) => {
    const s = sync.get(b.id);
    if (s !== undefined) anchors.push({ i, ms: s, from: 'sync' });
    else if (b.startMs !== null) anchors.push({ i, ms: b.startMs, from: 'file' });
  });
  const starts: Array<{ ms: number; from: TurnTime['from'] } | null> = sorted.map(() => null);
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    starts[a.i] = { ms: a.ms, from: a.from };
    const next = anchors[k + 1];
    if (!next || next.ms < a.ms) continue; // out-of-order anchors: nothing interpolated between them
    const o0 = sorted[a.i]!.start;
    const o1 = sorted[next.i]!.start;
    for (let i = a.i + 1; i < next.i; i++) {
      const frac = o1 > o0 ? (sorted[i]!.start - o0) / (o1 - o0) : 0;
      starts[i] = { ms: Math.round(a.ms + frac * (next.ms - a.ms)), from: 'interpolated' };
    }
  }
  const out: TurnTime[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const st = starts[i];
    if (!st) continue;
    const b = sorted[i]!;
    let endMs: number | null = b.endMs !== null && b.endMs >= st.ms && !sync.has(b.id) ? b.endMs : null;
    if (endMs === null) {
      for (let j = i + 1; j < sorted.length; j++) {
        const n = starts[j];
        if (n) {
          endMs = n.ms >= st.ms ? n.ms : null;
          break;
        }
      }
    }
    out.push({ blockId: b.id, start: b.start, end: b.end, startMs: st.ms, endMs, from: st.from });
  }
  return out;
}

export interface ViewerTimeline {
  turns: TurnTime[];
  skip: Array<{ startMs: number; endMs: number | null }>;
  /** A restricted passage that no time places: the recording cannot be offered with it skipped. */
  unplaceable: boolean;
}

/**
 * The timing a viewer who may not read `restricted` (character ranges) is given: turns touching a
 * restricted range removed, their span (from the first one's start to the last one's end, or to
 * the next timed turn) as merged skip ranges.
 */
export function viewerTimeline(blocks: TimelineBlock[], times: TurnTime[], restricted: Array<{ start: number; end: number }>): ViewerTimeline {
  if (!restricted.length) return { turns: times, skip: [], unplaceable: false };
  const byBlock = new Map(times.map((t) => [t.blockId, t]));
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  const touches = (b: { start: number; end: number }) => restricted.some((r) => b.start < r.end && b.end > r.start);
  const skip: ViewerTimeline['skip'] = [];
  let unplaceable = false;
  for (const r of restricted) {
    const hit = sorted.filter((b) => b.start < r.end && b.end > r.start);
    if (!hit.length) continue;
    const first = byBlock.get(hit[0]!.id);
    if (!first) {
      unplaceable = true;
      continue;
    }
    let endMs: number | null = null;
    const lastIndex = sorted.indexOf(hit[hit.length - 1]!);
    const last = byBlock.get(hit[hit.length - 1]!.id);
    // The end of the last restricted block, or failing that the start of the next timed block.
    if (last && last.endMs !== null) endMs = last.endMs;
    else {
      for (let j = lastIndex + 1; j < sorted.length; j++) {
        const n = byBlock.get(sorted[j]!.id);
        if (n) {
          endMs = n.startMs;
          break;
        }
      }
    }
    // Every block between first and last must be inside the span: if any has no time, the span still covers it by position.
    skip.push({ startMs: first.startMs, endMs });
  }
  skip.sort((a, b) => a.startMs - b.startMs);
  const merged: ViewerTimeline['skip'] = [];
  for (const s of skip) {
    const prev = merged[merged.length - 1];
    if (prev && (prev.endMs === null || s.startMs <= prev.endMs)) prev.endMs = prev.endMs === null || s.endMs === null ? null : Math.max(prev.endMs, s.endMs);
    else merged.push({ ...s });
  }
  const turns = times.filter((t) => !touches(t));
  return { turns, skip: merged, unplaceable };
}
