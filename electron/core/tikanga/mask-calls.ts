/**
 * Masking for the calls whose results hold talk beyond the transcript, retrieval and the quote bank
 * (mask-results.ts): pseudonymisation review (detect, preview), passage marks, withdrawal effects,
 * auto-code and "code all results" previews, and quoting a selection. One rule everywhere, from
 * sensitivity.ts: unless mayReadRestricted(core, sourceId, frameId) says this viewer may read a
 * source's restricted (tapu) passages, their characters are replaced one for one (offsets hold);
 * a candidate identifier inside one keeps its kind, status and offsets but loses its words.
 * The frame is the one the caller works in (or the code's frame), passed through as given:
 * nothing here unmasks on any other ground.
 */
import type { Candidate, PseudoPreview, PseudoRangeResult } from '../../../shared/domain/pseudonyms';
import type { PassageMark, WithdrawalEffects } from '../../../shared/domain/quotes';
import type { AutoCodePreview } from '../../../shared/domain/coding';
import type { MaskedRange } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { applyCandidates } from '../pseudonyms/replace';
import { maskingFor, overlaps, querySegmentsForViewer } from './mask-results';

/** What a masked candidate shows instead of its words and its replacement. */
export const MASK = '••••';
export const HIDDEN_NOTE = 'In a restricted (tapu) passage: only the kaitiaki can review it.';

const bullets = (s: string) => s.replace(/[^\n]/g, '•');

/** The frame a code belongs to (the viewer's frame when they look at that code's material). */
export function frameOfCode(core: FocalCore, codeId: number | null | undefined): number | undefined {
  if (codeId === null || codeId === undefined) return undefined;
  return (core.requireProject().db.prepare('SELECT frame_id FROM codes WHERE id = ?').pluck().get(codeId) as number | undefined) ?? undefined;
}

/** A source's text as this viewer may read it (masked where they may not), made once per source per call. */
export function textReaderForViewer(core: FocalCore, frameId: number | undefined): (sourceId: number) => string {
  const db = core.requireProject().db;
  const masking = maskingFor(core, frameId);
  const textOf = db.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  const plain = new Map<number, string>();
  return (sourceId) => {
    const m = masking(sourceId);
    if (m) return m.masked();
    if (!plain.has(sourceId)) plain.set(sourceId, (textOf.get(sourceId) as string | undefined) ?? '');
    return plain.get(sourceId)!;
  };
}

/** A candidate inside a restricted range: kind, status and offsets only. */
function maskCandidate(c: Candidate): Candidate {
  return { start: c.start, end: c.end, text: bullets(c.text), kind: c.kind, suggestion: MASK, status: c.status, note: HIDDEN_NOTE };
}

/** The restricted ranges of a source relative to `start`, or null when this viewer may read it all. */
function localRanges(core: FocalCore, sourceId: number, start: number): MaskedRange[] | null {
  const m = maskingFor(core, undefined)(sourceId);
  if (!m) return null;
  return m.ranges.map((r) => ({ ...r, start: r.start - start, end: r.end - start }));
}

export function detectForViewer(core: FocalCore, r: PseudoRangeResult): PseudoRangeResult {
  const m = maskingFor(core, undefined)(r.sourceId);
  if (!m || !overlaps(r, m.ranges)) return r;
  const local = localRanges(core, r.sourceId, r.start)!;
  return { ...r, text: m.masked().slice(r.start, r.end), candidates: r.candidates.map((c) => (overlaps(c, local) ? maskCandidate(c) : c)) };
}

/**
 * The pseudonymised preview of a range as this viewer may see it, made from the range's detection
 * (`detected`, offsets relative to the range): replacements applied to the masked text, so what a
 * replacement would say about a tapu word never shows; unresolved ones inside are masked.
 */
