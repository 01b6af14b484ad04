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
import type { Detection } from './detectors/types';
import { tokenise } from './tokens';

/** The key a decision is stored under: folded, whitespace collapsed. */
export function decisionKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

export function allDetections(ctx: PseudoContext, text: string): Detection[] {
  const t = tokenise(text);
  return [
    ...detectRuleTerms(ctx, text),
    ...detectRegisterNames(ctx, text),
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

/** Longest first; on equal length the higher-priority detector wins; the rest must not overlap. */
export function resolveOverlaps(found: Detection[]): Detection[] {
  const sorted = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Detection[] = [];
  for (const d of sorted) {
    if (d.end <= d.start) continue;
    if (kept.some((k) => d.start < k.end && k.start < d.end)) continue;
    kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
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
