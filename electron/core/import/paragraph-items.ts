/**
 * The body of a text, Markdown or Word transcript as a list of classified lines ("items"), and
 * the rules that decide which of its speaker labels are really speakers.
 *
 * A line is a label when it opens with `Name:` (speaker-label.ts), when the format marked it (a
 * bold run in Word, `**Name:**` in Markdown, a table row), or when it carries a time the way a
 * transcription service writes one (timed-labels.ts). Then:
 *
 * - Otter/Rev/Teams files (two or more labels alone on their line with a time) take speakers only
 *   from those labels: a `Note: ...` line inside a turn is the speaker's words, not a new speaker;
 * - `Name 0:03` with a single space is a label only when its words follow on the next line and
 *   some name does so twice (or the file has surer timed labels);
 * - a name line and a time line (`**Aroha**` / `0:03`; `0:0:0.0 --> 0:0:3.7` / `Aroha`) make one
 *   label when the name is bold, the time a range, or the pattern recurs;
 * - a timed label must not be the only one in the file (`Lunch: (12:30) in the foyer`, `Total  3:45`);
 * - contact lines (`Tel: 04 123 4567`, `Email: a@b.nz`) are never speakers;
 * - a section word (`Acknowledgements`, `Date`, `References`) seen once is not a speaker in a long
 *   document, nor when it stands alone on its line (then it is a heading);
 * - a label seen once, alone on its line, that would take more than ~5,000 words is not a speaker;
 * - in a long document where no label recurs, a label seen once is not a speaker;
 * - a line with only a time just before a label gives that label its time.
 */
import type { SourceLine } from './blocks-from-paragraphs';
import { isContactField, isSectionWord, looksLikeContactValue } from './label-words';
import { looksLikeSpeakerLabel, splitSpeakerPrefix } from './speaker-label';
import { readTimedLine } from './timed-labels';

export type ItemKind = 'blank' | 'heading' | 'label' | 'time' | 'plain' | 'skip';

export interface Item {
  /** 1-based position of the line, for warnings. */
  at: number;
  kind: ItemKind;
  /** The line as written (trimmed): what a rejected label falls back to. */
  text: string;
  label?: string;
  /** For labels: the words after the label on the same line. */
  rest?: string;
  startMs?: number;
  endMs?: number;
  /** Where a label came from: the format's own marking, a `Name:` prefix, or a time pattern. */
  origin?: 'given' | 'prefix' | 'timed';
  /** A label the format makes unmistakable (a transcript table's row, a bold name with a time). */
  strong?: boolean;
  /** `Name 0:03` with one space: a label only with more evidence. */
  weak?: boolean;
  /** For time lines: start and end given. */
  range?: boolean;
  /** The whole line is bold (Word). */
  bold?: boolean;
  /** A line that always stands alone as prose (Otter's "Transcribed by https://otter.ai"). */
  standalone?: boolean;
  /** A blank line that ends the turn before it. */
  endsTurn?: boolean;
}

/** Beyond this a document is long: about 1,000 words. */
const LONG_DOCUMENT_CHARS = 6_000;
/** A once-seen label alone on its line that would take more than this (~5,000 words) heads a section. */
const SECTION_CHARS = 30_000;

const STANDALONE = /^Transcribed by\s+(?:https?:\/\/)?(?:www\.)?otter\.ai\b/i;

export function classifyLines(lines: SourceLine[], from: number): Item[] {
  const items: Item[] = [];
  for (let i = from; i < lines.length; i++) items.push(classify(lines[i]!, i + 1));
  return items;
}

function classify(line: SourceLine, at: number): Item {
  const text = (line.whole ?? line.text).trim();
  if (line.heading) return { at, kind: 'heading', text: line.text.trim() };
  if (line.speaker !== undefined) {
    const item: Item = { at, kind: 'label', text, label: line.speaker, rest: line.text.trim(), origin: line.startMs === undefined ? 'given' : 'timed' };
    if (line.startMs !== undefined) item.startMs = line.startMs;
    if (line.endMs !== undefined) item.endMs = line.endMs;
    if (line.strong) item.strong = true;
    return item;
  }
  if (text === '') return line.endsTurn ? { at, kind: 'blank', text, endsTurn: true } : { at, kind: 'blank', text };
  const timed = readTimedLine(line.raw ?? text);
  if (timed?.form === 'time') {
    const item: Item = { at, kind: 'time', text, startMs: timed.startMs, range: timed.range };
    if (timed.endMs !== undefined) item.endMs = timed.endMs;
    return item;
  }
  if (timed) {
    const item: Item = { at, kind: 'label', text, label: timed.label, rest: timed.form === 'inline' ? timed.rest : '', origin: 'timed', startMs: timed.startMs };
    if (timed.endMs !== undefined) item.endMs = timed.endMs;
    if (timed.form === 'heading' && !timed.spaced) item.weak = true;
    if (timed.form === 'heading' && line.bold) item.strong = true;
    return item;
  }
  const prefix = splitSpeakerPrefix(text);
  if (prefix) return { at, kind: 'label', text, label: prefix.label, rest: prefix.rest, origin: 'prefix' };
  const item: Item = { at, kind: 'plain', text };
  if (line.bold) item.bold = true;
  if (STANDALONE.test(text)) item.standalone = true;
  return item;
}

const nextNonBlank = (items: Item[], i: number): number => {
  let j = i + 1;
  while (j < items.length && (items[j]!.kind === 'blank' || items[j]!.kind === 'skip')) j++;
  return j;
};

