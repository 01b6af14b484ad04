/** A return-to-the-group export: a rōpū's own kōrero, the codes applied to it and the quotes approved for use. */
export type ReturnFormat = 'docx' | 'md';

export interface ReturnTurn {
  /** Who spoke, as the group decided: a pseudonym (or consented name) with role, or the group's label. */
  speaker: string;
  /** The spoken words, pseudonymised; left-out stretches (restricted passages, unreleased parts) shown as […]. */
  text: string;
  /** The turn's range in the transcript (for the audit log). */
  start: number;
  end: number;
}

export interface ReturnSource {
  sourceId: number;
  /** The title as pseudonymised. */
  title: string;
  kind: string;
  turns: ReturnTurn[];
  /** Turns left out whole, with why (restricted, unreleased tikanga part, withdrawn, speaker unknown, identifier not reviewed). */
  withheld: Record<string, number>;
}

export interface ReturnCode {
  frame: string;
  frameKind: 'mainstream' | 'kaupapa-maori';
  path: string;
  /** Coded passages in the group's kōrero. */
  count: number;
}

export interface ReturnQuote {
  quoteId: number;
  text: string;
  attribution: string;
  codePath: string;
}

export interface ReturnDocument {
  groupId: number;
  /** How the group is named in the document (its attribution or pseudonym, never a person's name). */
  groupLabel: string;
  sources: ReturnSource[];
  codes: ReturnCode[];
  quotes: ReturnQuote[];
  /** Quotes from the group's kōrero the gate did not pass (not approved, refused, restricted…). */
  quotesBlocked: number;
}

export interface ReturnResult {
  path: string | null;
  cancelled: boolean;
  exportId: number | null;
  sha256: string | null;
  sources: number;
  turns: number;
  withheld: Record<string, number>;
  codes: number;
  quotes: number;
  quotesBlocked: number;
}
