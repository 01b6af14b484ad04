import type { CandidateKind } from '../../../../shared/domain/pseudonyms';

/** What a detector finds, before rules and decisions give it a status. */
export interface Detection {
  start: number;
  end: number;
  kind: CandidateKind;
  suggestion: string;
  /** Lower wins when two detections overlap with the same length. */
  priority: number;
  note?: string;
  ruleId?: number;
  participantId?: number;
  /** Covered by a rule or a pseudonym. */
  covered?: boolean;
}

export const PRIORITY = { rule: 0, register: 1, pattern: 2, gazetteer: 3, capitalised: 4 } as const;
