/** Coding: codings (a code on a range of a source), retrieved segments, undo history. */
import type { SourceMode } from './transcript';

export interface Coding {
  id: number;
  codeId: number;
  sourceId: number;
  start: number;
  end: number;
  coder: string;
  createdAt: string;
}

/** A coded segment as retrieval shows it: the text, who said it, where, with context. */
export interface Segment {
  codingId: number;
  codeId: number;
  sourceId: number;
  sourceTitle: string;
  mode: SourceMode;
  start: number;
  end: number;
  text: string;
  /** Up to ~200 characters of the text before and after, within the same block. */
  before: string;
  after: string;
  speakers: Array<{ label: string; participantId: number | null; name: string | null }>;
  coder: string;
  createdAt: string;
  /** True when a speaker in it has withdrawn or the passage is marked withdrawn: it can never be exported. */
  withdrawn?: boolean;
  /** Seconds into the recording, when the transcript is timed (VTT, SRT, Otter, Rev…): its first turn's start, its last turn's end. */
  time?: { start: number; end: number | null };
}

export interface HistoryEntry {
  id: number;
  label: string;
  at: string;
}

export interface HistoryState {
  canUndo: HistoryEntry | null;
  canRedo: HistoryEntry | null;
}

export interface DeletePreview {
  codes: number;
  codings: number;
  sources: number;
  memos: number;
}

/** What to auto-code: turns of a speaker (label or mapped participant's name) or participant, or matches of a text. */
export interface AutoCodeInput {
  codeId: number;
  speaker?: string | undefined;
  participantId?: number | undefined;
  pattern?: string | undefined;
  /** Only whole words match (pattern). */
  wholeWord?: boolean | undefined;
  /** Code the match itself, or the whole turn it is in (pattern). */
  scope?: 'match' | 'turn' | undefined;
  /** Only these sources (all when absent). */
  sourceIds?: number[] | undefined;
}

export interface AutoCodeRange {
  sourceId: number;
  sourceTitle: string;
  start: number;
  end: number;
  speaker: string | null;
  before: string;
  text: string;
  after: string;
  alreadyCoded: boolean;
}

export interface AutoCodePreview {
  codeName: string;
  /** Every range that would be coded (including those already coded, which are skipped). */
  count: number;
  alreadyCoded: number;
  /** Ranges left out because they may not be coded in this frame (tikanga parts, restricted passages, frames for the session). */
  notCodable: number;
  /** Why the first of them was left out, to show the person. */
  notCodableReason: string | null;
  sources: number;
  /** The first 500 ranges, with context. */
  ranges: AutoCodeRange[];
  truncated: boolean;
}
