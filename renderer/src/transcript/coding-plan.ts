/**
 * Pure helpers of the transcript as a coding surface (no React, no DOM): codings → highlights and
 * stripes, and a selection or caret → the coding target.
 */
import type { Coding } from '../../../shared/domain/coding';
import type { Code, SourceDetail } from '../../../shared/domain/project';
import { formatDate } from '../../../shared/format/dates';
import type { CodingTarget } from '../codes/target';
import type { TranscriptHighlight } from './offsets';

export function highlightsFor(codings: Coding[], codes: Map<number, Code>, dateFormat: 'nz' | 'iso'): TranscriptHighlight[] {
  const out: TranscriptHighlight[] = [];
  // Codings made in the same minute share a date: format each minute once (5,000 codings, few minutes).
  const days = new Map<string, string>();
  for (const c of codings) {
    const code = codes.get(c.codeId);
    if (!code) continue;
    const minute = c.createdAt.slice(0, 16);
    let day = days.get(minute);
    if (day === undefined) {
      day = formatDate(c.createdAt, dateFormat);
      days.set(minute, day);
    }
    out.push({ id: c.id, start: c.start, end: c.end, color: code.color, label: `${code.name} — ${c.coder}, ${day}`, stripe: String(code.id) });
  }
  return out;
}

type Turn = { id: number; start: number; end: number };

/** Turns (sorted) overlapping [start, end), or holding `start` when the range is empty. */
export function turnsAt(turns: Turn[], start: number, end: number): Turn[] {
  return turns.filter((b) => (end > start ? b.start < end && b.end > start : b.start <= start && b.end >= start));
}

export function targetFor(source: SourceDetail, turns: Turn[], range: { start: number; end: number } | null, caret: number | null): CodingTarget | null {
  const hit = range ? turnsAt(turns, range.start, range.end) : caret !== null ? turnsAt(turns, caret, caret) : [];
  if (!range && hit.length === 0) return null;
  const first = hit[0];
  const last = hit[hit.length - 1];
  return { sourceId: source.id, range, blockIds: hit.map((b) => b.id), turnRange: first && last ? { start: first.start, end: last.end } : null, armed: range !== null };
}
