/**
 * Pseudonymisation: the one entry point the export gate, the checks, the scan and the review UI use.
 *
 *   const ctx = loadPseudoContext(db);            // once per export / check / scan
 *   detectIdentifiers(ctx, text)                  // candidates, offsets relative to `text`, sorted, non-overlapping
 *   pseudonymise(ctx, text)                       // { text, replacements, unresolved } on a copy
 *   participantPseudonym(ctx, participantId)      // the pseudonym or null
 *
 * For a range of a source (a quote, a fragment between cuts), give the words before it, or use the
 * *InSource forms: detection then looks back to the start of the sentence, so a name that opens a
 * range cut mid-sentence is not mistaken for a capitalised sentence start:
 *   detectIdentifiers(ctx, text, { before })  /  pseudonymise(ctx, text, { before })
 *   detectIdentifiersInSource(ctx, sourceText, start, end)   // offsets relative to start
 *   pseudonymiseInSource(ctx, sourceText, start, end)
 *
 * Status of a candidate: `rule` (covered by a rule or the participant's pseudonym; replaced),
 * `not-identifying` (a person decided; left as written), `pending` (undecided; the gate blocks).
 */
import type Database from 'better-sqlite3';
import { fold } from '../../../shared/text/fold';
import { loadPseudoContext as load, nameVariants, type PseudoContext, type RegisterPerson } from './context';
export { buildPseudoContext, type PseudoData } from './context';

export type { Candidate, CandidateKind } from '../../../shared/domain/pseudonyms';
export type { PseudoContext } from './context';
export { detectIdentifiers, detectIdentifiersInSource, decisionKey, type DetectOptions } from './detect';
export { pseudonymise, pseudonymiseInSource, type Pseudonymised, type Replacement } from './replace';

export function loadPseudoContext(db: Database.Database): PseudoContext {
  return load(db);
}

export function participantPseudonym(ctx: PseudoContext, participantId: number): string | null {
  return ctx.pseudonyms.get(participantId) ?? null;
}

/**
 * People whose pseudonym would print a real name or confuse two people: a pseudonym that is (folded) a
 * real name, first name or surname of someone else in the project (`real-name`), part of their own
 * name (`own-name`: the fixtures' Koro Hemi → "Koro"; harmless only if they consent to be named), or
 * another participant's pseudonym too (`duplicate`). For the project check and the pseudonym register.
 */
export function pseudonymCollisions(ctx: PseudoContext): { participantId: number; pseudonym: string; matches: string; reason: 'real-name' | 'own-name' | 'duplicate' }[] {
  const names = new Map<string, RegisterPerson[]>();
  for (const p of ctx.people) {
    for (const v of nameVariants(p.name)) {
      const list = names.get(fold(v.text)) ?? [];
      if (!list.includes(p)) list.push(p);
      names.set(fold(v.text), list);
    }
  }
  const byPseudonym = new Map<string, RegisterPerson>();
  const out: { participantId: number; pseudonym: string; matches: string; reason: 'real-name' | 'own-name' | 'duplicate' }[] = [];
  for (const p of ctx.people) {
    if (!p.pseudonym) continue;
    const key = fold(p.pseudonym);
    const hits = names.get(key) ?? [];
    const other = hits.find((h) => h.id !== p.id);
    if (other) out.push({ participantId: p.id, pseudonym: p.pseudonym, matches: other.name, reason: 'real-name' });
    else if (hits.length) out.push({ participantId: p.id, pseudonym: p.pseudonym, matches: p.name, reason: 'own-name' });
    const first = byPseudonym.get(key);
    if (first) out.push({ participantId: p.id, pseudonym: p.pseudonym, matches: first.name, reason: 'duplicate' });
    else byPseudonym.set(key, p);
  }
  return out;
}
