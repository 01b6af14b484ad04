/**
 * Test media made on the machine (never committed): each turn spoken by espeak-ng, joined by sox
 * with a short pause, and a WebVTT transcript whose cue times are the real durations.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MadeSession {
  wav: string;
  vtt: string;
  /** Start of each turn, in ms. */
  startsMs: number[];
}

const GAP_S = 0.4;

export function makeSpokenSession(dir: string, turns: Array<{ speaker: string; text: string }>, base = 'session'): MadeSession {
  const parts: string[] = [];
  const startsMs: number[] = [];
  let at = 0;
  const cues: string[] = [];
  turns.forEach((t, i) => {
    const raw = join(dir, `${base}-raw-${i}.wav`);
    execFileSync('espeak-ng', ['-s', '170', '-w', raw, t.text]);
    const padded = join(dir, `${base}-turn-${i}.wav`);
    execFileSync('sox', [raw, '-r', '16000', '-c', '1', padded, 'pad', '0', String(GAP_S)]);
    const seconds = Number(execFileSync('soxi', ['-D', padded], { encoding: 'utf8' }).trim());
    startsMs.push(Math.round(at * 1000));
    const stamp = (s: number) => new Date(Math.round(s * 1000)).toISOString().slice(11, 23);
    cues.push(`${stamp(at)} --> ${stamp(at + seconds - GAP_S)}\n<v ${t.speaker}>${t.text}`);
    at += seconds;
    parts.push(padded);
  });
  const wav = join(dir, `${base}.wav`);
  execFileSync('sox', [...parts, wav]);
  const vtt = join(dir, `${base}.vtt`);
  writeFileSync(vtt, `WEBVTT\n\n${cues.join('\n\n')}\n`);
  return { wav, vtt, startsMs };
}
