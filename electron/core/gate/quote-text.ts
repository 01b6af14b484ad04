/**
 * A quote's text as it would leave the app, before pseudonymisation: the kept pieces of its range
 * (the range minus editorial cuts, each cut shown by its mark), only the speech in them (turns and
 * speaker-less prose; notes and headings are not anyone's words), with annotations such as
 * `[laughter]` left out, so nothing that is not speech is ever presented as speech.
 */
import type { QuoteCut } from '../../../shared/domain/quotes';
import type { SourceData, Span } from './gate-data';

export interface QuoteRange {
  id: number;
  sourceId: number;
  start: number;
  end: number;
  cuts: QuoteCut[];
}

/** The range minus its cuts, in order, each with the mark of the cut that follows it. */
export function keptPieces(q: Pick<QuoteRange, 'start' | 'end' | 'cuts'>): Array<Span & { markAfter: string | null }> {
  const cuts = [...q.cuts].sort((a, b) => a.start - b.start);
  const pieces: Array<Span & { markAfter: string | null }> = [];
  let at = q.start;
  for (const c of cuts) {
    if (c.start > at) pieces.push({ start: at, end: c.start, markAfter: c.mark });
    else if (pieces.length) pieces[pieces.length - 1]!.markAfter = c.mark;
    at = Math.max(at, c.end);
  }
  if (at < q.end) pieces.push({ start: at, end: q.end, markAfter: null });
  return pieces;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The blocks that carry speech (turns, and prose with no speaker) overlapping a span. */
export function speechBlocks(src: SourceData, span: Span) {
  return src.blocks.filter((b) => (b.kind === 'turn' || b.kind === 'text') && overlaps(b, span));
}

/** The text of a span with annotations removed. */
function spokenText(src: SourceData, span: Span): string {
  let out = '';
  let at = span.start;
  for (const a of src.annotations) {
    if (a.end <= span.start || a.start >= span.end) continue;
    if (a.start > at) out += src.text.slice(at, a.start);
    at = Math.max(at, a.end);
  }
  if (at < span.end) out += src.text.slice(at, span.end);
  return out;
}

/** Where a span's text ends once trailing white space is trimmed (as tidy() trims it). */
function trimmedEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

function tidy(s: string): string {
  return s
    .replace(/[ \t]+/g, ' ')
    .replace(/ +([.,;:!?])/g, '$1')
    .trim();
}

/**
 * The words of the quote as fragments (one per stretch of speech between cuts and turn breaks),
 * each with what joins it to the one before: a cut mark, a space or a paragraph break.
 * Detection and pseudonymisation run on each fragment as written, so a cut never makes a
 * capitalised word look like a name in mid-sentence.
 */
export function quoteFragments(src: SourceData, q: Pick<QuoteRange, 'start' | 'end' | 'cuts'>): QuoteFragment[] {
  const out: QuoteFragment[] = [];
  let pendingMark: string | null = null;
  let lastBlock: number | null = null;
  for (const piece of keptPieces(q)) {
    for (const b of speechBlocks(src, piece)) {
      const from = Math.max(piece.start, b.start);
      const to = Math.min(piece.end, b.end);
      const words = tidy(spokenText(src, { start: from, end: to }));
      if (!words) continue;
      const joiner = !out.length ? '' : pendingMark ? ` ${pendingMark}${/^[.,;:!?]/.test(words) ? '' : ' '}` : lastBlock === b.id ? ' ' : '\n\n';
      pendingMark = null;
      // The words just before the fragment in its turn, so detection knows whether it starts mid-sentence.
      // And the words just after it, so an identifier that a cut (or the quote's end) splits is still
      // seen whole: `021 555 [...]` or `Harbour [...] Trust` cannot let its first part out.
      out.push({ joiner, text: words, before: src.text.slice(Math.max(b.start, from - 200), from), after: src.text.slice(trimmedEnd(src.text, from, to), Math.min(b.end, to + 200)) });
      lastBlock = b.id;
    }
    if (piece.markAfter && out.length) pendingMark = piece.markAfter;
  }
  if (pendingMark && out.length) out.push({ joiner: ` ${pendingMark}`, text: '', before: '', after: '' });
  return out;
}

export interface QuoteFragment {
  joiner: string;
  text: string;
  /** The source text just before the fragment in its block (up to 200 characters). */
  before: string;
  /** The source text just after the fragment in its block (up to 200 characters). */
  after: string;
}

export function joinFragments(parts: Array<{ joiner: string; text: string }>): string {
  return parts.map((p) => p.joiner + p.text).join('');
}

/** The words of the quote, cuts applied, annotations and non-speech blocks left out; paragraphs between turns. */
export function assembleQuoteText(src: SourceData, q: Pick<QuoteRange, 'start' | 'end' | 'cuts'>): string {
  return joinFragments(quoteFragments(src, q));
}
