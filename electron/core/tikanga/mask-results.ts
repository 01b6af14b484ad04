/**
 * Search hits and query segments as this viewer may see them: the same rule as the transcript
 * (sensitivity.ts). Outside the kaupapa Māori frame, and unless the user is the kaitiaki, a
 * restricted (tapu) passage's words never leave the core: a hit whose matched words lie in one is
 * dropped (so a search cannot probe what a tapu passage says), and context around other hits is
 * masked character for character.
 */
import type { QuerySegment, SearchResult, TextSpan } from '../../../shared/domain/analysis';
import type { MaskedRange } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import { mayReadRestricted, maskText, restrictedRanges } from './sensitivity';

export interface Masking {
  text: string;
  ranges: MaskedRange[];
  /** The source's text with the ranges masked, made once per call when first needed. */
  masked: () => string;
}

/** Per call: each source's restricted ranges and masked text, only for sources this viewer may not read. */
export function maskingFor(core: FocalCore, frameId: number | undefined): (sourceId: number) => Masking | null {
  const db = core.requireProject().db;
  const textOf = db.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  const hasRestricted = db.prepare("SELECT 1 FROM sensitivity_labels WHERE source_id = ? AND label = 'restricted' LIMIT 1").pluck();
  const cache = new Map<number, Masking | null>();
  return (sourceId) => {
    if (!cache.has(sourceId)) {
      let m: Masking | null = null;
      if (hasRestricted.get(sourceId) && !mayReadRestricted(core, sourceId, frameId)) {
        const text = textOf.get(sourceId) as string;
        const ranges = restrictedRanges(db, sourceId, text.length);
        let masked: string | null = null;
        if (ranges.length) m = { text, ranges, masked: () => (masked ??= maskText(text, ranges)) };
      }
      cache.set(sourceId, m);
    }
    return cache.get(sourceId) ?? null;
  };
}

export const overlaps = (a: { start: number; end: number }, ranges: MaskedRange[]) => ranges.some((r) => a.start < r.end && a.end > r.start);

function maskSpans(spans: TextSpan[], at: number, ranges: MaskedRange[]): TextSpan[] {
  let pos = at;
  return spans.map((s) => {
    const start = pos;
    pos += s.text.length;
    const local = ranges.filter((r) => r.start < pos && r.end > start).map((r) => ({ ...r, start: Math.max(0, r.start - start), end: Math.min(s.text.length, r.end - start) }));
    return local.length ? { ...s, text: maskText(s.text, local) } : s;
  });
}

export function searchForViewer(core: FocalCore, result: SearchResult, frameId: number | undefined): SearchResult {
  const masking = maskingFor(core, frameId);
  let dropped = 0;
  const hits = result.hits.flatMap((h) => {
    const m = masking(h.sourceId);
    if (!m || !overlaps({ start: h.blockStart, end: h.blockEnd }, m.ranges)) return [h];
    if (h.matches.some((x) => overlaps(x, m.ranges))) {
      dropped++;
      return [];
    }
    const contextText = h.context.map((s) => s.text).join('');
    const at = m.text.indexOf(contextText, h.blockStart);
    // The context is a window of the block; if it cannot be placed, show none of it rather than guess.
    const context = at === -1 ? [] : maskSpans(h.context, at, m.ranges);
    return [{ ...h, context }];
  });
  return dropped ? { ...result, hits, total: Math.max(0, result.total - dropped) } : { ...result, hits };
}

export function querySegmentsForViewer<S extends Pick<QuerySegment, 'sourceId' | 'start' | 'end' | 'text' | 'before' | 'after'>>(core: FocalCore, segments: S[], frameId: number | undefined): S[] {
  const masking = maskingFor(core, frameId);
  return segments.map((s) => {
    const m = masking(s.sourceId);
    if (!m || !overlaps({ start: s.start - s.before.length, end: s.end + s.after.length }, m.ranges)) return s;
    const masked = m.masked();
    return { ...s, text: masked.slice(s.start, s.end), before: masked.slice(s.start - s.before.length, s.start), after: masked.slice(s.end, s.end + s.after.length) };
  });
}

/**
 * Quotes in the bank as this viewer may see them: a quote touching a restricted passage shows its
 * words masked (the gate blocks it from every export anyway) unless the viewer works in the quote's
 * kaupapa Māori frame or is the kaitiaki.
 */
export function quotesForViewer<Q extends { sourceId: number; start: number; end: number; codeId: number | null; original: string; raw: string }>(core: FocalCore, quotes: Q[]): Q[] {
  const db = core.requireProject().db;
  const frameOf = db.prepare('SELECT frame_id FROM codes WHERE id = ?').pluck();
  // One masking per frame the quotes come from (usually one or two), each caching per source.
  const byFrame = new Map<number | undefined, ReturnType<typeof maskingFor>>();
  return quotes.map((q) => {
    const frameId = q.codeId === null ? undefined : ((frameOf.get(q.codeId) as number | undefined) ?? undefined);
    let masking = byFrame.get(frameId);
    if (!masking) byFrame.set(frameId, (masking = maskingFor(core, frameId)));
    const m = masking(q.sourceId);
    if (!m || !overlaps(q, m.ranges)) return q;
    const raw = m.masked().slice(q.start, q.end);
    return { ...q, raw, original: raw };
  });
}
