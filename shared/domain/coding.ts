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

/**
 * Exactly what one coding or un-coding changed in one transcript: the codings added or changed
 * (whole rows), the ids of those gone, and the new counts of every code touched. Returned by
 * coding-apply and coding-remove and carried by their `changed` event, so a view patches itself
 * (the new highlight, the new count) instead of reloading every coding and count.
 */
export interface CodingsPatch {
  sourceId: number;
  upserted: Coding[];
  removed: number[];
  counts: Array<{ codeId: number; counts: { segments: number; sources: number; participants: number } }>;
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
  /** Only these sources (within the scope). */
  sourceIds?: number[] | undefined;
  /** Which sessions: by default the code's frame's own (see CodingScope); 'both' mixes modes on purpose. */
  mode?: ScopeMode | undefined;
  /** Apply only these previewed hits (the ones left ticked), or every hit but these (the unticked ones). */
  keep?: HitRef[] | undefined;
  skip?: HitRef[] | undefined;
}

export type ScopeMode = 'mainstream' | 'tikanga' | 'both';

/** One hit of a bulk coding preview, by source and range: what the person keeps or unticks. */
export interface HitRef {
  sourceId: number;
  start: number;
  end: number;
}

/**
 * The sessions a bulk coding (auto-code, code all results) covers. By default the frame's own: a
 * kaupapa Māori frame → tikanga-based sessions and sessions that chose it; a mainstream frame →
 * sessions open to it (not tikanga-based ones unless their kaitiaki opened them to it).
 */
export interface CodingScope {
  frameId: number;
  frameName: string;
  frameKind: 'mainstream' | 'kaupapa-maori';
  mode: ScopeMode;
  /** True when the person chose the mode (or the sessions); false for the frame's default. */
  chosen: boolean;
  label: string;
  sources: Array<{ id: number; title: string; mode: 'mainstream' | 'tikanga' }>;
}

/** Hits per session in a preview. */
export interface ScopeSourceHits {
  sourceId: number;
  sourceTitle: string;
  mode: 'mainstream' | 'tikanga';
  hits: number;
  alreadyCoded: number;
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
  scope: CodingScope;
  perSource: ScopeSourceHits[];
}
