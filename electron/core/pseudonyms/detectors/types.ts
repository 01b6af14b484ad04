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

/** Longest first; on equal length the higher-priority detector wins; the rest must not overlap. */
export function resolveOverlaps(found: Detection[]): Detection[] {
  const sorted = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Detection[] = [];
  for (const d of sorted) {
    if (d.end <= d.start) continue;
    if (kept.some((k) => d.start < k.end && k.start < d.end)) continue;
    kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}

