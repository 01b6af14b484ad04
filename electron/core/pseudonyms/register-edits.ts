/**
 * The pseudonym register: rules (term, variants, replacement, category), decisions (not identifying,
 * or cleared), participants' pseudonyms, and suggesting a pseudonym that collides with no real name
 * and no pseudonym in the project. Every change is one transaction, audited, then `changed`.
 *
 * The audit log records that a rule or pseudonym changed and by whom, never the term next to its
 * replacement: the real-name ↔ pseudonym link stays in the register tables only.
 */
import { fold } from '../../../shared/text/fold';
import type { PseudonymDecision, PseudonymRule, RuleCategory } from '../../../shared/domain/pseudonyms';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { commit } from '../participants/commit';
import { loadPseudoContext, nameVariants, readRules } from './context';
import { decisionKey } from './detect';

const clean = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

export interface RuleInput {
  id?: number | undefined;
  term: string;
  variants?: string[] | undefined;
  replacement: string;
  category: RuleCategory;
  participantId?: number | null | undefined;
}

export function getRule(db: ProjectDb, id: number): PseudonymRule {
  const rule = readRules(db).find((r) => r.id === id);
  if (!rule) throw new FocalError('not-found', `Pseudonym rule ${id} does not exist (it may have been deleted); reload the rules list.`);
  return rule;
}

/** Rules whose term or a variant folds to the same text as `text`. */
function rulesFor(db: ProjectDb, text: string): PseudonymRule[] {
  const key = decisionKey(text);
  return readRules(db).filter((r) => [r.term, ...r.variants].some((t) => decisionKey(t) === key));
}

