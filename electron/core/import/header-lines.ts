/**
 * `Key: value` header lines at the top of a transcript (Title, Date, Mode, Facilitators...) and
 * the metadata they give. Header lines are only looked for in the top block, so a turn by a
 * speaker called "Facilitator" further down is never read as a header, and vice versa.
 */
import type { ParsedMetadata, SourceMode } from '../../../shared/domain/transcript';
import { parseDate } from './parse-date';

export interface HeaderLine {
  /** The key as written (emphasis markers removed), e.g. "Facilitators". */
  key: string;
  value: string;
}

/** One line at the top of a file, as far as header detection is concerned. */
export type TopLine = HeaderLine | 'blank' | 'other';

type MetadataField = 'title' | 'date' | 'mode' | 'kind' | 'group' | 'facilitators' | 'location' | 'round' | 'notes';

/** Known keys, lower-cased with single spaces. */
const KNOWN_KEYS: Record<string, MetadataField> = {
  title: 'title',
  date: 'date',
  mode: 'mode',
  kind: 'kind',
  type: 'kind',
  group: 'group',
  facilitator: 'facilitators',
  facilitators: 'facilitators',
  'facilitator(s)': 'facilitators',
  location: 'location',
  round: 'round',
  'interview round': 'round',
  note: 'notes',
  notes: 'notes',
};

/**
 * Keys that are also common speaker labels: alone they do not make a header, because
 * `Facilitator: Welcome, everyone.` on line 1 is far more likely the first turn.
 */
const SPEAKER_LIKE_KEYS = new Set(['facilitator']);

/** `Key: value`, optionally with Markdown emphasis round the key: `**Date:** 2010-06-15`, `**Date**: ...`. */
const HEADER_LINE = /^(\*\*|__)?(\p{L}[\p{L}\p{M}\p{N} ()'’/.-]{0,40}?)[ \t]*\1?:\1?[ \t]+(\S.*)$/u;

export function splitHeaderLine(line: string): HeaderLine | undefined {
  const m = HEADER_LINE.exec(line.trim());
  if (!m || m[2] === undefined || m[3] === undefined) return undefined;
  return { key: m[2].trim(), value: m[3].trim() };
}

function knownField(key: string): MetadataField | undefined {
  return KNOWN_KEYS[normaliseKey(key)];
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * How many of `top` (the file's first lines, leading blank lines already dropped) are header lines.
 *
 * - If every line before the first blank line (there must be one) is `Key: value` and at least one key is a known,
 *   non-speaker-like key, the whole block is the header (unknown keys go to `other`) — except
 *   that a line whose key speaks again further down (`isSpeakerLater`) is the first turn.
 * - Otherwise the header is the run of known-key lines at the very top (a header followed by the
 *   first turn without a blank line between), again only if it holds a non-speaker-like key.
 */
export function headerLineCount(top: TopLine[], isSpeakerLater: (key: string) => boolean = () => false): number {
  const blankAt = top.indexOf('blank');
  const block = blankAt < 0 ? top : top.slice(0, blankAt);
  const hasDecisiveKey = (lines: TopLine[]) =>
    lines.some((l) => typeof l === 'object' && knownField(l.key) !== undefined && !SPEAKER_LIKE_KEYS.has(normaliseKey(l.key)));
  const isHeaderLike = (l: TopLine) => typeof l === 'object' && (knownField(l.key) !== undefined || !isSpeakerLater(l.key));

  // Only a block closed by a blank line: in a file without blank lines the "block" is the whole transcript.
  if (blankAt > 0 && block.every(isHeaderLike) && hasDecisiveKey(block)) return block.length;

  let known = 0;
  while (known < block.length) {
    const l = block[known];
    if (typeof l !== 'object' || knownField(l.key) === undefined) break;
    known++;
  }
  return hasDecisiveKey(block.slice(0, known)) ? known : 0;
}


const TIKANGA_WORDS = /(^|[^\p{L}])(tikanga|hui|w(ā|aa|a)nanga|marae|kaupapa[ -]m(ā|aa|a)ori)($|[^\p{L}])/iu;
const MAINSTREAM_WORDS =
  /(^|[^\p{L}])(focus[ -]groups?|interviews?|workshops?|meetings?|surveys?|mainstream|discussions?|panels?|conversations?|consultations?|webinars?|one[ -]to[ -]one|individual|group|online|in[ -]person|phone|telephone|zoom|teams|video)($|[^\p{L}])/iu;

/** 'tikanga' or 'mainstream' when the words say so, undefined when Focal cannot tell. */
export function readMode(text: string): SourceMode | undefined {
  if (TIKANGA_WORDS.test(text)) return 'tikanga';
  if (MAINSTREAM_WORDS.test(text) || /^1:1$/.test(text.trim())) return 'mainstream';
  return undefined;
}

export function metadataFromHeader(lines: HeaderLine[], warn: (message: string) => void): ParsedMetadata {
  const metadata: ParsedMetadata = { other: {} };
  let modeText: string | undefined;
  let kindText: string | undefined;

  for (const { key, value } of lines) {
    const field = knownField(key);
    switch (field) {
      case undefined:
        metadata.other[key] = metadata.other[key] === undefined ? value : `${metadata.other[key]}; ${value}`;
        warn(`header "${key}: ${value}" is not a detail Focal knows; it is kept with the source's details, not in the transcript`);
        break;
      case 'date': {
        const iso = parseDate(value);
        if (iso) metadata.date = iso;
        else {
          metadata.other[key] = value;
          warn(`${key} "${value}" was not understood as a date (write it as 2010-06-15, 15/06/2010 or 15 June 2010); kept as written`);
        }
        break;
      }
      case 'mode':
        modeText = value;
        break;
      case 'kind':
        kindText = value;
        break;
      default: {
        const previous = metadata[field];
        metadata[field] = previous === undefined ? value : `${previous}; ${value}`;
      }
    }
  }

  // "Mode:" decides the mode when given; "Kind:"/"Type:" is the better description of the session.
  const kind = kindText ?? modeText;
  if (kind !== undefined) metadata.kind = kind;
  const modeSource = modeText ?? kindText;
  if (modeSource !== undefined) {
    const mode = readMode(modeSource);
    metadata.mode = mode ?? 'mainstream';
    if (mode === undefined) {
      warn(`${modeText !== undefined ? 'Mode' : 'Kind'} "${modeSource}" was not understood; imported as a mainstream session: change its mode to tikanga-based if it follows tikanga`);
    }
  }
  return metadata;
}
