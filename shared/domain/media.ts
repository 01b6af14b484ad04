/** A recording linked to a transcript, and the timing the player works from (electron/core/media). */

export type MediaKind = 'audio' | 'video';

/**
 * none: no recording linked. ok: the file is where the link says, with the same hash.
 * missing: not there, and not found again by name and hash in the project's folder.
 * changed: a file is there but its content is not the one linked (size or SHA-256 differ).
 */
export type MediaStatus = 'none' | 'ok' | 'missing' | 'changed';

export interface MediaLink {
  fileName: string;
  /** As stored: relative to the project file's folder ('/' separators) when `relative`, else absolute. */
  path: string;
  relative: boolean;
  kind: MediaKind;
  mime: string;
  size: number;
  sha256: string;
  linkedAt: string;
  linkedBy: string;
}

/** Where a turn's time comes from: the transcript file, a sync point set while listening, or interpolated between them. */
export type TimeSource = 'file' | 'sync' | 'interpolated';

export interface TurnTime {
  blockId: number;
  start: number;
  end: number;
  startMs: number;
  /** Null when the recording's end is the only bound known. */
  endMs: number | null;
  from: TimeSource;
}

export interface MediaInfo {
  sourceId: number;
  status: MediaStatus;
  link: MediaLink | null;
  /** True when the link was just mended: the file had moved and was found again by name and hash. */
  relinked: boolean;
  /**
   * False when this viewer may not hear the recording at all (the whole transcript is restricted,
   * or a restricted passage cannot be placed in time); `refusal` says why.
   */
  mayPlay: boolean;
  refusal: string | null;
  /** Times of the blocks that have one (file, sync point or interpolated); restricted turns are left out for a viewer who may not read them. */
  turns: TurnTime[];
  /** Time ranges the player skips for this viewer (restricted passages); empty when they may read them. */
  skip: Array<{ startMs: number; endMs: number | null }>;
  /** Per-session key naming this core in media URLs (Electron's focal-media:// scheme). Not a secret worth more than the window. */
  streamKey: string;
  /** Blocks with a sync point set by hand (untimed transcripts). */
  syncPoints: Array<{ blockId: number; ms: number }>;
}

/** The first moment at or after `ms` the player may play, given skip ranges (null: nothing left). */
export function nextPlayable(ms: number, skip: Array<{ startMs: number; endMs: number | null }>): number | null {
  let t = ms;
  for (const s of skip) {
    if (t >= s.startMs && (s.endMs === null || t < s.endMs)) {
      if (s.endMs === null) return null;
      t = s.endMs;
    }
  }
  return t;
}
