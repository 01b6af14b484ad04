/**
 * Places, organisations and services: gazetteer entries (towns, regions, maunga, DHBs and Te Whatu
 * Ora districts, agencies and services), plus three patterns for names no list can hold:
 * `<Name> Marae`, `Mount <Name>` / `Maunga <Name>`, and `<Name> Trust` (Foundation, Society, Clinic...).
 * A gazetteer entry counts when written with a capital (the police, a trust: not identifying); a
 * place (town, region, maunga, river) counts in lower case too ("we moved to porirua"), unless its
 * words are all everyday words (te reo or English).
 */
import type { Gazetteer } from '../gazetteer';
import { isCapitalised, joinable, type TokenisedText } from '../tokens';
import type { Detection } from './types';
import { PRIORITY, resolveOverlaps } from './types';

const ORG_SUFFIX = new Set([
  'trust', 'foundation', 'society', 'incorporated', 'inc', 'ltd', 'limited', 'association', 'collective', 'centre', 'center', 'clinic',
  'hospital', 'school', 'college', 'kura', 'university', 'church', 'network', 'hub', 'runanga', 'charitable', 'consultants', 'institute', 'lodge',
]);
const LEADING_FILLER = new Set(['the', 'a', 'an', 'our', 'their', 'this', 'that', 'my', 'your']);
const CONNECTORS = new Set(['o', 'a', 'of', 'and', 'ki', 'i', 'te', 'nga']);

function startsWithDigit(text: string, start: number): boolean {
  return /\d/.test(text.charAt(start));
}

/** Extend backwards from token `i` over capitalised words (and connectors between them). */
function extendBack(t: TokenisedText, i: number): number {
  let first = i;
  while (first > 0 && joinable(t, first - 1)) {
    const prev = t.tokens[first - 1]!;
    if (isCapitalised(t.text, prev)) {
      if (LEADING_FILLER.has(prev.word)) break;
      first--;
    } else if (CONNECTORS.has(prev.word) && first - 2 >= 0 && joinable(t, first - 2) && isCapitalised(t.text, t.tokens[first - 2]!)) {
      first -= 2;
    } else break;
  }
  return first;
}

export function detectPlaces(t: TokenisedText, g: Gazetteer): Detection[] {
  const out: Detection[] = [];
  const { text, tokens } = t;
  for (const m of g.places.find(t, (m) => {
    const first = tokens[m.first]!;
    if (m.value.acronym) return text.slice(m.start, m.end) === text.slice(m.start, m.end).toUpperCase();
    if (isCapitalised(text, first) || startsWithDigit(text, first.start)) return true;
    if (m.value.kind !== 'place') return false;
    for (let k = m.first; k <= m.last; k++) if (!g.everyday(tokens[k]!.word)) return true;
    return false;
  })) {
    out.push({ start: m.start, end: m.end, kind: m.value.kind, suggestion: m.value.replacement, priority: PRIORITY.gazetteer });
  }

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!isCapitalised(text, tok)) continue;
    // <Name> Marae
    if (tok.word === 'marae' && i > 0) {
      const first = extendBack(t, i);
      if (first < i) out.push({ start: tokens[first]!.start, end: tok.end, kind: 'place', suggestion: '[marae]', priority: PRIORITY.gazetteer });
    }
    // Mount <Name>, Mt <Name>, Maunga <Name>
    if ((tok.word === 'mount' || tok.word === 'mt' || tok.word === 'maunga') && joinable(t, i)) {
      const next = tokens[i + 1]!;
      if (isCapitalised(text, next)) {
        let last = i + 1;
        while (last + 1 < tokens.length && joinable(t, last) && isCapitalised(text, tokens[last + 1]!)) last++;
        out.push({ start: tok.start, end: tokens[last]!.end, kind: 'place', suggestion: '[maunga]', priority: PRIORITY.gazetteer });
      }
    }
    // <Name> Trust, <Name> Foundation, ...; "the Hub" on its own is an organisation too.
    if (ORG_SUFFIX.has(tok.word)) {
      const first = extendBack(t, i);
      if (first < i || tok.word === 'hub') {
        out.push({ start: tokens[first]!.start, end: tok.end, kind: 'organisation', suggestion: '[organisation]', priority: PRIORITY.gazetteer });
      }
    }
  }
  return resolveOverlaps(out);
}
