/**
 * Detection: every detector runs on the text, overlapping detections are resolved (longest first,
 * then rules before register names before patterns before gazetteer before capitalised words), and
 * each survivor gets its status from the rules, the register and the project's decisions.
 */
import { fold } from '../../../shared/text/fold';
import type { Candidate } from '../../../shared/domain/pseudonyms';
import type { PseudoContext } from './context';
import { detectAddresses } from './detectors/address';
import { detectCapitalisedNames } from './detectors/capitalised-names';
import { detectDatesOfBirth } from './detectors/date-of-birth';
import { detectEmails, detectUrls } from './detectors/email-url';
import { detectNhi } from './detectors/nhi';
import { detectPhones } from './detectors/phone';
import { detectPlaces } from './detectors/places';
import { detectRegisterNames, detectRuleTerms } from './detectors/register-names';
import { resolveOverlaps, type Detection } from './detectors/types';

export { resolveOverlaps };
import { tokenise } from './tokens';

/** The key a decision is stored under: folded, whitespace collapsed. */
export function decisionKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

export function allDetections(ctx: PseudoContext, text: string): Detection[] {
  const t = tokenise(text);
  return [
    ...detectRuleTerms(ctx, text, t),
    ...detectRegisterNames(ctx, text, t),
    ...detectNhi(text),
    ...detectPhones(text),
    ...detectEmails(text),
    ...detectUrls(text),
    ...detectAddresses(text),
    ...detectDatesOfBirth(text),
    ...detectPlaces(t, ctx.gazetteer),
    ...detectCapitalisedNames(t, ctx.gazetteer),
  ];
}

export function detectIdentifiers(ctx: PseudoContext, text: string): Candidate[] {
  return resolveOverlaps(allDetections(ctx, text)).map((d) => {
    const original = text.slice(d.start, d.end);
    let status: Candidate['status'] = 'pending';
    if (d.covered) status = 'rule';
    else if (ctx.decisions.has(decisionKey(original))) status = 'not-identifying';
    const c: Candidate = { start: d.start, end: d.end, text: original, kind: d.kind, suggestion: d.suggestion, status };
    if (d.ruleId !== undefined) c.ruleId = d.ruleId;
    if (d.participantId !== undefined) c.participantId = d.participantId;
    if (d.note && status === 'pending') c.note = d.note;
    return c;
  });
}

/** How far back a range's detection looks for the start of its sentence. */
const SENTENCE_LOOKBACK = 400;

/**
 * The candidates in `sourceText[start, end)`, offsets relative to `start`. Detection runs from the
 * start of the sentence the range begins in, so a name at the start of a range cut mid-sentence
 * ("…and then Bronwyn left") is judged as the mid-sentence word it is, not as a sentence start.
 * A candidate cut by the range's edge is kept, clipped to the range: part of a name still identifies.
 */
export function detectIdentifiersInSource(ctx: PseudoContext, sourceText: string, start: number, end: number): Candidate[] {
  let from = start;
  const floor = Math.max(0, start - SENTENCE_LOOKBACK);
  while (from > floor && !/[.!?\n…]/.test(sourceText.charAt(from - 1))) from--;
  if (from === floor && floor > 0) from = start; // no sentence start in reach: judge the range alone
  const text = sourceText.slice(start, end);
  const out: Candidate[] = [];
  for (const c of detectIdentifiers(ctx, sourceText.slice(from, end))) {
    const cs = c.start + from;
    const ce = c.end + from;
    if (ce <= start) continue;
    const s = Math.max(cs, start) - start;
    const e = ce - start;
    out.push({ ...c, start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}
