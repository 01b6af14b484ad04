/**
 * Timed cues (WebVTT, SRT) → blocks. Consecutive cues by the same speaker join into one turn
 * (texts joined with a space, startMs of the first, endMs of the last); a cue without a speaker
 * after a turn continues it, as an unlabelled paragraph does in a text transcript; a cue that is
 * only a bracketed note (`[laughter]`) is a note block.
 */
import { splitSpeakerPrefix } from './speaker-label';
import { isWholeBracketNote, type TranscriptBuilder } from './transcript-builder';

export interface Cue {
  /** Speaker label as written, when the cue names one. */
  speaker?: string;
  /** The cue's text with markup removed, lines joined by spaces. */
  text: string;
  startMs: number;
  endMs: number;
}

export function addCueBlocks(cues: Cue[], builder: TranscriptBuilder): void {
  let open: { kind: 'turn' | 'text'; speaker?: string; texts: string[]; startMs: number; endMs: number } | undefined;
  const flush = () => {
    if (!open) return;
    builder.add(open.kind, open.texts.join(' '), {
      ...(open.speaker === undefined ? {} : { speaker: open.speaker }),
      startMs: open.startMs,
      endMs: open.endMs,
    });
    open = undefined;
  };

  for (const cue of cues) {
    if (cue.speaker === undefined && isWholeBracketNote(cue.text)) {
      flush();
      builder.add('note', cue.text, { startMs: cue.startMs, endMs: cue.endMs });
      continue;
    }
    const continues = open !== undefined && (cue.speaker === undefined ? open.kind === 'turn' : open.speaker === cue.speaker);
    if (open && continues) {
      open.texts.push(cue.text);
      open.endMs = Math.max(open.endMs, cue.endMs);
      continue;
    }
    flush();
    open = {
      kind: cue.speaker === undefined ? 'text' : 'turn',
      texts: [cue.text],
      startMs: cue.startMs,
      endMs: cue.endMs,
      ...(cue.speaker === undefined ? {} : { speaker: cue.speaker }),
    };
  }
  flush();
}

/** `hh:mm:ss.mmm` parts → milliseconds (hours may be absent). */
export function timestampMs(hours: string | undefined, minutes: string, seconds: string, millis: string): number {
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/**
 * Splits a cue's lines (markup already removed) into speaker segments by `Name:` prefixes,
 * including dialogue lines `- Name: words`. Lines without a prefix belong to the segment before.
 */
export function prefixSegments(lines: string[]): { speaker?: string; text: string }[] {
  const segments: { speaker?: string; text: string }[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const prefix = splitSpeakerPrefix(line.replace(/^-\s+/, ''));
    const last = segments[segments.length - 1];
    if (prefix) segments.push({ speaker: prefix.label, text: prefix.rest });
    else if (last) last.text = `${last.text} ${line}`.trim();
    else segments.push({ text: line });
  }
  return segments.filter((s) => s.text !== '');
}
