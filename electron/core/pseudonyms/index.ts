/**
 * Pseudonymisation: the one entry point the export gate, the checks, the scan and the review UI use.
 *
 *   const ctx = loadPseudoContext(db);            // once per export / check / scan
 *   detectIdentifiers(ctx, text)                  // candidates, offsets relative to `text`, sorted, non-overlapping
 *   pseudonymise(ctx, text)                       // { text, replacements, unresolved } on a copy
 *   participantPseudonym(ctx, participantId)      // the pseudonym or null
 *
 * Status of a candidate: `rule` (covered by a rule or the participant's pseudonym; replaced),
 * `not-identifying` (a person decided; left as written), `pending` (undecided; the gate blocks).
 */
import type Database from 'better-sqlite3';
import { loadPseudoContext as load, type PseudoContext } from './context';
export { buildPseudoContext, type PseudoData } from './context';

export type { Candidate, CandidateKind } from '../../../shared/domain/pseudonyms';
export type { PseudoContext } from './context';
export { detectIdentifiers, decisionKey } from './detect';
export { pseudonymise, type Pseudonymised, type Replacement } from './replace';

export function loadPseudoContext(db: Database.Database): PseudoContext {
  return load(db);
}

export function participantPseudonym(ctx: PseudoContext, participantId: number): string | null {
  return ctx.pseudonyms.get(participantId) ?? null;
}