/** Applies the rules above, turning rejected labels into plain lines (or headings). Returns true for Otter/Rev/Teams-style files. */
export function decideLabels(items: Item[]): { timedHeadings: boolean } {
  pairNameAndTime(items);

  const counts = new Map<string, number>();
  for (const it of items) if (it.kind === 'label') counts.set(it.label!, (counts.get(it.label!) ?? 0) + 1);
  const isHeadingLabel = (it: Item) => it.kind === 'label' && it.origin === 'timed' && it.rest === '';
  const followedByWords = (i: number) => items[nextNonBlank(items, i)]?.kind === 'plain';

  let sureTimed = 0;
  for (const it of items) if (isHeadingLabel(it) && !it.weak) sureTimed++;
  // One space between name and time: a label when its words follow and some such name recurs (or surer labels exist).
  const weakWithWords = new Set([...items.entries()].filter(([i, it]) => it.weak && followedByWords(i)).map(([, it]) => it));
  const recurs = sureTimed >= 2 || [...weakWithWords].some((it) => (counts.get(it.label!) ?? 0) >= 2);
  for (const it of items) {
    if (!it.weak) continue;
    if (recurs && weakWithWords.has(it)) delete it.weak;
    else toPlain(it);
  }
  // One timed label in a whole document is a line of a programme or a table (`Total  3:45`), not a transcript's pattern.
  const timed = items.filter((it) => it.kind === 'label' && it.origin === 'timed' && !it.strong);
  if (timed.length === 1) asPrefixOrPlain(timed[0]!);
  const timedHeadings = items.filter(isHeadingLabel).length >= 2;

  const chars = items.reduce((n, it) => n + it.text.length, 0);
  const long = chars >= LONG_DOCUMENT_CHARS;
  const anyRecurs = [...counts.values()].some((n) => n >= 2);
  for (const [i, it] of items.entries()) {
    if (it.kind !== 'label' || it.strong || it.origin === 'timed') continue;
    const label = it.label!;
    const once = (counts.get(label) ?? 0) === 1;
    const alone = it.rest === '';
    if (timedHeadings || isContactField(label) || looksLikeContactValue(it.rest ?? '')) toPlain(it);
    else if (once && isSectionWord(label) && (long || alone)) {
      if (alone) {
        it.kind = 'heading';
        cleanLabel(it);
      } else toPlain(it);
    } else if (once && alone && charsUntilNextLabel(items, i) > SECTION_CHARS) toPlain(it);
    else if (once && long && !anyRecurs) toPlain(it);
  }

  attachTimes(items);
  return { timedHeadings };
}

/** A timed label taken back: `Aroha: (10:30) we started` is still Aroha's turn, its time part of the words. */
function asPrefixOrPlain(it: Item): void {
  const prefix = splitSpeakerPrefix(it.text);
  if (!prefix) return toPlain(it);
  cleanLabel(it);
  Object.assign(it, { kind: 'label', label: prefix.label, rest: prefix.rest, origin: 'prefix' });
}

function toPlain(it: Item): void {
  it.kind = 'plain';
  cleanLabel(it);
}

function cleanLabel(it: Item): void {
  delete it.label;
  delete it.rest;
  delete it.origin;
  delete it.weak;
  delete it.startMs;
  delete it.endMs;
}

function charsUntilNextLabel(items: Item[], i: number): number {
  let n = 0;
  for (let j = i + 1; j < items.length; j++) {
    const it = items[j]!;
    if (it.kind === 'label' || it.kind === 'heading') break;
    n += it.text.length;
  }
  return n;
}

/** `[00:00:04]` on the line before `Name: words` is that turn's time; other time lines stay as written. */
function attachTimes(items: Item[]): void {
  for (const [i, it] of items.entries()) {
    if (it.kind !== 'time') continue;
    const next = items[nextNonBlank(items, i)];
    if (next?.kind === 'label' && next.startMs === undefined) {
      next.startMs = it.startMs!;
      if (it.endMs !== undefined) next.endMs = it.endMs;
      it.kind = 'skip';
    } else {
      it.kind = 'plain';
      delete it.startMs;
      delete it.endMs;
      delete it.range;
    }
  }
}

/**
 * Teams and similar: a name line directly followed by a time line (`**Aroha Ngata**` / `0:03`),
 * or a time range line directly followed by a name line (`0:0:0.0 --> 0:0:3.7` / `Aroha`), then
 * the words. One label, when the name is bold, the time a range, or the same name does it twice.
 */
function pairNameAndTime(items: Item[]): void {
  const nameLike = (it: Item | undefined) =>
    it !== undefined && it.kind === 'plain' && it.text.length <= 60 && !/[.?!,;:]$/.test(it.text) && looksLikeSpeakerLabel(it.text);
  const candidates: { name: Item; time: Item }[] = [];
  for (let i = 0; i + 2 < items.length; i++) {
    const [a, b, c] = [items[i]!, items[i + 1]!, items[i + 2]!];
    if (c.kind !== 'plain') continue;
    if (nameLike(a) && b.kind === 'time') candidates.push({ name: a, time: b });
    else if (a.kind === 'time' && a.range && nameLike(b)) candidates.push({ name: b, time: a });
  }
  const seen = new Map<string, number>();
  for (const { name } of candidates) seen.set(name.text, (seen.get(name.text) ?? 0) + 1);
  for (const { name, time } of candidates) {
    if (!(name.bold || time.range || (seen.get(name.text) ?? 0) >= 2)) continue;
    Object.assign(name, { kind: 'label', label: name.text, rest: '', origin: 'timed', strong: true, startMs: time.startMs });
    if (time.endMs !== undefined) name.endMs = time.endMs;
    time.kind = 'skip';
  }
}
