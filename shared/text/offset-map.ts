/**
 * An offset map: how positions and ranges in a text move when some of its spans are replaced.
 *
 * Edits are given in the OLD text's offsets (UTF-16 code units, as every offset in Focal), must not
 * overlap (two insertions at one point are refused too), and are applied together. The map answers
 * for every old range where it lies in the new text, and says what happened to it:
 *
 * - `kept`: no edit touched it (it may have moved);
 * - `changed`: an edit lay wholly inside it (edges included): it covers the corrected words;
 * - `trimmed`: an edit covered one of its ends: the range keeps only its surviving words;
 * - `removed`: an edit covered all of it (and more), or trimming left nothing.
 *
 * Two ways to carry a range, for its purpose:
 * - `exact` (codings, quotes, annotations): an insertion exactly at an edge stays outside, and a
 *   replacement that reaches over an edge is not taken in (the range is trimmed to its own words);
 * - `cover` (protections: restricted labels, withdrawn passages, session parts): whatever touches
 *   the range is taken in, so a protected passage never loses a character to an edit at its edge.
 *
 * Pure and dependency-free: the transcript correction uses it, and so can an importer that has to
 * move ranges onto a corrected text.
 */

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type RangeFate = 'kept' | 'changed' | 'trimmed' | 'removed';

export interface MappedRange {
  start: number;
  end: number;
  fate: RangeFate;
}

export type CarryMode = 'exact' | 'cover';

/** Sorted, validated edits; throws a plain Error naming the problem. */
export function normaliseEdits(edits: readonly TextEdit[], textLength: number): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let last = -1;
  let lastWasInsert = false;
  for (const e of sorted) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start || e.end > textLength) {
      throw new Error(`The edit ${e.start}–${e.end} is not a range inside the text (0–${textLength}).`);
    }
    if (e.start < last || (e.start === last && e.start === e.end && lastWasInsert)) throw new Error(`The edits at ${e.start}–${e.end} overlap another edit; give each span once.`);
    last = e.end;
    lastWasInsert = e.start === e.end;
  }
  return sorted.filter((e) => e.end > e.start || e.text.length > 0);
}

