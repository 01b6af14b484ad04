/**
 * Interval algebra on coded ranges, per source. Each list is sorted by start; the set operations
 * are linear sweeps, so a coding query over 50,000 codings is a few passes over sorted arrays
 * read straight from the codings_code index.
 */
export interface Range {
  start: number;
  end: number;
}

export type BySource = Map<number, Range[]>;

/** Sorts and merges overlapping or touching ranges. */
export function mergeRanges(ranges: Range[]): Range[] {
  const s = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of s) {
    const prev = out[out.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Overlaps of two merged lists. */
export function intersectRanges(a: Range[], b: Range[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Range;
    const y = b[j] as Range;
    const s = Math.max(x.start, y.start);
    const e = Math.min(x.end, y.end);
    if (s < e) out.push({ start: s, end: e });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** a minus b (both merged). */
export function subtractRanges(a: Range[], b: Range[]): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const x of a) {
    let cur = x.start;
    while (j < b.length && (b[j] as Range).end <= cur) j++;
    let k = j;
    while (k < b.length && (b[k] as Range).start < x.end) {
      const y = b[k] as Range;
      if (y.start > cur) out.push({ start: cur, end: y.start });
      cur = Math.max(cur, y.end);
      k++;
    }
    if (cur < x.end) out.push({ start: cur, end: x.end });
  }
  return out;
}

/** Whether any range in the sorted list overlaps [start, end): binary search on starts. */
export function anyOverlap(sorted: Range[], start: number, end: number, maxLen: number): boolean {
  // Ranges that can overlap start after start - maxLen; find the first such by binary search.
  let lo = 0;
  let hi = sorted.length;
  const from = start - maxLen;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Range).start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length; i++) {
    const r = sorted[i] as Range;
    if (r.start >= end) break;
    if (r.end > start) return true;
  }
  return false;
}

export function mapSources(a: BySource, fn: (sourceId: number, ranges: Range[]) => Range[]): BySource {
  const out: BySource = new Map();
  for (const [id, rs] of a) {
    const r = fn(id, rs);
    if (r.length) out.set(id, r);
  }
  return out;
}

export function unionBySource(sets: BySource[]): BySource {
  const all: BySource = new Map();
  for (const s of sets) for (const [id, rs] of s) all.set(id, [...(all.get(id) ?? []), ...rs]);
  return mapSources(all, (_id, rs) => mergeRanges(rs));
}

export function intersectBySource(a: BySource, b: BySource): BySource {
  return mapSources(a, (id, rs) => intersectRanges(rs, b.get(id) ?? []));
}

export function subtractBySource(a: BySource, b: BySource): BySource {
  return mapSources(a, (id, rs) => subtractRanges(rs, b.get(id) ?? []));
}
