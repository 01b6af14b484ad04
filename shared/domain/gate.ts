/**
 * The export gate's vocabulary, shared by the core (which decides) and the UI (which shows why).
 * The rules themselves are the table in the design notes (export-gate.md), one row per check;
 * they run only in the core (electron/core/gate/).
 */

/** Bumped whenever a rule changes meaning; every export records the version that checked it. */
export const GATE_VERSION = 1;

export type GateProfile =
  /** A report or publication: open material only. */
  | 'report'
  /** Taking results back to the group: community-use-only material may pass too. */
  | 'return';

export type ReasonCode =
  | 'speaker-unmapped'
  | 'no-quote-consent'
  | 'participant-withdrawn'
  | 'passage-withdrawn'
  | 'passage-restricted'
  | 'identifier-unresolved'
  | 'name-without-consent'
  | 'no-pseudonym'
  | 'no-collective-consent'
  | 'no-kaitiaki-approval'
  | 'label-community-only'
  | 'label-restricted'
  | 'tikanga-part'
  | 'not-speech';

/** The row of the gate table each reason comes from. */
export const REASON_ROW: Record<ReasonCode, number> = {
  'speaker-unmapped': 1,
  'no-quote-consent': 2,
  'participant-withdrawn': 3,
  'passage-withdrawn': 4,
  'passage-restricted': 4,
  'identifier-unresolved': 5,
  'name-without-consent': 6,
  'no-pseudonym': 7,
  'no-collective-consent': 8,
  'no-kaitiaki-approval': 9,
  'label-community-only': 10,
  'label-restricted': 10,
  'tikanga-part': 11,
  'not-speech': 12,
};

/** What the analyst can do about a reason; `kind` tells the UI which screen or call fixes it. */
export type FixKind =
  | 'map-speaker'
  | 'record-consent'
  | 'trim-quote'
  | 'review-candidates'
  | 'use-pseudonym'
  | 'set-pseudonym'
  | 'record-collective-consent'
  | 'ask-kaitiaki'
  | 'use-return-profile'
  | 'choose-spoken-text';

export interface GateFix {
  kind: FixKind;
  /** One line saying what to do. */
  label: string;
  /** What the fix is about, when it is one thing: a speaker label, a participant, a group, the candidates' texts. */
  speakerId?: number;
  participantId?: number;
  groupId?: number;
  candidates?: string[];
}

export interface GateReason {
  code: ReasonCode;
  row: number;
  /** One line naming who or what fails the rule. */
  message: string;
  /** Null when nothing but trimming the quote can help. */
  fix: GateFix | null;
}

export interface GateDecision {
  quoteId: number;
  passed: boolean;
  /** Every failing row, in table order; empty when passed. */
  reasons: GateReason[];
}
