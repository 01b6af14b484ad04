/**
 * Pseudonymisation: detected identifiers (candidates), replacement rules and decisions.
 * Offsets are UTF-16 code-unit offsets, like every range in Focal.
 */

export type CandidateKind =
  | 'participant'
  | 'first-name'
  | 'third-party'
  | 'place'
  | 'organisation'
  | 'service'
  | 'nhi'
  | 'phone'
  | 'email'
  | 'url'
  | 'address'
  | 'date-of-birth';

export const CANDIDATE_KINDS: readonly CandidateKind[] = [
  'participant', 'first-name', 'third-party', 'place', 'organisation', 'service', 'nhi', 'phone', 'email', 'url', 'address', 'date-of-birth',
];

/**
 * One detected identifier. `status`: `rule` = covered by a rule or a participant's pseudonym (will be
 * replaced by `suggestion`); `not-identifying` = a person decided it is not identifying; `pending` = nobody
 * has decided yet (the export gate blocks any quote holding one).
 */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  kind: CandidateKind;
  suggestion: string;
  status: 'rule' | 'not-identifying' | 'pending';
  ruleId?: number;
  participantId?: number;
  /** Why it was flagged, for the reviewer (e.g. "NHI check digit does not validate"). */
  note?: string;
}

export type RuleCategory = 'participant' | 'third-party' | 'staff' | 'place' | 'organisation' | 'service' | 'identifier' | 'other';
export const RULE_CATEGORIES: readonly RuleCategory[] = ['participant', 'third-party', 'staff', 'place', 'organisation', 'service', 'identifier', 'other'];

export interface PseudonymRule {
  id: number;
  term: string;
  variants: string[];
  replacement: string;
  category: RuleCategory;
  participantId: number | null;
  createdBy: string;
  createdAt: string;
}

export interface PseudonymDecision {
  id: number;
  folded: string;
  text: string;
  decision: 'not-identifying';
  decidedBy: string;
  decidedAt: string;
}

/** A candidate text found across the project, grouped by its folded form. */
export interface ScanGroup {
  folded: string;
  /** The first spelling seen; `spellings` lists every distinct one. */
  text: string;
  spellings: string[];
  kind: CandidateKind;
  suggestion: string;
  status: Candidate['status'];
  ruleId?: number;
  participantId?: number;
  /** Why it was flagged (from the first occurrence). */
  note?: string;
  count: number;
  /** Up to three places it occurs, with a little text either side. */
  examples: {
    sourceId: number;
    sourceTitle: string;
    start: number;
    end: number;
    before: string;
    match: string;
    after: string;
    /** The turn (block) it occurs in, for reviewing it in context. */
    blockStart: number;
    blockEnd: number;
  }[];
  /** The transcripts it occurs in (scan order), with how often in each. */
  occursIn: { sourceId: number; sourceTitle: string; count: number }[];
  /** Its first occurrence in the scanned transcripts (reading order), to open the transcript there. */
  first: {
    sourceId: number;
    start: number;
    end: number;
    blockStart: number;
    blockEnd: number;
    /** Its turn (block) in reading order, 1-based, of `turns` in the transcript (0 if in none). */
    turn: number;
    turns: number;
    /** When that turn starts, for timed transcripts (VTT, SRT). */
    startMs: number | null;
  };
}

/** `count`: pending first, then most frequent; `position`: transcript by transcript, by first occurrence. */
export type ScanOrder = 'count' | 'position';

/** Groups per filter value, each counted with every other filter applied (not its own). */
export interface ScanFacets {
  status: { pending: number; rule: number; notIdentifying: number };
  /** Only kinds with at least one group. */
  kinds: Partial<Record<CandidateKind, number>>;
  /** Every transcript, in import order, even those with none. */
  sources: { sourceId: number; sourceTitle: string; count: number }[];
}

export interface ScanResult {
  /** The page asked for (every matching group when no limit is given). */
  groups: ScanGroup[];
  /** Places in the text by status, over every matching group (not just the page). */
  counts: { rule: number; notIdentifying: number; pending: number };
  sources: number;
  /** How many groups match, across all pages. */
  total: number;
  offset: number;
  /** Only when asked for (`facets: true`). */
  facets?: ScanFacets;
}

export interface PseudoRangeResult {
  sourceId: number;
  start: number;
  end: number;
  /** The range's stored text (offsets of candidates are relative to `start`). */
  text: string;
  candidates: Candidate[];
}

export interface PseudoPreview {
  sourceId: number;
  start: number;
  end: number;
  text: string;
  unresolved: Candidate[];
  replaced: number;
}

/** Map a candidate kind to the rule category it becomes when accepted as a rule. */
export function categoryForKind(kind: CandidateKind): RuleCategory {
  switch (kind) {
    case 'participant':
    case 'first-name':
      return 'participant';
    case 'third-party':
      return 'third-party';
    case 'place':
    case 'address':
      return 'place';
    case 'organisation':
      return 'organisation';
    case 'service':
      return 'service';
    default:
      return 'identifier';
  }
}
