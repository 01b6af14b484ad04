/**
 * The quote bank: ranges of transcripts chosen for a report, trimmed with editorial cuts, checked
 * by the export gate, and exported pseudonymised. The original text is shown in the app only.
 */
import type { GateDecision, GateProfile } from './gate';
import type { SourceMode } from './transcript';

/** An editorial cut: the text between start and end (source offsets, inside the quote) is left out and `mark` shown. */
export interface QuoteCut {
  start: number;
  end: number;
  mark: '[…]' | '...';
}

/**
 * How speakers are attributed in an export.
 * - `pseudonyms`: `(Pseudonym, role)` for everyone (the default, as qualitative reports write it);
 * - `consented-names`: the real name where the person consented to be named, the pseudonym otherwise;
 * - `real-names`: real names forced for everyone (the gate blocks anyone who did not consent).
 * `group`: attribute tikanga-based kōrero to the group (`(Rōpū A, group interview)`), as the group decided.
 */
export interface AttributionOptions {
  naming: 'pseudonyms' | 'consented-names' | 'real-names';
  groupForTikanga: boolean;
}

export const DEFAULT_ATTRIBUTION: AttributionOptions = { naming: 'pseudonyms', groupForTikanga: true };

export interface ExportOptions {
  profile: GateProfile;
  attribution: AttributionOptions;
  /** The output named in a kaitiaki's per-export approval ("Report to funder, June"), if any. */
  approvalLabel?: string | undefined;
}

export interface QuoteSpeaker {
  speakerId: number;
  label: string;
  participantId: number | null;
  /** Real name: shown in the app only, never exported unless the person consented to be named. */
  name: string | null;
  pseudonym: string | null;
  role: string;
}

export interface Quote {
  id: number;
  sourceId: number;
  sourceTitle: string;
  mode: SourceMode;
  start: number;
  end: number;
  cuts: QuoteCut[];
  codingId: number | null;
  /** The code the quote was taken from (its heading in a quote bank), and every code whose codings cover it. */
  codeId: number | null;
  codePath: string | null;
  codePaths: string[];
  /** The codes whose codings cover the quote: what it can be filed under (besides Uncoded). */
  coveringCodes: Array<{ codeId: number; codePath: string }>;
  speakers: QuoteSpeaker[];
  /** The stored words with cuts applied (annotations left out): in-app only. */
  original: string;
  /** The quote's range of the transcript exactly as stored (for trimming and cutting in the app): in-app only. */
  raw: string;
  createdBy: string;
  createdAt: string;
}

/** A code a quote from a selection could be filed under (its codings cover the selection). */
export interface FilingCandidate {
  codeId: number;
  codePath: string;
  frameId: number;
  frameName: string;
}

/**
 * A quote from a selection: filed under the one code covering it (or as Uncoded when none does).
 * When several codes cover it nothing is added (`quoteId` null) and `candidates` lists them, the
 * active frame's first, for the person to choose (call again with `codeId`, or `codeId: null`).
 */
export interface QuoteFromSelection {
  quoteId: number | null;
  codeId: number | null;
  codePath: string | null;
  candidates: FilingCandidate[];
}

/** A quote as the gate sees it for one set of export options: what would leave, or why not. */
export interface CheckedQuote extends Quote {
  gate: GateDecision;
  /** The text and attribution that would be exported; null when the gate blocks the quote. */
  out: QuoteOut | null;
  /** What a copy or a drag out carries (“text” (attribution)), made by the core; null when blocked. */
  outText: string | null;
  /** The attribution that would be used (pseudonymised), shown even when blocked. */
  attribution: string;
}

export interface QuoteOut {
  text: string;
  attribution: string;
  sourceTitle: string;
  codePath: string;
  mode: SourceMode;
}

export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'md';

export interface ExportResult {
  /** Null when nothing passed the gate (no file written) or the dialog was cancelled. */
  path: string | null;
  cancelled: boolean;
  exportId: number | null;
  sha256: string | null;
  exported: number;
  blocked: number;
  /** Blocked quotes, each with every reason. */
  blockedQuotes: Array<{ quoteId: number; reasons: GateDecision['reasons'] }>;
  /** Counts per reason code among the blocked. */
  reasonCounts: Record<string, number>;
  /** Where a neutral label stood in for metadata holding an undecided identifier (project name, a code), one line each. */
  notes: string[];
  gateVersion: number;
}

export interface CopyResult {
  /** The gated, pseudonymised text with its attribution; null when blocked. */
  text: string | null;
  gate: GateDecision;
}

/** One export or copy as the audit log records it. */
export type ExportStatus = 'pending' | 'complete' | 'failed';

export interface AuditExport {
  id: number;
  format: string;
  profile: string;
  destination: string;
  sha256: string | null;
  gateVersion: number;
  actor: string;
  createdAt: string;
  /** A file export is `pending` from before its file is written until it is in place (`complete`); `failed` if it never was. */
  status: ExportStatus;
  passed: number;
  blocked: number;
  items: Array<{ quoteId: number | null; sourceId: number; start: number; end: number; outcome: 'passed' | 'blocked'; reasons: string[] }>;
}

export interface PassageMark {
  id: number;
  sourceId: number;
  sourceTitle: string;
  start: number;
  end: number;
  kind: 'withdrawn' | 'restricted';
  reason: string;
  text: string;
  createdBy: string;
  createdAt: string;
}

/** What a participant's withdrawal affects; nothing of anyone else's is touched. */
export interface WithdrawalEffects {
  participantId: number;
  withdrawnOn: string | null;
  sources: Array<{ sourceId: number; title: string; turns: number }>;
  segments: Array<{ codingId: number; codeId: number; codePath: string; sourceId: number; start: number; end: number; text: string }>;
  quotes: Array<{ quoteId: number; sourceId: number; start: number; end: number; text: string }>;
}

export type ProblemKind =
  | 'speaker-unmapped'
  | 'consent-missing'
  | 'quote-consent-declined'
  | 'pseudonym-missing'
  | 'pseudonym-collision'
  | 'identifiers-pending'
  | 'withdrawn-with-codings'
  | 'withdrawal-note-unmarked'
  | 'tikanga-no-group'
  | 'collective-consent-missing'
  | 'kaitiaki-missing'
  | 'note-unclassified'
  | 'kaitiaki-decision-unverified'
  | 'kaitiaki-record-gap'
  | 'kaitiaki-key-missing'
  | 'kaitiaki-key-recovered';

export interface Problem {
  kind: ProblemKind;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
  sourceId?: number;
  participantId?: number;
  speakerId?: number;
}
