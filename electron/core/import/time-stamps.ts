/**
 * Timestamps as transcription services and meeting tools write them, → milliseconds from the
 * start of the recording: Otter `0:03` and `1:02:03`, Rev `00:00:05`, Descript `[00:00:04]`,
 * Teams `0:0:3.76`, NVivo timespans `0:00:00.0 - 0:00:09.2`. Minutes may run past 59 only when
 * there is no hour part (`75:30`); seconds never do.
 */

/** One timestamp, as a regex source: `m:ss`, `h:mm:ss`, with an optional fraction. */
export const TIME = String.raw`\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;

/** A timestamp or a range of two: `00:05`, `0:00:00.0 - 0:00:09.2`, `0:0:0.0 --> 0:0:3.7`. */
export const TIMESPAN = String.raw`${TIME}(?:[ \t]*(?:-->|–|—|-|to)[ \t]*${TIME})?`;

const ONE = new RegExp(`^${TIME}$`);
const SPAN = new RegExp(String.raw`^(${TIME})(?:[ \t]*(?:-->|–|—|-|to)[ \t]*(${TIME}))?$`);

/** Quick test before the heavier patterns: every timestamp has a digit, a colon and a digit. */
export const mayHoldTime = (line: string): boolean => /\d:\d/.test(line);

/** `1:02:03` → 3723000; undefined when it is not a timestamp (or seconds/minutes are out of range). */
export function timeMs(raw: string): number | undefined {
  const s = raw.trim();
  if (!ONE.test(s)) return undefined;
  const [whole, fraction = ''] = s.split(/[.,]/);
  const parts = (whole ?? '').split(':').map(Number);
  const seconds = parts[parts.length - 1]!;
  const minutes = parts[parts.length - 2]!;
  const hours = parts.length === 3 ? parts[0]! : 0;
  if (seconds > 59 || (parts.length === 3 && minutes > 59)) return undefined;
  const millis = fraction === '' ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

export interface TimeSpan {
  startMs: number;
  endMs?: number;
}

/** A timestamp or a range → start (and end); undefined when not one, or the range runs backwards. */
export function timeSpan(raw: string): TimeSpan | undefined {
  const m = SPAN.exec(raw.trim());
  if (!m) return undefined;
  const startMs = timeMs(m[1]!);
  if (startMs === undefined) return undefined;
  if (m[2] === undefined) return { startMs };
  const endMs = timeMs(m[2]);
  if (endMs === undefined || endMs < startMs) return undefined;
  return { startMs, endMs };
}
