/** What correcting a transcript's text did (or, for a preview, would do) to everything that points into it. */

export interface CorrectionEdit {
  /** UTF-16 offsets into the stored text, as every offset in Focal. */
  start: number;
  end: number;
  text: string;
}

/** A range that an edit covered entirely: removed with the correction (listed before it is saved). */
export interface RemovedRange {
  kind: 'coding' | 'quote' | 'annotation' | 'passage-mark' | 'label' | 'part';
  id: number;
  start: number;
  end: number;
  /** For a coding: its code's path. */
  code?: string;
}

export interface CorrectionCounts {
  kept: number;
  changed: number;
  trimmed: number;
  removed: number;
}

export interface CorrectionResult {
  sourceId: number;
  /** Saved, or only previewed. */
  saved: boolean;
  sha256Before: string;
  sha256After: string;
  edits: number;
  lengthBefore: number;
  lengthAfter: number;
  codings: CorrectionCounts;
  quotes: CorrectionCounts;
  /** Passage marks, sensitivity labels, session parts, annotations together. */
  marks: CorrectionCounts;
  removed: RemovedRange[];
  /** Ranges that lost words at an edge: their new offsets. */
  trimmed: Array<{ kind: RemovedRange['kind']; id: number; start: number; end: number }>;
  /** Quotes whose words changed: any kaitiaki approval of them no longer counts; they go back to be checked. */
  quotesSentBack: number[];
  /**
   * Signed kaitiaki statements that named the text before (by its SHA-256): they no longer count
   * for the corrected text (see README, "Corrections").
   */
  statementsLapsed: number;
  /** The undo step's label, when saved. */
  historyLabel: string | null;
}
