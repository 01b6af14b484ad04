/**
 * What an importer produces from one file, before anything touches the database.
 *
 * `text` is the whole transcript as Focal stores and shows it: NFC-normalised, spelling
 * untouched, blocks separated by "\n\n". Every offset below is a UTF-16 code-unit offset
 * into `text` (the units JavaScript strings use), so a range selected in the UI is the
 * exact range the core codes and exports. Speaker labels are NOT part of `text`: a turn's
 * range covers only what was said, so a quote can never contain a speaker's name by accident.
 */

export type SourceMode = 'mainstream' | 'tikanga';

export type SourceFormat = 'txt' | 'docx' | 'vtt' | 'srt' | 'tsv' | 'csv' | 'md';

export type BlockKind =
  /** Words spoken by one speaker (a turn). */
  | 'turn'
  /** A paragraph that stands alone as a non-speech note, e.g. `[Karakia tīmatanga led by Koro Hemi. Not recorded.]`. */
  | 'note'
  /** A section heading (workshop tables, Markdown headings). */
  | 'heading'
  /** A paragraph with no speaker (Markdown or Word prose, a table cell without a column speaker). */
  | 'text';

export interface ParsedBlock {
  kind: BlockKind;
  /** Speaker label exactly as written in the file (trimmed), for kind 'turn'. */
  speaker?: string;
  start: number;
  end: number;
  /** Milliseconds from the start of the recording, when the file gives timestamps. */
  startMs?: number;
  endMs?: number;
  /** Indexes (into `blocks`) of the blocks this block responds to (workshop tables: one response covering several rows). */
  respondsTo?: number[];
}

/** A bracketed non-speech note inside or as a block: `[laughter]`, `[taps head]`, `[Not recorded.]`. */
export interface ParsedAnnotation {
  start: number;
  end: number;
  /** The note's text without the brackets. */
  text: string;
}

export interface ParsedMetadata {
  title?: string;
  /** ISO date yyyy-mm-dd when a date header was given and understood. */
  date?: string;
  mode?: SourceMode;
  /** The session's kind as written, e.g. "tikanga-based group interview", "focus group". */
  kind?: string;
  group?: string;
  facilitators?: string;
  location?: string;
  round?: string;
  notes?: string;
  /** Any other `Key: value` header lines, keys as written. */
  other: Record<string, string>;
}

export interface ParsedTranscript {
  format: SourceFormat;
  text: string;
  blocks: ParsedBlock[];
  annotations: ParsedAnnotation[];
  metadata: ParsedMetadata;
  /** Problems that did not stop the import (e.g. "cue 14 has no text"), one line each. */
  warnings: string[];
}
