/** The pure parts of serving a recording: Range headers, focal-media:// URLs and turn timing (no Electron). */
import { describe, expect, it } from 'vitest';
import { nextPlayable } from '../../../shared/domain/media';
import { parseRange } from '../../../electron/core/media/serve';
import { turnTimes, viewerTimeline } from '../../../electron/core/media/timeline';
import { mediaUrl, parseMediaUrl } from '../../../electron/shell/media-url';

describe('parseRange', () => {
  it('reads one byte range in each form, clamps the end, and refuses ranges past the end', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-1000', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=50-5000', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=9-3', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    // Multi-range and other units: answered with the whole file, as RFC 9110 allows.
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
  });
});

describe('focal-media:// URLs', () => {
  const key = 'a'.repeat(32);
  it('names a core by its stream key and a transcript by id, and nothing else', () => {
    expect(parseMediaUrl(mediaUrl(key, 7))).toEqual({ ok: true, key, sourceId: 7, frameId: undefined });
    expect(parseMediaUrl(mediaUrl(key, 7, 3))).toEqual({ ok: true, key, sourceId: 7, frameId: 3 });
    for (const bad of [
      `file:///etc/passwd`,
      `app://focal/7`,
      `focal-media://${key}/../../etc/passwd`,
      `focal-media://${key}/%2Fetc%2Fpasswd`,
      `focal-media://${key}/7/x`,
      `focal-media://${key}/0`,
      `focal-media://not-a-key/7`,
      `focal-media://${key}/7?path=/etc/passwd`,
      `focal-media://${key}/7?frameId=-1`,
      'not a url',
    ]) expect(parseMediaUrl(bad).ok, bad).toBe(false);
  });
});

describe('turn times', () => {
  const b = (id: number, start: number, startMs: number | null = null, endMs: number | null = null) => ({ id, kind: 'turn', start, end: start + 90, startMs, endMs });

  it('interpolates by character offset between anchors, ends at the next start, and leaves turns outside the anchors untimed', () => {
    const blocks = [b(1, 0), b(2, 100), b(3, 200), b(4, 400), b(5, 500)];
    const t = turnTimes(blocks, new Map([[2, 1000], [4, 4000]]));
    expect(t.map((x) => [x.blockId, x.startMs, x.endMs, x.from])).toEqual([
      [2, 1000, 2000, 'sync'],
      [3, 2000, 4000, 'interpolated'],
      [4, 4000, null, 'sync'],
    ]);
  });

  it('a sync point wins over a file time; file end times are kept', () => {
    const t = turnTimes([b(1, 0, 0, 900), b(2, 100, 1000, 1900)], new Map([[2, 1200]]));
    expect(t).toMatchObject([{ blockId: 1, startMs: 0, endMs: 900, from: 'file' }, { blockId: 2, startMs: 1200, endMs: null, from: 'sync' }]);
  });

  it('a viewer who may not read a restricted range gets no times for the turns it touches, and their span to skip', () => {
    const blocks = [b(1, 0, 0, 900), b(2, 100, 1000, 1900), b(3, 200, 2000, 2900), b(4, 300, 3000, 3900)];
    const v = viewerTimeline(blocks, turnTimes(blocks, new Map()), [{ start: 150, end: 220 }]);
    expect(v.turns.map((t) => t.blockId)).toEqual([1, 4]);
    expect(v.skip).toEqual([{ startMs: 1000, endMs: 2900 }]);
    expect(v.unplaceable).toBe(false);
    // Untimed restricted turn: cannot be placed, so cannot be skipped.
    const untimed = [b(1, 0, 0, 900), b(2, 100)];
    expect(viewerTimeline(untimed, turnTimes(untimed, new Map()), [{ start: 120, end: 130 }]).unplaceable).toBe(true);
  });

  it('nextPlayable jumps over skip ranges, and to nothing past an open-ended one', () => {
    const skip = [{ startMs: 1000, endMs: 2000 }, { startMs: 2000, endMs: 3000 }, { startMs: 5000, endMs: null }];
    expect(nextPlayable(500, skip)).toBe(500);
    expect(nextPlayable(1500, skip)).toBe(3000);
    expect(nextPlayable(6000, skip)).toBeNull();
  });
});
