/**
 * Precision and recall of identifier detection on the fixtures, against the hand labels in
 * test/fixtures/identifiers-truth.json. Used by the pseudo bench (figures) and by a test that
 * asserts the must-catch kinds are all found (a correctness property, not a timing).
 *
 * Matching is strict: a detection counts only when its span is exactly a labelled occurrence.
 * `covered` (recall) is looser: the labelled occurrence lies wholly inside some detection, so it
 * would be replaced or block the quote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CandidateKind } from '../../shared/domain/pseudonyms';

export interface Span {
  start: number;
  end: number;
  kind: CandidateKind | string;
}

export interface Truth {
  files: Record<string, { text: string; kind: string }[]>;
  /** Sentences written after the detectors were done, never used to tune them. */
  heldOut: { text: string; labels: { text: string; kind: string }[] }[];
  /** A second held-out set (issue 11: obfuscation, te reo names, titles, separators, spoken digits). */
  heldOut2?: { text: string; labels: { text: string; kind: string }[] }[];
}

/** A held-out set's sentences as files of their own, for score(). */
export function heldOutTruth(t: Truth, key: 'heldOut' | 'heldOut2' = 'heldOut'): { files: { file: string; text: string }[]; truth: Truth } {
  const set = t[key] ?? [];
  const files = set.map((h, i) => ({ file: `${key}-${i + 1}`, text: h.text }));
  return { files, truth: { files: Object.fromEntries(set.map((h, i) => [`${key}-${i + 1}`, h.labels])), heldOut: [] } };
}

export function readTruth(): Truth {
  return JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/identifiers-truth.json'), 'utf8')) as Truth;
}

/** Every whole-word occurrence of each labelled string, longest strings first, never overlapping. */
export function truthSpans(text: string, labels: { text: string; kind: string }[]): Span[] {
  const out: Span[] = [];
  const sorted = [...labels].sort((a, b) => b.text.length - a.text.length);
  for (const l of sorted) {
    let at = 0;
    for (;;) {
      const i = text.indexOf(l.text, at);
      if (i < 0) break;
      at = i + 1;
      const end = i + l.text.length;
      const before = text.charAt(i - 1);
      const after = text.charAt(end);
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      if (out.some((s) => i < s.end && s.start < end)) continue;
      out.push({ start: i, end, kind: l.kind });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface Tally {
  truth: number;
  found: number;
  predicted: number;
  correct: number;
  covered: number;
}

export interface Scores {
  byKind: Record<string, Tally>;
  overall: Tally;
  misses: { file: string; text: string; kind: string }[];
  falsePositives: { file: string; text: string; kind: string }[];
}

const empty = (): Tally => ({ truth: 0, found: 0, predicted: 0, correct: 0, covered: 0 });

export function score(files: { file: string; text: string; predicted: Span[] }[], truth: Truth): Scores {
  const byKind: Record<string, Tally> = {};
  const overall = empty();
  const misses: Scores['misses'] = [];
  const falsePositives: Scores['falsePositives'] = [];
  const k = (kind: string) => (byKind[kind] ??= empty());
  for (const f of files) {
    const gold = truthSpans(f.text, truth.files[f.file] ?? []);
    for (const g of gold) {
      k(g.kind).truth++;
      overall.truth++;
      const exact = f.predicted.some((p) => p.start === g.start && p.end === g.end);
      const covered = f.predicted.some((p) => p.start <= g.start && p.end >= g.end);
      if (exact) (k(g.kind).found++, overall.found++);
      if (covered) (k(g.kind).covered++, overall.covered++);
      if (!exact) misses.push({ file: f.file, text: f.text.slice(g.start, g.end), kind: g.kind });
    }
    for (const p of f.predicted) {
      k(p.kind).predicted++;
      overall.predicted++;
      if (gold.some((g) => g.start === p.start && g.end === p.end)) (k(p.kind).correct++, overall.correct++);
      else falsePositives.push({ file: f.file, text: f.text.slice(p.start, p.end), kind: p.kind });
    }
  }
  return { byKind, overall, misses, falsePositives };
}

export const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
