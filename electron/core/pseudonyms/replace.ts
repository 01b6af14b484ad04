/**
 * Replacement on a copy: every candidate covered by a rule or a pseudonym is replaced (longest match
 * first, whole words, folded for matching only); candidates marked not identifying stay; pending ones
 * are returned as unresolved (the export gate refuses a quote that has any). The stored text is never
 * touched, and nothing here ever emits the real-name ↔ pseudonym link.
 */
import type { Candidate } from '../../../shared/domain/pseudonyms';
import type { PseudoContext } from './context';
import { detectIdentifiers, detectIdentifiersInSource, type DetectOptions } from './detect';
import { plainText } from './normalise';

export interface Replacement {
  start: number;
  end: number;
  original: string;
  replacement: string;
}

export interface Pseudonymised {
  text: string;
  replacements: Replacement[];
  unresolved: Candidate[];
}

/** Keep a replacement's shape close to the original's: ALL CAPS stays all caps for names. */
function shaped(original: string, replacement: string): string {
  if (replacement.startsWith('[')) return replacement;
  // Read as displayed: math-bold or fullwidth letters have no case of their own.
  const letters = plainText(original).replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  return replacement;
}

export function pseudonymise(ctx: PseudoContext, text: string, opts: DetectOptions = {}): Pseudonymised {
  return applyCandidates(text, detectIdentifiers(ctx, text, opts));
}

/**
 * A range of a source, detected with the start of its sentence in view (see
 * detectIdentifiersInSource) and pseudonymised on a copy. Offsets are relative to `start`.
 */
export function pseudonymiseInSource(ctx: PseudoContext, sourceText: string, start: number, end: number, sourceId?: number): Pseudonymised {
  return applyCandidates(sourceText.slice(start, end), detectIdentifiersInSource(ctx, sourceText, start, end, sourceId));
}

/** Replaces the covered candidates of `text` (sorted, non-overlapping, offsets into `text`). */
export function applyCandidates(text: string, candidates: Candidate[]): Pseudonymised {
  const replacements: Replacement[] = [];
  const unresolved: Candidate[] = [];
  let out = '';
  let at = 0;
  for (const c of candidates) {
    if (c.status === 'pending') unresolved.push(c);
    if (c.status !== 'rule') continue;
    const replacement = shaped(c.text, c.suggestion);
    out += text.slice(at, c.start) + replacement;
    at = c.end;
    replacements.push({ start: c.start, end: c.end, original: c.text, replacement });
  }
  out += text.slice(at);
  return { text: out, replacements, unresolved };
}
