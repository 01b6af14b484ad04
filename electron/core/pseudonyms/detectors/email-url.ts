/** Email addresses and URLs (with a scheme, www., or a bare domain with a path or a known suffix). */
import type { Detection } from './types';
import { PRIORITY } from './types';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL_RE =
  /(?<![\p{L}\p{N}@.])(?:(?:https?:\/\/|www\.)[^\s<>"'()[\]]+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:nz|com|org|net|io|gov|edu|au)(?:\/[^\s<>"'()[\]]*)?)(?![\p{L}\p{N}@])/gu;

export function detectEmails(text: string): Detection[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'email' as const,
    suggestion: '[email]',
    priority: PRIORITY.pattern,
  }));
}

export function detectUrls(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let s = m[0];
    // Trailing sentence punctuation is not part of a URL.
    s = s.replace(/[.,;:!?]+$/, '');
    if (!s.includes('.')) continue;
    out.push({ start: m.index, end: m.index + s.length, kind: 'url', suggestion: '[website]', priority: PRIORITY.pattern });
  }
  return out;
}
