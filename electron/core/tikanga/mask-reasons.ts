/**
 * How the gate and the project check name an undecided identifier: by its words when it stands in
 * open text, but inside a restricted (tapu) passage by its kind and position only (“an undecided
 * name at 1,234–1,240 in a restricted passage”). Reasons are shown to everyone (the quote bank, the
 * CLI, export results), so this holds whoever reads them, the kaitiaki included.
 */
import type { Candidate, CandidateKind } from '../../../shared/domain/pseudonyms';

interface Span {
  start: number;
  end: number;
}

const KIND_WORDS: Record<CandidateKind, string> = {
  participant: 'name',
  'first-name': 'name',
  'third-party': 'name',
  place: 'place',
  organisation: 'organisation name',
  service: 'service name',
  nhi: 'NHI number',
  phone: 'phone number',
  email: 'email address',
  url: 'web address',
  address: 'address',
  'date-of-birth': 'date of birth',
};

const n = (x: number) => x.toLocaleString('en-NZ');

/** Restricted ranges from a source's labels (a whole-source label covers all of it). */
export function restrictedSpans(labels: Array<{ start: number | null; end: number | null; label: string }>, textLength: number): Span[] {
  return labels.filter((l) => l.label === 'restricted').map((l) => (l.start === null || l.end === null ? { start: 0, end: textLength } : { start: l.start, end: l.end }));
}

const touches = (a: Span, spans: Span[]) => spans.some((r) => a.start < r.end && a.end > r.start);

/**
 * Splits undecided candidates (detected in a quote's exported text, so without source offsets) into
 * the texts that may be quoted in a reason and descriptions of those inside restricted passages.
 * Each text is looked for in the source within `pieces`: shown if it occurs outside every restricted
 * range; described by kind and position if it occurs only inside one; described without a position
 * if it cannot be placed while the pieces touch a restricted range (never shown on a guess).
 */
export function undecidedForReason(src: { text: string }, restricted: Span[], pieces: Span[], pending: Candidate[]): { shown: string[]; hidden: string[] } {
  const shown: string[] = [];
  const hidden: string[] = [];
  const seen = new Set<string>();
  const piecesTouch = pieces.some((p) => touches(p, restricted));
  for (const c of pending) {
    if (seen.has(c.text)) continue;
    seen.add(c.text);
    if (!piecesTouch || !c.text) {
      shown.push(c.text);
      continue;
    }
    const at: Span[] = [];
    for (const p of pieces) {
      for (let i = src.text.indexOf(c.text, p.start); i !== -1 && i + c.text.length <= p.end; i = src.text.indexOf(c.text, i + 1)) at.push({ start: i, end: i + c.text.length });
    }
    if (at.some((s) => !touches(s, restricted))) shown.push(c.text);
    else {
      const what = KIND_WORDS[c.kind] ?? 'identifier';
      const first = at[0];
      hidden.push(`an undecided ${what}${first ? ` at ${n(first.start)}–${n(first.end)}` : ''} in a restricted passage`);
    }
  }
  return { shown, hidden };
}
