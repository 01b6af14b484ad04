/**
 * Email addresses written out so a filter will not see them: `name at domain dot co dot nz`,
 * `name [at] domain [dot] nz`, `(at)`, `{at}`, `name @ domain.nz` with spaces, and local parts written
 * `priya dot sharma`. Found from the "at" and grown outwards. A plain " at " (very common in talk)
 * counts only when the domain is written with "dot" words and ends in a known suffix, so "Mike at Work
 * and Income" and "at school. Co-op" are not emails.
 */
import type { Detection } from './types';
import { PRIORITY } from './types';

const TLD = '(?:nz|com|org|net|co|govt|gov|ac|school|edu|io|au|uk|kiwi|maori|info|biz|me|iwi)';
const WORDS_DOT = String.raw`(?:[^\S\n]*[\[({<][^\S\n]*dot[^\S\n]*[\])}>][^\S\n]*|[^\S\n]+dot[^\S\n]+)`;
const ANY_DOT = String.raw`(?:${WORDS_DOT}|\.)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
// "at" anchors: bracketed forms, an @ with a space beside it, or the word at between spaces.
// Found by a quick scan for "@" and the word "at", then grown over the spaces and brackets around it.
const ANCHOR_CORE = /@|\bat\b/gi;
const AROUND_BEFORE = /(?:[^\S\n]*[[({<][^\S\n]*|[^\S\n]+)$/u;
const AROUND_AFTER = /[^\S\n]*[\])}>][^\S\n]*|[^\S\n]+/uy;
const DOMAIN_ANY = new RegExp(String.raw`${LABEL}(?:${ANY_DOT}${LABEL})*${ANY_DOT}${TLD}(?![\p{L}\p{N}]|\.[\p{L}\p{N}])`, 'iuy');
const DOMAIN_WORDS = new RegExp(String.raw`${LABEL}(?:${ANY_DOT}${LABEL})*${WORDS_DOT}${TLD}(?![\p{L}\p{N}]|\.[\p{L}\p{N}])`, 'iuy');
const LOCAL = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]*(?:${WORDS_DOT}[\p{L}\p{N}][\p{L}\p{N}._%+-]*)*$`, 'iu');

/** The whole anchor around an "@" or "at": with its brackets, or with a space on at least one side (two for "at"). */
function anchorAround(text: string, at: number, len: number): { index: number; end: number; plainAt: boolean } | null {
  const before = AROUND_BEFORE.exec(text.slice(Math.max(0, at - 6), at))?.[0] ?? '';
  AROUND_AFTER.lastIndex = at + len;
  const after = AROUND_AFTER.exec(text)?.[0] ?? '';
  const bracketed = /[[({<]/.test(before) && /[\])}>]/.test(after);
  const isAt = len === 2;
  if (isAt && !bracketed && (!before || !after || /[[({<\])}>]/.test(before + after))) return null;
  if (!isAt && !bracketed && !before && !after) return null; // a plain address: detectEmails has it
  return { index: at - before.length, end: at + len + after.length, plainAt: isAt && !bracketed };
}

export function detectSpokenEmails(text: string): Detection[] {
  const out: Detection[] = [];
  let covered = 0;
  for (const core of text.matchAll(ANCHOR_CORE)) {
    if (core.index < covered) continue;
    const a = anchorAround(text, core.index, core[0].length);
    if (!a) continue;
    const domain = a.plainAt ? DOMAIN_WORDS : DOMAIN_ANY;
    domain.lastIndex = a.end;
    const d = domain.exec(text);
    if (!d) continue;
    const local = LOCAL.exec(text.slice(Math.max(0, a.index - 80), a.index));
    if (!local) continue;
    const start = a.index - local[0].length;
    if (start < covered) continue;
    const end = d.index + d[0].length;
    out.push({ start, end, kind: 'email', suggestion: '[email]', priority: PRIORITY.pattern, note: 'an email address written out' });
    covered = end;
  }
  return out;
}