/** The text with the edits applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = normaliseEdits(edits, text.length);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

export class OffsetMap {
  readonly edits: readonly TextEdit[];
  readonly oldLength: number;
  readonly newLength: number;
  /** For each edit: its start in the new text. */
  private readonly newStarts: number[];

  constructor(edits: readonly TextEdit[], oldLength: number) {
    this.edits = normaliseEdits(edits, oldLength);
    this.oldLength = oldLength;
    let delta = 0;
    this.newStarts = this.edits.map((e) => {
      const s = e.start + delta;
      delta += e.text.length - (e.end - e.start);
      return s;
    });
    this.newLength = oldLength + delta;
  }

  get delta(): number {
    return this.newLength - this.oldLength;
  }

  /**
   * Where an old position lies in the new text. A position inside or at either edge of an edited
   * span goes to the replacement's start (`side` -1) or end (`side` 1).
   */
  mapPosition(pos: number, side: -1 | 1 = 1): number {
    let delta = 0;
    for (let i = 0; i < this.edits.length; i++) {
      const e = this.edits[i]!;
      if (pos < e.start) break;
      if (pos > e.end) {
        delta += e.text.length - (e.end - e.start);
        continue;
      }
      return side < 0 ? this.newStarts[i]! : this.newStarts[i]! + e.text.length;
    }
    return pos + delta;
  }

  /** Whether any edit touches [start, end], edges included (an edit right next to it counts). */
  touches(start: number, end: number): boolean {
    return this.edits.some((e) => e.start <= end && e.end >= start);
  }

  /** Where an old range lies in the new text, and what happened to it. */
  mapRange(start: number, end: number, mode: CarryMode = 'exact'): MappedRange {
    if (mode === 'cover') {
      const s = this.mapPosition(start, -1);
      const e = this.mapPosition(end, 1);
      if (e <= s) return { start: s, end: s, fate: 'removed' };
      return { start: s, end: e, fate: this.touches(start, end) ? 'changed' : 'kept' };
    }
    let fate: RangeFate = 'kept';
    let before = 0;
    let inside = 0;
    let s: number | null = null;
    let e: number | null = null;
    for (let i = 0; i < this.edits.length; i++) {
      const ed = this.edits[i]!;
      const d = ed.text.length - (ed.end - ed.start);
      // Wholly before the range (an insertion at its start stays outside it).
      if (ed.start === ed.end ? ed.start <= start : ed.end <= start) {
        before += d;
        continue;
      }
      // Wholly after it (an insertion at its end stays outside too).
      if (ed.start >= end) break;
      const ns = this.newStarts[i]!;
      if ((ed.start < start && ed.end >= end) || (ed.start <= start && ed.end > end)) return { start: ns, end: ns, fate: 'removed' };
      if (ed.start < start) {
        // Covers the range's start from before it: the range keeps the words after the edit.
        s = ns + ed.text.length;
        fate = 'trimmed';
        inside += d;
        continue;
      }
      if (ed.end > end) {
        // Covers its end from inside it: the range keeps the words before the edit.
        e = ns;
        fate = 'trimmed';
        break;
      }
      if (fate === 'kept') fate = 'changed';
      inside += d;
    }
    s ??= start + before;
    e ??= end + before + inside;
    if (e <= s) return { start: s, end: s, fate: 'removed' };
    return { start: s, end: e, fate };
  }

  /** The map back: edits on the new text that restore the old one (given the old text). */
  inverse(oldText: string): OffsetMap {
    // Edits that meet in the new text (two deletions side by side) become one.
    const back: TextEdit[] = [];
    this.edits.forEach((e, i) => {
      const b = { start: this.newStarts[i]!, end: this.newStarts[i]! + e.text.length, text: oldText.slice(e.start, e.end) };
      const last = back[back.length - 1];
      if (last && last.end === b.start) {
        last.end = b.end;
        last.text += b.text;
      } else back.push(b);
    });
    return new OffsetMap(back, this.newLength);
  }
}

/**
 * The smallest edits turning `before` into `after`, found word by word (a longest common
 * subsequence of words and the spaces between them, then common characters at each changed
 * stretch's ends), so that retyping a whole turn with one word changed touches only that word.
 */
export function diffTexts(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const tokenise = (t: string) => t.match(/\s+|[^\s]+/gu) ?? [];
  const a = tokenise(before);
  const b = tokenise(after);
  // Trim a common head and tail first: typical corrections touch one place.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const pairs: Array<[number, number]> = [];
  if (am.length * bm.length <= 4_000_000) {
    const n = am.length;
    const m = bm.length;
    const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = am[i] === bm[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (am[i] === bm[j]) pairs.push([i++, j++]);
      else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
      else j++;
    }
  }
  const offA: number[] = [0];
  for (const t of a) offA.push(offA[offA.length - 1]! + t.length);
  const offB: number[] = [0];
  for (const t of b) offB.push(offB[offB.length - 1]! + t.length);
  const edits: TextEdit[] = [];
  let pi = 0;
  let pj = 0;
  const flush = (ui: number, uj: number) => {
    let s = offA[head + pi]!;
    let e = offA[head + ui]!;
    let ns = offB[head + pj]!;
    let ne = offB[head + uj]!;
    // Common characters at the stretch's ends stay outside the edit.
    while (s < e && ns < ne && before[s] === after[ns]) s++, ns++;
    while (s < e && ns < ne && before[e - 1] === after[ne - 1]) e--, ne--;
    if (s < e || ns < ne) edits.push({ start: s, end: e, text: after.slice(ns, ne) });
  };
  for (const [i, j] of pairs) {
    if (i > pi || j > pj) flush(i, j);
    pi = i + 1;
    pj = j + 1;
  }
  if (pi < am.length || pj < bm.length) flush(am.length, bm.length);
  return edits;
}
