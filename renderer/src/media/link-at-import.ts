/**
 * Recordings dropped together with their transcripts: a media file is never imported (never copied
 * into the project); it is linked to the transcript of the same base name in the same drop
 * (`hui-3.mp3` with `hui-3.vtt`), once that transcript is in. Needs the file's path, which only the
 * desktop app knows; in a browser tab the player's "Link recording…" takes a path instead.
 */
import type { ImportFileResult } from '../../../shared/domain/project';

const MEDIA = /\.(mp3|m4a|wav|ogg|opus|mp4|webm|mov)$/i;

export const isMediaName = (name: string) => MEDIA.test(name);

/** The name without its last extension, folded for matching (case, surrounding space). */
export const stemOf = (name: string) => name.replace(/\.[^.]+$/, '').trim().toLowerCase();

/** For each media file (by index), the index of the transcript with the same stem in the same drop, if any. */
export function pairRecordings(names: string[]): Map<number, number> {
  const transcripts = new Map<string, number>();
  names.forEach((n, i) => {
    if (!isMediaName(n) && !transcripts.has(stemOf(n))) transcripts.set(stemOf(n), i);
  });
  const pairs = new Map<number, number>();
  names.forEach((n, i) => {
    const t = isMediaName(n) ? transcripts.get(stemOf(n)) : undefined;
    if (t !== undefined) pairs.set(i, t);
  });
  return pairs;
}

/** The transcript a media file goes with, from its import result: the new source, or the one it duplicates. */
export function sourceOf(r: ImportFileResult | undefined): { sourceId: number; title: string } | null {
  if (r?.status === 'imported' && r.sourceId) return { sourceId: r.sourceId, title: r.title ?? r.fileName };
  if (r?.status === 'duplicate' && r.duplicateOf) return r.duplicateOf;
  return null;
}
