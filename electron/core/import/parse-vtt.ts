/**
 * WebVTT captions (Teams, Zoom, Otter exports). Speakers come from voice tags
 * (`<v Facilitator (Sam Lee)>`, `<v.loud Name>`) or, without one, a `Name:` prefix. NOTE, STYLE
 * and REGION blocks are skipped; other markup is removed and entities decoded.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { addCueBlocks, prefixSegments, timestampMs, type Cue } from './cue-blocks';
import { ImportError } from './errors';
import { decodeEntities } from './html-text';
import { TranscriptBuilder } from './transcript-builder';

const TIMING = /^(\S+?)[ \t]*-->[ \t]*(\S+)(?:[ \t]+.*)?$/;
const TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;
/** In WebVTT a literal `<` must be written `&lt;`, so anything in angle brackets is markup. */
const MARKUP = /<[^<>]*>/g;

export function parseVtt(text: string, fileName: string): ParsedTranscript {
  const lines = text.split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new ImportError(fileName, 'not a WebVTT file: the first line must be WEBVTT');
  }
  const builder = new TranscriptBuilder();
  const cues: Cue[] = [];

  // The header (WEBVTT line and anything up to the first blank line) carries no cues.
  let i = 0;
  while (i < lines.length && lines[i]!.trim() !== '') i++;

  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    const first = i;
    while (i < lines.length && lines[i]!.trim() !== '') i++;
    const block = lines.slice(first, i);
    if (block.length === 0) break;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!)) continue;

    // An optional cue identifier comes before the timing line.
    const timingAt = block[0]!.includes('-->') ? 0 : block[1]?.includes('-->') ? 1 : -1;
    if (timingAt < 0) {
      builder.warn(`line ${first + 1}: text without a cue timing was skipped`);
      continue;
    }
    const lineNumber = first + timingAt + 1;
    const { startMs, endMs } = readTiming(block[timingAt]!, lineNumber, fileName);
    const segments = voiceSegments(block.slice(timingAt + 1).join('\n'));
    if (segments.length === 0) builder.warn(`line ${lineNumber}: cue has no text; skipped`);
    for (const s of segments) cues.push({ ...s, startMs, endMs });
  }

  addCueBlocks(cues, builder);
  return builder.build('vtt');
}

function readTiming(line: string, lineNumber: number, fileName: string): { startMs: number; endMs: number } {
  const bad = () =>
    new ImportError(fileName, `line ${lineNumber}: "${line.trim()}" is not a valid cue timing (expected 00:00:01.000 --> 00:00:04.000)`);
  const m = TIMING.exec(line.trim());
  const start = m && TIMESTAMP.exec(m[1] ?? '');
  const end = m && TIMESTAMP.exec(m[2] ?? '');
  if (!start || !end) throw bad();
  const startMs = timestampMs(start[1], start[2]!, start[3]!, start[4]!);
  const endMs = timestampMs(end[1], end[2]!, end[3]!, end[4]!);
  if (endMs < startMs) throw new ImportError(fileName, `line ${lineNumber}: the cue ends before it starts`);
  return { startMs, endMs };
}

/** A cue payload → speaker segments: each voice tag starts one; untagged text falls back to `Name:` prefixes. */
function voiceSegments(payload: string): { speaker?: string; text: string }[] {
  const out: { speaker?: string; text: string }[] = [];
  const pieces: { speaker?: string; raw: string }[] = [];
  let last = 0;
  let speaker: string | undefined;
  for (const m of payload.matchAll(VOICE)) {
    pieces.push({ ...(speaker === undefined ? {} : { speaker }), raw: payload.slice(last, m.index) });
    speaker = decodeEntities(m[1] ?? '').trim() || undefined;
    last = m.index + m[0].length;
  }
  pieces.push({ ...(speaker === undefined ? {} : { speaker }), raw: payload.slice(last) });

  for (const piece of pieces) {
    const lines = decodeEntities(piece.raw.replace(MARKUP, '')).split('\n');
    if (piece.speaker === undefined) {
      out.push(...prefixSegments(lines));
      continue;
    }
    const text = lines.map((l) => l.trim()).filter(Boolean).join(' ');
    if (text !== '') out.push({ speaker: piece.speaker, text });
  }
  return out;
}
