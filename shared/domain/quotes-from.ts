/**
 * Quotes made in bulk from a coding query's segments or from search hits, and the marks the
 * transcript view shows on talk that can never be exported. Counts and ranges only: these never
 * carry transcript text (the quote bank lists the quotes; text leaves the app only through the gate).
 */

/**
 * What a search hit becomes as a quote. 'sentence' (the default): the sentence(s) holding the
 * matched words, because a report quotes a sentence or two and a long turn is more likely to hold
 * an unrelated identifier that blocks it at the gate; 'turn': the whole speaker turn, for context.
 */
export type SearchQuoteScope = 'sentence' | 'turn';

export interface QuotesAdded {
  /** Ids of the quotes added, in source and reading order. */
  quoteIds: number[];
  added: number;
  /** Ranges that already had a quote in the bank (same transcript, same start and end). */
  skipped: number;
  /** Ranges refused: they touch a restricted (tapu) passage and the viewer works outside the kaupapa Māori frame. */
  refused: number;
  refusedReason: string | null;
  /** Search hits in notes or headings rather than speech: not quotable. */
  notSpeech: number;
}

export type TranscriptMarkKind = 'withdrawn' | 'restricted' | 'participant-withdrawn';

/** A range of a transcript that is never exported, and why. */
export interface TranscriptExportMark {
  start: number;
  end: number;
  kind: TranscriptMarkKind;
  /** The reason given when the passage was marked (may be empty). */
  reason: string;
  /** For a withdrawn participant's turn: who (their name, in-app only) and when. */
  who: string | null;
  withdrawnOn: string | null;
}
