/** Pure helpers for the player: which turn is spoken at a time, and the time of a place in the text. */
import type { TurnTime } from '../../../shared/domain/media';
import { getBridge } from '../api/bridge';

/** The turn being spoken at `ms` (turns sorted by start time): the last one started at or before it and not yet ended. */
export function turnAt(turns: TurnTime[], ms: number): TurnTime | null {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((turns[mid] as TurnTime).startMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  const t = turns[lo - 1];
  if (!t) return null;
  return t.endMs === null || ms < t.endMs ? t : null;
}

/** The time of source offset `offset`: inside a timed turn, interpolated by character between its start and end. */
export function timeAtOffset(turns: TurnTime[], offset: number): number | null {
  const t = turns.find((x) => offset >= x.start && offset <= x.end);
  if (!t) return null;
  if (t.endMs === null || t.end <= t.start) return t.startMs;
  return Math.round(t.startMs + ((offset - t.start) / (t.end - t.start)) * (t.endMs - t.startMs));
}

const TOKEN_KEY = 'focal.token';

/** Where the player reads a recording: Electron's focal-media:// scheme, or the harness's token-checked endpoint. */
export function mediaSrc(sourceId: number, streamKey: string, frameId: number | null): string {
  const frame = frameId !== null ? `frameId=${frameId}` : '';
  if (getBridge()) return `focal-media://${streamKey}/${sourceId}${frame ? `?${frame}` : ''}`;
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return `/api/media/${sourceId}?token=${encodeURIComponent(token)}${frame ? `&${frame}` : ''}`;
}