export function saveRule(core: FocalCore, input: RuleInput): PseudonymRule {
  const db = core.requireProject().db;
  const term = clean(input.term);
  const replacement = clean(input.replacement);
  if (!/[\p{L}\p{N}]/u.test(term)) throw new FocalError('bad-input', 'A rule needs a term with at least one letter or digit (the word or name to replace).');
  if (!replacement) throw new FocalError('bad-input', `Give the rule for '${term}' a replacement, e.g. '[name]', '[town]' or a pseudonym.`);
  if (decisionKey(replacement) === decisionKey(term)) throw new FocalError('bad-input', `The replacement for '${term}' is the term itself; choose something else, or mark it not identifying instead.`);
  const seen = new Set([decisionKey(term)]);
  const variants: string[] = [];
  for (const v of input.variants ?? []) {
    const c = clean(v);
    if (!c || seen.has(decisionKey(c))) continue;
    seen.add(decisionKey(c));
    variants.push(c);
  }
  // One rule per term: a second rule for the same folded term would make replacement ambiguous.
  const clash = rulesFor(db, term).find((r) => r.id !== input.id);
  if (clash) throw new FocalError('conflict', `There is already a rule for '${clash.term}' (→ ${clash.replacement}); edit that rule instead.`);
  if (input.participantId) {
    const p = db.prepare('SELECT id FROM participants WHERE id = ?').get(input.participantId);
    if (!p) throw new FocalError('not-found', `Participant ${input.participantId} does not exist; choose someone from the register.`);
  }
  const id = commit(core, ['pseudonyms'], (w) => {
    let ruleId: number;
    if (input.id !== undefined) {
      getRule(w.db, input.id);
      w.db
        .prepare('UPDATE pseudonym_rules SET term = ?, variants = ?, replacement = ?, category = ?, participant_id = ? WHERE id = ?')
        .run(term, JSON.stringify(variants), replacement, input.category, input.participantId ?? null, input.id);
      ruleId = input.id;
      w.audit('pseudonym-rule-updated', { ruleId, category: input.category, variants: variants.length });
    } else {
      ruleId = Number(
        w.db
          .prepare('INSERT INTO pseudonym_rules (term, variants, replacement, category, participant_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(term, JSON.stringify(variants), replacement, input.category, input.participantId ?? null, core.actor, w.now).lastInsertRowid,
      );
      w.audit('pseudonym-rule-created', { ruleId, category: input.category, variants: variants.length });
    }
    // A rule supersedes an earlier "not identifying" for the same text.
    for (const t of [term, ...variants]) w.db.prepare('DELETE FROM pseudonym_decisions WHERE folded = ?').run(decisionKey(t));
    return ruleId;
  });
  return getRule(db, id);
}

export function deleteRule(core: FocalCore, id: number): null {
  commit(core, ['pseudonyms'], (w) => {
    const rule = getRule(w.db, id);
    w.db.prepare('DELETE FROM pseudonym_rules WHERE id = ?').run(id);
    w.audit('pseudonym-rule-deleted', { ruleId: id, category: rule.category });
  });
  return null;
}

export function listDecisions(db: ProjectDb): PseudonymDecision[] {
  return db
    .prepare('SELECT id, folded, text, decision, decided_by AS decidedBy, decided_at AS decidedAt FROM pseudonym_decisions ORDER BY text COLLATE NOCASE')
    .all() as PseudonymDecision[];
}

/** Mark a text not identifying everywhere in the project, or clear that decision (undo). */
export function decide(core: FocalCore, text: string, decision: 'not-identifying' | 'clear'): PseudonymDecision | null {
  const db = core.requireProject().db;
  const shown = clean(text);
  const key = decisionKey(shown);
  if (!key) throw new FocalError('bad-input', 'Say which text the decision is about.');
  if (decision === 'not-identifying') {
    const rule = rulesFor(db, shown)[0];
    if (rule) throw new FocalError('conflict', `'${shown}' is covered by the rule for '${rule.term}'; delete that rule first if it is not identifying.`);
  }
  commit(core, ['pseudonyms'], (w) => {
    if (decision === 'clear') {
      const row = w.db.prepare('SELECT id FROM pseudonym_decisions WHERE folded = ?').get(key) as { id: number } | undefined;
      if (row) {
        w.db.prepare('DELETE FROM pseudonym_decisions WHERE id = ?').run(row.id);
        w.audit('pseudonym-decision-cleared', { decisionId: row.id });
      }
    } else {
      w.db
        .prepare(
          `INSERT INTO pseudonym_decisions (folded, text, decision, decided_by, decided_at) VALUES (?, ?, 'not-identifying', ?, ?)
           ON CONFLICT(folded) DO UPDATE SET text = excluded.text, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
        )
        .run(key, shown, core.actor, w.now);
      // Ids only: a decision can be reversed later, and the audit log is exported as CSV.
      const row = w.db.prepare('SELECT id FROM pseudonym_decisions WHERE folded = ?').get(key) as { id: number };
      w.audit('pseudonym-decision', { decision, decisionId: row.id });
    }
  });
  return decision === 'clear' ? null : (listDecisions(db).find((d) => d.folded === key) ?? null);
}

/**
 * A pseudonym from the list in resources/gazetteer/pseudonyms.json that is not (folded) a real name,
 * a first name or surname, an existing pseudonym, or a rule's name in this project. `seed` picks a
 * different starting point (e.g. the participant's id) so two people are not offered the same one.
 */
export function suggestPseudonym(db: ProjectDb, seed = 0, exclude: string[] = []): string {
  const ctx = loadPseudoContext(db);
  const taken = new Set(ctx.takenNames);
  for (const e of exclude) taken.add(fold(e));
  const list = ctx.gazetteer.pseudonymList;
  for (let k = 0; k < list.length; k++) {
    const name = list[(seed + k) % list.length]!;
    if (!taken.has(fold(name))) return name;
  }
  throw new FocalError('conflict', 'Every name in the pseudonym list is already used in this project; type a pseudonym instead.');
}

/** Set (or clear) a participant's pseudonym, refusing one that is someone's real name in the project. */
/**
 * A pseudonym may not be a real name in the project (full, first alone, folded) nor someone else's
 * pseudonym. Checked wherever a pseudonym is set: here and in the participant panel's updates.
 */
export function assertPseudonymFree(db: ProjectDb, p: { id: number; name: string }, value: string): void {
  const key = fold(value);
  const rows = db.prepare('SELECT id, name, pseudonym FROM participants WHERE id <> ?').all(p.id) as { id: number; name: string; pseudonym: string | null }[];
  const real = [...rows, p].find((r) => nameVariants(r.name).some((v) => fold(v.text) === key));
  if (real) throw new FocalError('conflict', `'${value}' is a real name in this project, so it cannot be a pseudonym; choose another (or use Suggest).`);
  const dup = rows.find((r) => r.pseudonym && fold(r.pseudonym) === key);
  if (dup) throw new FocalError('conflict', `'${value}' is already someone else's pseudonym; choose another so quotes are not confused.`);
}

export function setPseudonym(core: FocalCore, participantId: number, pseudonym: string | null): { participantId: number; pseudonym: string | null } {
  const db = core.requireProject().db;
  const p = db.prepare('SELECT id, name FROM participants WHERE id = ?').get(participantId) as { id: number; name: string } | undefined;
  if (!p) throw new FocalError('not-found', `Participant ${participantId} does not exist; reload the register.`);
  const value = pseudonym === null ? null : clean(pseudonym) || null;
  if (value) assertPseudonymFree(db, p, value);
  commit(core, ['participants', 'pseudonyms'], (w) => {
    w.db.prepare('UPDATE participants SET pseudonym = ? WHERE id = ?').run(value, participantId);
    w.audit('pseudonym-set', { participantId, hasPseudonym: value !== null });
  });
  return { participantId, pseudonym: value };
}
