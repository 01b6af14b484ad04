/**
 * Names spelled letter by letter: `J.a.s.o.n`, `J-a-s-o-n`, `J_a_s_o_n`, `J a s o n W h i t u`. A reader
 * joins the letters; detection must too. A run is three or more single letters with the same separator
 * between each (a dot, hyphen, dash, underscore, asterisk, slash or middle dot, spaces allowed around
 * it; or one space). Its letters are joined, and a capital after a small letter starts a new word
 * (`J a s o n W h i t u` → `Jason Whitu`).
 *
 * Only the run's neighbourhood (its line, at most WINDOW characters either side) is rewritten, as a
 * copy with an offset map back to the text (like normalise.ts), and the caller keeps only the
 * detections on the joined letters that names are found by: a register name or rule term, a handle, a
 * gazetteer entry, or a name the capitalised-name detector flags. So initials and acronyms (`A. B.`,
 * `N.Z.`, `D.H.B.`: two letters, or upper case, which the name detector reads as an acronym) stay
 * what they are, and a spelled-out word ("S-l-o-w-l-y") is a word.
 */
import type { Normalised } from './normalise';

const RUN = /(?<![\p{L}\p{N}])\p{L}([^\S\n]?[._\-*/·•\u2010-\u2015][^\S\n]?|[^\S\n])\p{L}(?:\1\p{L})+(?![\p{L}\p{N}])/gu;
// Cheap test first: a letter, a separator, a letter, the same separator, a letter.
const HINT = /(?<![\p{L}\p{N}])\p{L}[^\S\n]?[._\-*/·•\u2010-\u2015 ]/u;
const WINDOW = 200;
const LETTER = /\p{L}/u;

export interface SpelledWindow extends Normalised {
  /** Where the joined runs are in `text` (the window's copy). */
  runs: Array<[number, number]>;
}

const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** The windows of `text` holding letter-by-letter runs, each with its runs joined; [] when none. */
export function spelledWindows(text: string): SpelledWindow[] {
  if (!HINT.test(text)) return [];
  const runs: Array<[number, number]> = [];
  for (const m of text.matchAll(RUN)) runs.push([m.index, m.index + m[0].length]);
  if (!runs.length) return [];
  // Windows: the run's line, at most WINDOW characters either side; overlapping windows merge.
  const windows: Array<{ start: number; end: number; runs: Array<[number, number]> }> = [];
  for (const [a, b] of runs) {
    const ls = text.lastIndexOf('\n', a - 1) + 1;
    const le = text.indexOf('\n', b);
    const start = Math.max(ls, a - WINDOW);
    const end = Math.min(le < 0 ? text.length : le, b + WINDOW);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.runs.push([a, b]);
    } else windows.push({ start, end, runs: [[a, b]] });
  }
  return windows.map((w) => join(text, w.start, w.end, w.runs));
}

function join(text: string, start: number, end: number, runs: Array<[number, number]>): SpelledWindow {
  const parts: string[] = [];
  const src: number[] = [];
  const srcEnd: number[] = [];
  const joined: Array<[number, number]> = [];
  const push = (ch: string, from: number, to: number) => {
    parts.push(ch);
    src.push(from);
    srcEnd.push(to);
  };
  let i = start;
  for (const [a, b] of runs) {
    for (; i < a; i++) push(text[i]!, i, i + 1);
    const at = parts.length;
    let prev = '';
    let prevEnd = a;
    for (let k = a; k < b; k++) {
      const ch = text[k]!;
      if (!LETTER.test(ch)) continue;
      // A capital after a small letter starts a new word; the space stands for the separator before it.
      if (prev && isLower(prev) && isUpper(ch)) push(' ', prevEnd, k);
      push(ch, k, k + 1);
      prev = ch;
      prevEnd = k + 1;
    }
    joined.push([at, parts.length]);
    i = b;
  }
  for (; i < end; i++) push(text[i]!, i, i + 1);
  return { text: parts.join(''), src: Int32Array.from(src), srcEnd: Int32Array.from(srcEnd), runs: joined };
}
