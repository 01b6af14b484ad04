/**
 * Interval arithmetic for agreement: a coder's codings of one code in one source as sorted,
 * merged [start, end) ranges, and one sweep over every coder's ranges that says how many units
 * were coded by exactly k coders. No per-character arrays: the cost is the number of ranges.
 */

export type Range = readonly [number, number];

/** Sorted, overlapping or touching ranges joined, clipped to [0, length). */
export function mergeRanges(ranges: Iterable<Range>, length: number): Array<[number, number]> {
  const sorted = [...ranges].map(([s, e]) => [Math.max(0, s), Math.min(length, e)] as [number, number]).filter(([s, e]) => e > s);
  sorted.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export function rangesLength(ranges: readonly Range[]): number {
  let n = 0;
  for (const [s, e] of ranges) n += e - s;
  return n;
}

/**
 * For m coders' merged ranges over `units` characters: hist[k] = characters coded by exactly k of
 * them (hist[0] = coded by none). One sweep over the sorted boundaries.
 */
export function coverageHistogram(perCoder: ReadonlyArray<readonly Range[]>, units: number): number[] {
  const m = perCoder.length;
  const hist = new Array<number>(m + 1).fill(0);
  const events: number[] = []; // encoded as position * 2 + (0 = end, 1 = start): ends sort first at a tie
  for (const ranges of perCoder) for (const [s, e] of ranges) events.push(s * 2 + 1, e * 2);
  events.sort((a, b) => a - b);
  let depth = 0;
  let at = 0;
  for (const ev of events) {
    const pos = ev >> 1;
    if (pos > at) {
      hist[depth]! += pos - at;
      at = pos;
    }
    depth += ev & 1 ? 1 : -1;
  }
  hist[0]! += units - at;
  return hist;
}

/**
 * The same for units that are turns: a coder codes a turn when any of their ranges overlaps it.
 * `turns` are sorted [start, end) ranges; returns hist over turns and each coder's coded-turn count.
 */
export function turnHistogram(perCoder: ReadonlyArray<readonly Range[]>, turns: readonly Range[]): { hist: number[]; coded: number[] } {
  const m = perCoder.length;
  const counts = new Uint16Array(turns.length);
  const coded = new Array<number>(m).fill(0);
  perCoder.forEach((ranges, c) => {
    let i = 0;
    for (let t = 0; t < turns.length; t++) {
      const [ts, te] = turns[t]!;
      while (i < ranges.length && ranges[i]![1] <= ts) i++;
      const r = ranges[i];
      if (r && r[0] < te && r[1] > ts) {
        counts[t]!++;
        coded[c]!++;
      }
    }
  });
  const hist = new Array<number>(m + 1).fill(0);
  for (const n of counts) hist[n]!++;
  return { hist, coded };
}
