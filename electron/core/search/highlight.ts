/**
 * Finding a query's terms in a block's stored text: the block is folded with a map back to the
 * original offsets, cut into tokens the way the index tokenizer cuts them, and each term (word,
 * prefix, phrase) is matched token by token. Matches come back as ranges in the ORIGINAL text.
 */
import type { TextSpan } from '../../../shared/domain/analysis';
import { fold } from '../../../shared/text/fold';

/**
 * The same result as shared/text/fold.ts foldWithMap (a test holds them equal), with a fast path
 * for ASCII, where fold() is just lower-casing: search maps every hit on a page through it.
 */
export function foldWithMapFast(text: string): { folded: string; map: number[] } {
  const chars: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      chars.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : (text[i] as string));
      map.push(i);
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    let f = charFolds.get(ch);
    if (f === undefined) {
      f = fold(ch);
      if (charFolds.size < 10_000) charFolds.set(ch, f);
    }
    for (let k = 0; k < f.length; k++) {
      chars.push(f[k] as string);
      map.push(i);
    }
    i += ch.length;
  }
  const out: string[] = [];
  const outMap: number[] = [];
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k] as string;
    // Collapse double vowels across characters, as foldWithMap does.
    if (k > 0 && chars[k - 1] === c && out[out.length - 1] === c && (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u')) continue;
    out.push(c);
    outMap.push(map[k] ?? text.length);
  }
  outMap.push(text.length);
  return { folded: out.join(''), map: outMap };
}

/** fold() of single characters, remembered: the same few macron vowels come up again and again. */
const charFolds = new Map<string, string>();

const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export interface Term {
  tokens: string[];
  prefix: boolean;
}

/** Ranges (original offsets, relative to `text`) where any term matches, sorted and merged. */
export function findTerms(text: string, terms: Term[]): Array<{ start: number; end: number }> {
  if (!terms.length) return [];
  const { folded, map } = foldWithMapFast(text);
  const toks: Array<{ t: string; s: number; e: number }> = [];
  for (const m of folded.matchAll(TOKEN)) toks.push({ t: m[0], s: m.index, e: m.index + m[0].length });
  const found: Array<{ start: number; end: number }> = [];
  for (const term of terms) {
    const n = term.tokens.length;
    for (let i = 0; i + n <= toks.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const have = (toks[i + k] as { t: string }).t;
        const want = term.tokens[k] as string;
        ok = term.prefix && k === n - 1 ? have.startsWith(want) : have === want;
      }
      if (!ok) continue;
      const first = toks[i] as { s: number };
      const last = toks[i + n - 1] as { e: number };
      // The end maps through the last folded character, then one past it in the original.
      const endFolded = last.e - 1;
      const start = map[first.s] ?? 0;
      let end = (map[endFolded] ?? text.length - 1) + 1;
      // A folded character can come from a surrogate pair or a decomposed sequence: extend to the next mapped offset.
      const next = map[endFolded + 1];
      if (next !== undefined && next > end) end = next;
      found.push({ start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const r of found) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * The hit in context: the whole block when it is short, else a window around the first match,
 * cut at spaces. Spans are plain text for the view to render as text.
 */
export function contextSpans(
  text: string,
  matches: Array<{ start: number; end: number }>,
  width = 320,
): { spans: TextSpan[]; clippedStart: boolean; clippedEnd: boolean } {
  let from = 0;
  let to = text.length;
  if (text.length > width) {
    const first = matches[0] ?? { start: 0, end: 0 };
    from = Math.max(0, first.start - Math.floor(width / 3));
    to = Math.min(text.length, from + width);
    from = Math.max(0, Math.min(from, to - width));
    if (from > 0) {
      const sp = text.indexOf(' ', from);
      if (sp !== -1 && sp < first.start) from = sp + 1;
    }
    if (to < text.length) {
      const sp = text.lastIndexOf(' ', to);
      const lastInside = matches.filter((m) => m.start < to).reduce((e, m) => Math.max(e, m.end), 0);
      if (sp > lastInside) to = sp;
      else to = Math.max(to, lastInside);
    }
  }
  const spans: TextSpan[] = [];
  let at = from;
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    const s = Math.max(m.start, from);
    const e = Math.min(m.end, to);
    if (s > at) spans.push({ text: text.slice(at, s), hit: false });
    spans.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < to) spans.push({ text: text.slice(at, to), hit: false });
  return { spans, clippedStart: from > 0, clippedEnd: to < text.length };
}
