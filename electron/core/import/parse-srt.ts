/**
 * SubRip subtitles (.srt): numbered cues, `00:00:02,000 --> 00:00:08,000`, then text lines.
 * Speakers come from a `NAME:` prefix (any case); formatting tags (`<i>`, `<font>`) and ASS
 * overrides (`{\an8}`) are removed.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { addCueBlocks, prefixSegments, timestampMs, type Cue } from './cue-blocks';
import { ImportError } from './errors';
import { decodeEntities, TAG } from './html-text';
import { TranscriptBuilder } from './transcript-builder';

/** Hours are required by the format; a dot instead of a comma is a common variant and accepted. */
const TIMING =
  /^(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{3})[ \t]*-->[ \t]*(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{3})(?:[ \t]+.*)?$/;
const EXPECTED = 'expected a timing like 00:00:02,000 --> 00:00:08,000';

export function parseSrt(text: string, fileName: string): ParsedTranscript {
  const lines = text.split('\n');
  const builder = new TranscriptBuilder();
  const cues: Cue[] = [];

  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    const first = i;
    while (i < lines.length && lines[i]!.trim() !== '') i++;
    const block = lines.slice(first, i).map((l) => l.trim());
    if (block.length === 0) break;

    // The cue number is usually there; a cue starting straight with its timing is accepted too.
    const timingAt = /^\d+$/.test(block[0]!) ? 1 : 0;
    const timingLine = block[timingAt];
    const lineNumber = first + timingAt + 1;
    if (timingLine === undefined) {
      throw new ImportError(fileName, `line ${first + 1}: cue ${block[0]} has no timing (${EXPECTED})`);
    }
    const m = TIMING.exec(timingLine);
    if (!m) {
      const what = timingAt === 0 && !timingLine.includes('-->') ? 'a cue number or timing' : 'a valid timing';
      throw new ImportError(fileName, `line ${lineNumber}: "${timingLine}" is not ${what} (${EXPECTED})`);
    }
    const startMs = timestampMs(m[1], m[2]!, m[3]!, m[4]!);
    const endMs = timestampMs(m[5], m[6]!, m[7]!, m[8]!);
    if (endMs < startMs) throw new ImportError(fileName, `line ${lineNumber}: the cue ends before it starts`);

    const payload = block.slice(timingAt + 1).map((l) => decodeEntities(l.replace(TAG, '').replace(/\{\\[^}]*\}/g, '')));
    const segments = prefixSegments(payload);
    if (segments.length === 0) builder.warn(`line ${lineNumber}: cue has no text; skipped`);
    for (const s of segments) cues.push({ ...s, startMs, endMs });
  }

  addCueBlocks(cues, builder);
  return builder.build('srt');
}
