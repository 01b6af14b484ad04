/**
 * A turn far longer than every other in its file is more likely a heading or a stray label that
 * swallowed the document (`Acknowledgements` heading 294k of a 296k-character report) than one
 * person's words: such turns are reported so the person can check the label before coding.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';

/** A turn over this many words is suspect… */
export const SUSPECT_TURN_WORDS = 5_000;
/** …when the other turns' median is under this. */
const SHORT_TURN_WORDS = 1_000;
/** A word takes at least two characters with its space, so shorter turns need no counting. */
const MIN_CHARS_PER_WORD = 2;
/** Shorter turns' words are estimated from their length. */
const CHARS_PER_WORD = 6;

function words(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function suspectTurnWarnings(parsed: ParsedTranscript): string[] {
  const turns = parsed.blocks.filter((b) => b.kind === 'turn');
  const long = turns.filter((b) => (b.end - b.start) / MIN_CHARS_PER_WORD > SUSPECT_TURN_WORDS);
  if (long.length === 0) return [];
  const counts = new Map(turns.map((b) => [b, long.includes(b) ? words(parsed.text, b.start, b.end) : Math.ceil((b.end - b.start) / CHARS_PER_WORD)]));
  const out: string[] = [];
  for (const b of long) {
    const n = counts.get(b)!;
    if (n <= SUSPECT_TURN_WORDS) continue;
    const others = turns.filter((t) => t !== b).map((t) => counts.get(t)!).sort((x, y) => x - y);
    const median = others.length === 0 ? 0 : others[Math.floor(others.length / 2)]!;
    if (median >= SHORT_TURN_WORDS) continue;
    const share = Math.round((100 * (b.end - b.start)) / Math.max(1, parsed.text.length));
    const opening = parsed.text.slice(b.start, Math.min(b.end, b.start + 40)).replace(/\s+/g, ' ').trim();
    const rest = others.length === 0 ? 'it is the only turn' : `the other turns have about ${median.toLocaleString('en-NZ')} words`;
    out.push(
      `the turn by "${b.speaker ?? ''}" starting "${opening}…" has ${n.toLocaleString('en-NZ')} words (${share}% of the text) while ${rest}: check that "${b.speaker ?? ''}" is a speaker and not a heading`,
    );
  }
  return out;
}