export function previewForViewer(core: FocalCore, preview: PseudoPreview, detected: PseudoRangeResult): PseudoPreview {
  const m = maskingFor(core, undefined)(preview.sourceId);
  if (!m || !overlaps(preview, m.ranges)) return preview;
  const local = localRanges(core, preview.sourceId, preview.start)!;
  const visible = detected.candidates.filter((c) => !overlaps(c, local));
  const out = applyCandidates(m.masked().slice(preview.start, preview.end), visible);
  const unresolved = detected.candidates.filter((c) => c.status === 'pending').map((c) => (overlaps(c, local) ? maskCandidate(c) : c));
  return { ...preview, text: out.text, unresolved, replaced: out.replacements.length };
}

export function passageMarksForViewer(core: FocalCore, marks: PassageMark[]): PassageMark[] {
  const masking = maskingFor(core, undefined);
  return marks.map((p) => {
    const m = masking(p.sourceId);
    return m && overlaps(p, m.ranges) ? { ...p, text: m.masked().slice(p.start, p.end) } : p;
  });
}

export function withdrawalEffectsForViewer(core: FocalCore, fx: WithdrawalEffects): WithdrawalEffects {
  // Not a view in any frame (the register's withdrawal panel): no frame, the safe default.
  const masking = maskingFor(core, undefined);
  const maskOne = <T extends { sourceId: number; start: number; end: number; text: string }>(x: T): T => {
    const m = masking(x.sourceId);
    return m && overlaps(x, m.ranges) ? { ...x, text: m.masked().slice(x.start, x.end) } : x;
  };
  return { ...fx, segments: fx.segments.map(maskOne), quotes: fx.quotes.map(maskOne) };
}

/** Auto-code's preview ranges, seen in the frame of the code being applied (as retrieval). */
export function autoCodePreviewForViewer(core: FocalCore, preview: AutoCodePreview, codeId: number): AutoCodePreview {
  return { ...preview, ranges: querySegmentsForViewer(core, preview.ranges, frameOfCode(core, codeId)) };
}

export const SELECTION_REFUSED =
  'This selection touches a restricted (tapu) passage; it can be quoted only by someone who may read it (the kaitiaki, working in a kaupapa Māori frame).';

/**
 * Quoting a selection follows quotes-from-query: a range touching a restricted passage this viewer
 * may not read (in the frame of the code it is filed under, if any) is refused.
 */
export function refuseRestrictedSelection(core: FocalCore, input: { sourceId: number; start: number; end: number; codeId?: number | null | undefined; frameId?: number | undefined }): void {
  // The frame the quote is filed in: its code's, else the frame the viewer works in.
  const frame = input.codeId != null ? frameOfCode(core, input.codeId) : input.frameId;
  const m = maskingFor(core, frame)(input.sourceId);
  if (m && overlaps(input, m.ranges)) throw new FocalError('forbidden', SELECTION_REFUSED);
}

/**
 * Widening a quote (quote-update) over a restricted passage the viewer may not read is refused the
 * same way; trimming a quote that already touches one is allowed (it can only take words away).
 */
export function refuseRestrictedWidening(core: FocalCore, input: { id: number; start?: number | undefined; end?: number | undefined; codeId?: number | null | undefined }): void {
  if (input.start === undefined && input.end === undefined) return;
  const q = core.requireProject().db.prepare('SELECT source_id AS sourceId, start, end, code_id AS codeId FROM quotes WHERE id = ?').get(input.id) as
    | { sourceId: number; start: number; end: number; codeId: number | null }
    | undefined;
  if (!q) return; // updateQuote says the quote does not exist
  const start = input.start ?? q.start;
  const end = input.end ?? q.end;
  const codeId = input.codeId === undefined ? q.codeId : input.codeId;
  const added = [
    { start, end: Math.min(end, q.start) },
    { start: Math.max(start, q.end), end },
  ].filter((r) => r.end > r.start);
  for (const r of added) refuseRestrictedSelection(core, { sourceId: q.sourceId, ...r, codeId: codeId ?? undefined });
}

/** The restricted ranges of each source this viewer may not read in `frameId` (none for a reader). */
export function hiddenRangesFor(core: FocalCore, frameId: number | undefined): (sourceId: number) => Array<{ start: number; end: number }> {
  const masking = maskingFor(core, frameId);
  return (sourceId) => masking(sourceId)?.ranges ?? [];
}
