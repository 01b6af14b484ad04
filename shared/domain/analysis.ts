/** Search, coding queries and matrix coding: plain data shared by the core, the CLI and the UI. */
import type { CodingScope, ScopeSourceHits } from './coding';
import type { SourceMode } from './transcript';

/** Who spoke a passage: filters that narrow search hits and query results to some speakers. */
export interface SpeakerFilter {
  /** The participant's role (participants.role), or the speaker's session role when not linked. */
  role?: string | undefined;
  /** A participant attribute and the value it must have. */
  attribute?: { attributeId: number; value: string } | undefined;
  participantId?: number | undefined;
  /** A group: the source is the group's session, or the speaker is a member. */
  groupId?: number | undefined;
}

export interface SearchFilters extends SpeakerFilter {
  mode?: SourceMode | undefined;
  /** Only turns that overlap a coding of this code. */
  codeId?: number | undefined;
  sourceIds?: number[] | undefined;
}

/** A piece of context text; `hit` pieces are the matched words. Always rendered as text. */
export interface TextSpan {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  blockId: number;
  sourceId: number;
  sourceTitle: string;
  mode: SourceMode;
  blockKind: 'turn' | 'note' | 'heading' | 'text';
  blockStart: number;
  blockEnd: number;
  speaker: { label: string; participantId: number | null; name: string | null; role: string } | null;
  /** The matched words as UTF-16 ranges in the source's stored (unfolded) text. */
  matches: Array<{ start: number; end: number }>;
  /** The hit in context: the block, or a window of it, cut into plain-text spans. */
  context: TextSpan[];
  /** True when the context window starts/ends inside the block (show an ellipsis). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface SearchResult {
  query: string;
  /** The query as Focal understood it, e.g. `whanau AND (hui OR "peer support")`. */
  understood: string;
  hits: SearchHit[];
  /** Matching blocks (turns, notes), counted up to `countCap`. */
  total: number;
  totalIsCapped: boolean;
  offset: number;
  limit: number;
}

export type CodeResultsScope = 'hits' | 'turns';

export interface CodeResultsPreview {
  /** Ranges that would be coded (after dropping ones already coded with this code). */
  ranges: number;
  alreadyCoded: number;
  /** Results left out because they may not be coded in the code's frame (tikanga parts, restricted passages, frames for the session). */
  notCodable: number;
  notCodableReason: string | null;
  sources: number;
  turns: number;
  /** The first few, with a little context either side (an ellipsis where the turn goes on). */
  sample: Array<{ sourceTitle: string; speaker: string | null; text: string; before: string; after: string }>;
  /** The ranges that would be coded (the first 500), each to keep or untick. */
  hits: Array<{ sourceId: number; sourceTitle: string; start: number; end: number; speaker: string | null; text: string; before: string; after: string }>;
  truncated: boolean;
  scope: CodingScope;
  perSource: ScopeSourceHits[];
}

export type QueryOp = 'and' | 'or' | 'not' | 'near';

export interface CodingQuery {
  /** Segments coded with all of these (overlapping). */
  all?: number[] | undefined;
  /** Segments coded with any of these. */
  any?: number[] | undefined;
  /** Take away what is coded with any of these. */
  none?: number[] | undefined;
  /** Keep only segments near (same turn, or within `words` words of) a coding of one of these. */
  near?: { codeIds: number[]; words?: number | undefined } | undefined;
  /** For AND: the overlap (default) or the union of the overlapping codings. */
  result?: 'overlap' | 'union' | undefined;
  includeChildren?: boolean | undefined;
  speakers?: SpeakerFilter | undefined;
  mode?: SourceMode | undefined;
  /** Only sources this frame applies to (sources with no frame set are open to every frame). */
  frameId?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface QuerySegment {
  sourceId: number;
  sourceTitle: string;
  mode: SourceMode;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
  speakers: Array<{ label: string; participantId: number | null; name: string | null }>;
  /** Codes (of those queried) that cover part of this segment. */
  codeIds: number[];
}

export interface QueryResult {
  segments: QuerySegment[];
  total: number;
  sources: number;
  participants: number;
  /** How the query was read, in words. */
  described: string;
}

export type MatrixColumns = 'participant' | 'group' | 'attribute' | 'role' | 'source' | 'mode' | 'kind';

export interface MatrixInput {
  /** Rows: these codes, or every code of a frame, or every code. */
  codeIds?: number[] | undefined;
  frameId?: number | undefined;
  cols: MatrixColumns;
  /** For cols = attribute. */
  attributeId?: number | undefined;
  mode?: SourceMode | undefined;
  includeChildren?: boolean | undefined;
}

export interface MatrixCell {
  segments: number;
  participants: number;
}

export interface MatrixResult {
  rows: Array<{ codeId: number; name: string; path: string; color: string }>;
  cols: Array<{ key: string; label: string }>;
  /** cells[row][col] */
  cells: MatrixCell[][];
  rowTotals: MatrixCell[];
  maxSegments: number;
  /** E.g. individual interviews and group interviews mixed in one comparison. */
  warnings: string[];
  colsBy: MatrixColumns;
  colsLabel: string;
}

export interface CooccurrenceResult {
  codes: Array<{ codeId: number; name: string; color: string }>;
  /** counts[i][j]: segments of code i that overlap a coding of code j (diagonal: segments of i). */
  counts: number[][];
  /** Said beside the figures: e.g. that they mix mainstream and tikanga-based sessions. */
  notes: string[];
}

/** Which chart to draw into a file: the core works out its data and its export labels itself. */
export type ChartSpec =
  | { kind: 'frequency'; frameId?: number | undefined; mode?: 'mainstream' | 'tikanga' | undefined }
  | { kind: 'matrix'; matrix: MatrixInput }
  | { kind: 'cooccurrence'; frameId?: number | undefined; mode?: 'mainstream' | 'tikanga' | undefined };

/** A chart as a file will draw it: the core's SVG (export labels only) and the size a PNG of it must have. */
export interface ChartImage {
  svg: string;
  width: number;
  height: number;
  /** A PNG must be drawn at this scale: exactly width × scale by height × scale pixels. */
  scale: number;
  /** Every label the file carries (codes, columns), as printed. */
  labels: string[];
  /** Why some labels are neutral (never the label itself). */
  notes: string[];
  /** The file name suggested to the save dialog, without extension. */
  name: string;
}

/** What saving a matrix or chart file did: where, its SHA-256 and the audit's export id. */
export interface SavedFile {
  path: string;
  sha256: string;
  exportId: number;
}
