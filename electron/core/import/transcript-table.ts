/**
 * Transcripts laid out as a table — in Word, or saved as .csv/.tsv — whose header row names a
 * speaker column and a text column, and optionally a time column, in any order:
 * `Time | Speaker | Text`, `Timestamp | Name | Transcript`, `Speaker | Dialogue`, and NVivo's own
 * transcript export `Timespan | Content | Speaker` (`0:00:00.0 - 0:00:09.2`). Each row is a turn.
 */
import { timeSpan } from './time-stamps';

export interface TranscriptColumns {
  speaker: number;
  text: number;
  time?: number;
  end?: number;
}

export interface TableTurn {
  /** Absent when the row's speaker cell is empty: the row continues the turn before. */
  speaker?: string;
  text: string;
  startMs?: number;
  endMs?: number;
}

const NAMES: Record<keyof TranscriptColumns, string[]> = {
  time: ['time', 'timestamp', 'time stamp', 'timecode', 'time code', 'tc', 'start', 'start time', 'begin', 'in', 'timespan', 'time span', 'time range'],
  end: ['end', 'end time', 'out', 'stop'],
  speaker: ['speaker', 'speakers', 'name', 'speaker name', 'who', 'participant', 'person', 'voice'],
  text: ['text', 'transcript', 'transcription', 'dialogue', 'dialog', 'content', 'utterance', 'speech', 'words', 'what was said'],
};

const norm = (cell: string) =>
  cell
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The columns of a transcript table, or undefined when the header row does not name a speaker and a text column. */
export function transcriptColumns(header: string[]): TranscriptColumns | undefined {
  const found: Partial<TranscriptColumns> = {};
  header.forEach((cell, i) => {
    const name = norm(cell);
    for (const key of ['speaker', 'text', 'time', 'end'] as const) {
      if (found[key] === undefined && NAMES[key].includes(name)) {
        found[key] = i;
        return;
      }
    }
  });
  if (found.speaker === undefined || found.text === undefined) return undefined;
  return found as TranscriptColumns;
}

/** Body rows (cells already plain text) → turns; a time that cannot be read is warned about once per column. */
export function tableTurns(rows: string[][], columns: TranscriptColumns, warn: (message: string) => void, firstRowNumber = 2): TableTurn[] {
  const turns: TableTurn[] = [];
  let warned = false;
  rows.forEach((cells, r) => {
    const text = (cells[columns.text] ?? '').trim();
    if (text === '') return;
    const turn: TableTurn = { text };
    const speaker = (cells[columns.speaker] ?? '').replace(/\s+/g, ' ').trim().replace(/:$/, '').trimEnd();
    if (speaker !== '') turn.speaker = speaker;
    const rawTime = columns.time === undefined ? '' : (cells[columns.time] ?? '').trim();
    if (rawTime !== '') {
      const span = timeSpan(rawTime.replace(/^\[(.*)\]$/, '$1'));
      if (span) {
        turn.startMs = span.startMs;
        if (span.endMs !== undefined) turn.endMs = span.endMs;
      } else if (!warned) {
        warn(`row ${r + firstRowNumber}: "${rawTime}" is not a time (expected 00:01:05 or 0:00:00.0 - 0:00:09.2); rows like it keep no time`);
        warned = true;
      }
    }
    const rawEnd = columns.end === undefined ? '' : (cells[columns.end] ?? '').trim();
    const end = rawEnd === '' ? undefined : timeSpan(rawEnd);
    if (end && turn.startMs !== undefined && end.startMs >= turn.startMs) turn.endMs = end.startMs;
    turns.push(turn);
  });
  return turns;
}
