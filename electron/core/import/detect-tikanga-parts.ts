/**
 * The parts of a tikanga-based session that transcripts record as notes rather than speech:
 * `[Whakatau and mihi held on day 1 at Te Rangimarie Marae. Not recorded.]`,
 * `[Karakia tīmatanga led by Koro Hemi. Not recorded.]`, `[Karakia whakamutunga. Not recorded.]`.
 *
 * Only 'note' blocks before the first turn (opening) or after the last turn (closing) are read;
 * notes among the turns are about the kōrero, not the session's shape. Words are matched with
 * or without macrons and with double vowels (pōwhiri, powhiri, poowhiri); the note itself is
 * returned exactly as written.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';

export type SessionPartKind =
  | 'whakatau'
  | 'powhiri'
  | 'mihimihi'
  | 'karakia'
  | 'whakawhanaungatanga'
  | 'poroporoaki'
  | 'karakia-whakamutunga';

export type SessionPhase = 'opening' | 'closing';

export interface DetectedPart {
  kind: SessionPartKind;
  phase: SessionPhase;
  /** False when the note says the part was not recorded. */
  recorded: boolean;
  /** Index of the note block in `parsed.blocks`. */
  blockIndex: number;
  /** Who led it, from "led by <Name>". */
  ledBy?: string;
  /** The note's text without its brackets, as written. */
  note: string;
}

/** Patterns over folded text (no macrons, lower case, doubled vowels single). Order is irrelevant: hits are sorted by position. */
const PART_PATTERNS: [SessionPartKind | 'karakia-any', RegExp][] = [
  ['whakatau', /\bwhakatau\b/g], // \b keeps whakataukī (a proverb) out
  ['powhiri', /\bpowhiri\b/g],
  ['mihimihi', /\bmihi(?:mihi)?\b/g],
  ['whakawhanaungatanga', /\bwhakawhanaungatanga\b/g],
  ['poroporoaki', /\bporoporoaki\b/g],
  ['karakia-any', /\bkarakia\b/g],
];

export function detectSessionParts(parsed: ParsedTranscript): DetectedPart[] {
  const turnIndexes = parsed.blocks.flatMap((b, i) => (b.kind === 'turn' ? [i] : []));
  const firstTurn = turnIndexes[0] ?? Infinity;
  const lastTurn = turnIndexes[turnIndexes.length - 1] ?? Infinity;
  const parts: DetectedPart[] = [];

  parsed.blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'note') return;
    const positional: SessionPhase | undefined = blockIndex < firstTurn ? 'opening' : blockIndex > lastTurn ? 'closing' : undefined;
    if (!positional) return;

    const note = parsed.text.slice(block.start, block.end).trim().replace(/^\[([\s\S]*)\]$/, '$1').trim();
    const folded = fold(note);
    const recorded = !/(?:\bnot|\bnever|n't|\bun)\s*recorded\b/.test(folded);
    const ledBy = /\bled by\s+([^.,;\]]+)/i.exec(note)?.[1]?.trim();

    const hits = PART_PATTERNS.flatMap(([kind, pattern]) => [...folded.matchAll(pattern)].map((m) => ({ kind, at: m.index })));
    hits.sort((a, b) => a.at - b.at);
    const seen = new Set<SessionPartKind>();
    for (const hit of hits) {
      const { kind, phase } = hit.kind === 'karakia-any' ? karakia(folded, positional) : { kind: hit.kind, phase: positional };
      if (seen.has(kind)) continue;
      seen.add(kind);
      const part: DetectedPart = { kind, phase, recorded, blockIndex, note };
      if (ledBy) part.ledBy = ledBy;
      parts.push(part);
    }
  });
  return parts;
}

/** "Karakia tīmatanga" opens and "karakia whakamutunga" closes whatever the position; otherwise the position decides. */
function karakia(folded: string, positional: SessionPhase): { kind: SessionPartKind; phase: SessionPhase } {
  if (/\bwhakamutunga\b/.test(folded)) return { kind: 'karakia-whakamutunga', phase: 'closing' };
  if (/\btimatanga\b/.test(folded)) return { kind: 'karakia', phase: 'opening' };
  return positional === 'closing' ? { kind: 'karakia-whakamutunga', phase: 'closing' } : { kind: 'karakia', phase: 'opening' };
}

/** For matching only: strip macrons and other marks, lower-case, and read doubled vowels as long ones. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/([aeiou])\1/g, '$1');
}
