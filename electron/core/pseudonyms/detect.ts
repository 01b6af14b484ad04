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
import { detectHandles } from './detectors/handles';
import { detectNhi } from './detectors/nhi';
import { detectPhones } from './detectors/phone';
import { detectPlaces } from './detectors/places';
import { detectRegisterNames, detectRuleTerms } from './detectors/register-names';
import { PRIORITY, resolveOverlaps, type Detection } from './detectors/types';
import { normalise, plainText, storedSpan, visualForm, type Normalised } from './normalise';
import { spelledWindows } from './spelled';

export { resolveOverlaps };
import { tokenise } from './tokens';

/** The key a decision is stored under: read as displayed (see normalise.ts), folded, whitespace collapsed. */
export function decisionKey(text: string): string {
  return fold(plainText(text)).replace(/\s+/g, ' ').trim();
}

export function allDetections(ctx: PseudoContext, text: string, present: Set<number> | null = null): Detection[] {
  const t = tokenise(text);
  return [
    ...detectRuleTerms(ctx, text, t),
    ...detectRegisterNames(ctx, text, t, present),
    ...detectHandles(t, ctx.handles),
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

export interface DetectOptions {
  /**
   * The source text just before `text` (a quote fragment's preceding words). Only the part after
   * the last sentence end is used, so a name opening a fragment cut mid-sentence ("…and then
   * Bronwyn left") is judged as mid-sentence rather than as a capitalised sentence start.
   */
  before?: string;
  /**
   * The source the text comes from: a first name that is also a word (Aroha) is the participant's
   * only when they speak in it. Without it, anyone who speaks anywhere in the project counts.
   */
  sourceId?: number;
}

function presentIn(ctx: PseudoContext, opts: DetectOptions): Set<number> | null {
  return opts.sourceId === undefined ? null : (ctx.speakingBySource.get(opts.sourceId) ?? new Set());
}

export function detectIdentifiers(ctx: PseudoContext, text: string, opts: DetectOptions = {}): Candidate[] {
  const lead = sentenceLead(opts.before ?? '');
  const present = presentIn(ctx, opts);
  if (!lead) return detectPlain(ctx, text, present);
  const out: Candidate[] = [];
  for (const c of detectPlain(ctx, lead + text, present)) {
    if (c.end <= lead.length) continue;
    const s = Math.max(c.start, lead.length) - lead.length;
    const e = c.end - lead.length;
    out.push({ ...c, start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}

/** The unfinished sentence at the end of `before` ('' when it ends a sentence, or none is in reach). */
function sentenceLead(before: string): string {
  if (!before) return '';
  const tail = before.slice(-SENTENCE_LOOKBACK);
  let i = tail.length;
  while (i > 0 && !/[.!?\n…]/.test(tail.charAt(i - 1))) i--;
  if (i === 0 && before.length > SENTENCE_LOOKBACK) return '';
  return tail.slice(i);
}

/**
 * Detections on the text as a reader sees it: on a normalised copy when the stored text holds
 * invisible characters, compatibility letters, lookalikes or non-ASCII digits (and on its displayed
 * order when it holds a right-to-left override), plus names spelled letter by letter (spelled.ts),
 * mapped back to stored offsets.
 */
function detectNormalised(ctx: PseudoContext, text: string, present: Set<number> | null): Detection[] {
  const n = normalise(text);
  const back = (m: Normalised) => (d: Detection) => ({ ...d, ...storedSpan(text, m, d.start, d.end) });
  const found = n ? allDetections(ctx, n.text, present).map(back(n)) : allDetections(ctx, text, present);
  const read = n?.text ?? text;
  for (const d of detectSpelled(ctx, read, present)) found.push(n ? back(n)(d) : d);
  const v = visualForm(text);
  if (v) found.push(...allDetections(ctx, v.text, present).map(back(v)));
  return resolveOverlaps(found);
}

/**
 * Names spelled letter by letter in `text`, in its offsets: what detection finds on the joined letters
 * of a run, when it is found the way names are (not a pattern: an NHI or phone has its own spelled forms).
 */
function detectSpelled(ctx: PseudoContext, text: string, present: Set<number> | null): Detection[] {
  const out: Detection[] = [];
  for (const w of spelledWindows(text)) {
    for (const d of allDetections(ctx, w.text, present)) {
      if (d.priority === PRIORITY.pattern) continue;
      if (!w.runs.some(([a, b]) => d.start < b && a < d.end)) continue;
      out.push({ ...d, ...storedSpan(text, w, d.start, d.end), note: `spelled letter by letter: ${d.note ?? 'a name'}` });
    }
  }
  return out;
}

function detectPlain(ctx: PseudoContext, text: string, present: Set<number> | null): Candidate[] {
  return detectNormalised(ctx, text, present).map((d) => {
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
export function detectIdentifiersInSource(ctx: PseudoContext, sourceText: string, start: number, end: number, sourceId?: number): Candidate[] {
  const before = sourceText.slice(Math.max(0, start - SENTENCE_LOOKBACK), start);
  return detectIdentifiers(ctx, sourceText.slice(start, end), sourceId === undefined ? { before } : { before, sourceId });
}
