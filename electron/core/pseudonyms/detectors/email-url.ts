/**
 * Email addresses and URLs (with a scheme, www., or a bare domain with a path or a known suffix).
 * Both are found from their anchor (an `@`, a scheme, `www.` or a `.nz`-style suffix) and grown
 * outwards, so a long transcript without any costs one quick pass. Emails written out ("at", "dot",
 * "[at]") are in email-spoken.ts.
 */
import { detectSpokenEmails } from './email-spoken';
import type { Detection } from './types';
import { PRIORITY } from './types';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_AFTER_AT = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const URL_ANCHOR = /https?:\/\/|www\.|\.(?:nz|com|org|net|io|gov|edu|au)(?![\p{L}\p{N}])/gu;
const URL_TAIL = /[^\s<>"'()[\]]*/uy;

export function detectEmails(text: string): Detection[] {
  const out: Detection[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', from)) {
    from = at + 1;
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    if (start === at) continue;
    DOMAIN_AFTER_AT.lastIndex = at + 1;
    const m = DOMAIN_AFTER_AT.exec(text);
    if (!m) continue;
    const end = at + 1 + m[0].length;
    out.push({ start, end, kind: 'email', suggestion: '[email]', priority: PRIORITY.pattern });
    from = end;
  }
  // Written out ("name at domain dot nz", "[at]", "@" with spaces): see email-spoken.ts.
  for (const d of detectSpokenEmails(text)) if (!out.some((o) => o.start < d.end && d.start < o.end)) out.push(d);
  return out.sort((a, b) => a.start - b.start);
}

export function detectUrls(text: string): Detection[] {
  const out: Detection[] = [];
  let covered = 0;
  for (const m of text.matchAll(URL_ANCHOR)) {
    if (m.index < covered) continue;
    let start = m.index;
    if (m[0].startsWith('.')) {
      // A bare domain: grow left over the domain's letters, digits, dots and hyphens.
      while (start > 0 && DOMAIN_CHAR.test(text.charAt(start - 1))) start--;
      if (start === m.index || !WORD_CHAR.test(text.charAt(start))) continue;
    }
    // Part of an email address, or glued to a word: not a URL.
    if (start > 0 && /[\p{L}\p{N}@.]/u.test(text.charAt(start - 1))) continue;
    if (text.slice(start, m.index + m[0].length + 64).match(/^[^\s]*@/)) continue;
    URL_TAIL.lastIndex = m.index + m[0].length;
    const tail = URL_TAIL.exec(text)?.[0] ?? '';
    if (m[0].startsWith('.') && tail && !tail.startsWith('/') && !tail.startsWith('.') && !tail.startsWith(':')) continue;
    let s = text.slice(start, m.index + m[0].length + tail.length);
    // Trailing sentence punctuation is not part of a URL.
    s = s.replace(/[.,;:!?]+$/, '');
    if (!s.includes('.')) continue;
    out.push({ start, end: start + s.length, kind: 'url', suggestion: '[website]', priority: PRIORITY.pattern });
    covered = start + s.length;
  }
  return out;
}
