/**
 * Speaker labels that carry a time, as transcription services write them:
 *
 * - Zoom: `[Aroha Ngata] 10:15:03` alone on its line, the words below;
 * - Otter.ai, Teams: `Aroha Ngata  0:03` alone on its line (two spaces or a tab; one space is
 *   "spaced: false" and needs more evidence, see label-policy.ts), the words on the lines below;
 * - Rev: `Speaker 1 (00:00:05):` or `Name (00:05):` alone on its line, or `Name: (00:05)`;
 *   with words after it on the same line too;
 * - Descript, Trint, Sonix: `[00:00:04] Name: words`, `Name [00:00:04]: words`, `00:00:04 Name: words`;
 * - a line that is only a time (`[00:00:04]`, `0:0:0.0 --> 0:0:3.7`), which may precede a label.
 *
 * The label must read like a speaker label (speaker-label.ts); times are read by time-stamps.ts.
 */
import { looksLikeSpeakerLabel } from './speaker-label';
import { mayHoldTime, TIMESPAN, timeSpan, type TimeSpan } from './time-stamps';

export type TimedLine =
  /** A label with a time and nothing else on the line: the turn's words follow on the next lines. */
  | ({ form: 'heading'; label: string; spaced: boolean } & TimeSpan)
  /** A label with a time and the turn's first words on the same line. */
  | ({ form: 'inline'; label: string; rest: string } & TimeSpan)
  /** Only a time. `range` when it gives start and end (`-->`), as old Teams transcripts do. */
  | ({ form: 'time'; range: boolean } & TimeSpan);

const LABEL = String.raw`(\p{L}[\p{L}\p{M}\p{N} .'’()-]*?)`;
const OPEN = String.raw`[[(]`;
const CLOSE = String.raw`[\])]`;

/** `[Aroha Ngata] 10:15:03` (Zoom). */
const BRACKETED_NAME = new RegExp(String.raw`^\[${LABEL}\][ \t]*(${TIMESPAN})$`, 'u');
/** `Name  0:03` (Otter, Teams): the separator decides how sure we are. */
const OTTER = new RegExp(String.raw`^${LABEL}([ \t]+)(${TIMESPAN})$`, 'u');
/** `Name (00:05):` / `Name [00:05]: words` (Rev, Trint, Sonix). */
const LABEL_THEN_TIME = new RegExp(String.raw`^${LABEL}[ \t]*${OPEN}(${TIMESPAN})${CLOSE}[ \t]*(:?)[ \t]*(.*)$`, 'u');
/** `Name: (00:05)` (Rev). */
const LABEL_COLON_TIME = new RegExp(String.raw`^${LABEL}[ \t]*:[ \t]*${OPEN}(${TIMESPAN})${CLOSE}[ \t]*(.*)$`, 'u');
/** `[00:00:04] Name: words`, `00:00:04 Name: words` (Descript, Trint). */
const TIME_THEN_LABEL = new RegExp(String.raw`^(?:${OPEN}(${TIMESPAN})${CLOSE}|(${TIMESPAN}))[ \t]*[-–|]?[ \t]*${LABEL}[ \t]*:(?:[ \t]+(.*)|$)`, 'u');
const TIME_ONLY = new RegExp(String.raw`^(?:${OPEN}(${TIMESPAN})${CLOSE}|(${TIMESPAN}))$`, 'u');

export function readTimedLine(line: string): TimedLine | undefined {
  if (!mayHoldTime(line)) return undefined;
  const text = line.trim();

  let m = TIME_ONLY.exec(text);
  if (m) {
    const raw = m[1] ?? m[2] ?? '';
    const span = timeSpan(raw);
    return span && { form: 'time', range: span.endMs !== undefined, ...span };
  }
  m = LABEL_THEN_TIME.exec(text);
  if (m) {
    const [, label = '', raw = '', colon = '', rest = ''] = m;
    // `Name [00:04] words` without a colon only counts when the time is bracketed as a label's is.
    if (colon === '' && rest !== '' && !/^\p{Lu}/u.test(rest)) return undefined;
    return labelled(label, raw, rest);
  }
  m = LABEL_COLON_TIME.exec(text);
  if (m) return labelled(m[1] ?? '', m[2] ?? '', m[3] ?? '');
  m = TIME_THEN_LABEL.exec(text);
  if (m) return labelled(m[3] ?? '', m[1] ?? m[2] ?? '', m[4] ?? '');
  m = BRACKETED_NAME.exec(text);
  if (m) return labelled(m[1] ?? '', m[2] ?? '', '');
  m = OTTER.exec(text);
  if (m) {
    const label = (m[1] ?? '').trim();
    const span = timeSpan(m[3] ?? '');
    if (!span || !looksLikeSpeakerLabel(label)) return undefined;
    const separator = m[2] ?? '';
    return { form: 'heading', label, spaced: separator.length >= 2 || separator.includes('\t'), ...span };
  }
  return undefined;
}

function labelled(rawLabel: string, rawTime: string, rawRest: string): TimedLine | undefined {
  const label = rawLabel.trim();
  const span = timeSpan(rawTime);
  if (!span || !looksLikeSpeakerLabel(label)) return undefined;
  const rest = rawRest.trim();
  return rest === '' ? { form: 'heading', label, spaced: true, ...span } : { form: 'inline', label, rest, ...span };
}
