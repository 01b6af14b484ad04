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
