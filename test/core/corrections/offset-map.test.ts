import { describe, expect, it } from 'vitest';
import { applyEdits, diffTexts, OffsetMap, type TextEdit } from '../../../shared/text/offset-map';

/** A deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * The reference model: every character of the new text tagged with where it came from (an old
 * character, or edit i's replacement). A range's exact carry is the span of its own surviving
 * characters plus the replacements of edits wholly inside it (insertions at an edge stay out).
 */
function reference(text: string, edits: TextEdit[], s: number, e: number): { start: number; end: number } | null {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const tags: Array<{ orig: number } | { edit: number }> = [];
  let at = 0;
  sorted.forEach((ed, i) => {
    for (let k = at; k < ed.start; k++) tags.push({ orig: k });
    for (let k = 0; k < ed.text.length; k++) tags.push({ edit: i });
    at = ed.end;
  });
  for (let k = at; k < text.length; k++) tags.push({ orig: k });
  const inside = (i: number) => {
    const ed = sorted[i]!;
    if (ed.start === ed.end) return ed.start > s && ed.start < e;
    return ed.start >= s && ed.end <= e;
  };
  const mine = tags.map((t, k) => ('orig' in t ? t.orig >= s && t.orig < e : inside(t.edit)) ? k : -1).filter((k) => k >= 0);
  if (!mine.length) return null;
  const start = mine[0]!;
  const end = mine[mine.length - 1]! + 1;
  expect(end - start, 'a carried range is contiguous').toBe(mine.length);
  return { start, end };
}

function randomEdits(r: () => number, length: number, n: number): TextEdit[] {
  const points = new Set<number>();
  const edits: TextEdit[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.floor(r() * (length + 1));
    const kind = r();
    const b = kind < 0.3 ? a : Math.min(length, a + 1 + Math.floor(r() * 8));
    const text = kind > 0.7 ? '' : ['x', 'ā', '😀', 'new words', ' '][Math.floor(r() * 5)]!;
    if (edits.some((x) => a < x.end && b > x.start) || (a === b && points.has(a)) || edits.some((x) => (x.start === x.end && x.start > a && x.start < b))) continue;
    if (a === b && text === '') continue;
    points.add(a);
    edits.push({ start: a, end: b, text });
  }
  return edits;
}

describe('offset map', () => {
  it('applies edits given in old offsets, in any order', () => {
    expect(applyEdits('the quick brown fox', [{ start: 16, end: 19, text: 'dog' }, { start: 4, end: 9, text: 'slow' }])).toBe('the slow brown dog');
    expect(() => applyEdits('abc', [{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }])).toThrow(/overlap/);
    expect(() => applyEdits('abc', [{ start: 2, end: 5, text: '' }])).toThrow(/0–3/);
  });

  it('carries ranges exactly: outside, inside, at the edges and across them', () => {
    const m = new OffsetMap([{ start: 4, end: 9, text: 'slow' }], 19); // "the quick brown fox" -> "the slow brown fox"
    expect(m.mapRange(10, 15)).toEqual({ start: 9, end: 14, fate: 'kept' }); // brown
    expect(m.mapRange(4, 9)).toEqual({ start: 4, end: 8, fate: 'changed' }); // quick -> slow
    expect(m.mapRange(0, 15)).toEqual({ start: 0, end: 14, fate: 'changed' });
    expect(m.mapRange(6, 15)).toEqual({ start: 8, end: 14, fate: 'trimmed' }); // "ick brown" loses "ick"
    expect(m.mapRange(0, 6)).toEqual({ start: 0, end: 4, fate: 'trimmed' });
    expect(m.mapRange(5, 8).fate).toBe('removed');
    const ins = new OffsetMap([{ start: 4, end: 4, text: 'very ' }], 19);
    expect(ins.mapRange(4, 9)).toEqual({ start: 9, end: 14, fate: 'kept' }); // insertion before stays out
    expect(ins.mapRange(0, 4)).toEqual({ start: 0, end: 4, fate: 'kept' }); // insertion after stays out
    expect(ins.mapRange(0, 9).fate).toBe('changed');
  });

  it('protective ranges take in whatever touches them', () => {
    const m = new OffsetMap([{ start: 4, end: 4, text: 'very ' }, { start: 10, end: 15, text: 'red' }], 19);
    expect(m.mapRange(4, 9, 'cover')).toEqual({ start: 4, end: 14, fate: 'changed' });
    expect(m.mapRange(12, 19, 'cover')).toEqual({ start: 15, end: 22, fate: 'changed' });
    expect(m.mapRange(16, 19, 'cover')).toEqual({ start: 19, end: 22, fate: 'kept' });
    expect(m.touches(0, 3)).toBe(false);
    expect(m.touches(0, 4)).toBe(true);
  });

  it('matches the character-by-character model on 3,000 random edit sets', () => {
    const r = rng(42);
    const text = 'Kia ora 😀 koutou, ngā mihi ki a koutou katoa. We talked about whānau and mahi. '.repeat(2);
    for (let round = 0; round < 3000; round++) {
      const edits = randomEdits(r, text.length, 1 + Math.floor(r() * 4));
      const map = new OffsetMap(edits, text.length);
      const after = applyEdits(text, edits);
      expect(map.newLength).toBe(after.length);
      const s = Math.floor(r() * text.length);
      const e = Math.min(text.length, s + 1 + Math.floor(r() * 20));
      const got = map.mapRange(s, e);
      const want = reference(text, edits, s, e);
      if (want === null) expect(got.fate, JSON.stringify({ edits, s, e })).toBe('removed');
      else expect({ start: got.start, end: got.end }, JSON.stringify({ edits, s, e })).toEqual(want);
      // Inverse restores the text and, for untouched ranges, the offsets.
      const inv = map.inverse(text);
      expect(applyEdits(after, inv.edits)).toBe(text);
      if (got.fate === 'kept') expect(inv.mapRange(got.start, got.end)).toMatchObject({ start: s, end: e });
    }
  });

  it('diffs word by word, so one changed word is one small edit', () => {
    const before = 'I went to the marae with my whanau on Sunday.';
    const after = 'I went to the marae with my whānau on Sunday!';
    const edits = diffTexts(before, after);
    expect(applyEdits(before, edits)).toBe(after);
    expect(edits).toEqual([{ start: 30, end: 31, text: 'ā' }, { start: 44, end: 45, text: '!' }]);
    expect(diffTexts('same', 'same')).toEqual([]);
    const r = rng(7);
    const words = ['kia', 'ora', ' ', 'whānau', '😀', 'and', '\n', 'the'];
    for (let i = 0; i < 500; i++) {
      const a = Array.from({ length: Math.floor(r() * 30) }, () => words[Math.floor(r() * words.length)]).join('');
      const b = Array.from({ length: Math.floor(r() * 30) }, () => words[Math.floor(r() * words.length)]).join('');
      expect(applyEdits(a, diffTexts(a, b))).toBe(b);
    }
  });
});
