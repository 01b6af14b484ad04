/**
 * Register names and rule terms: a participant's full name, first name alone, surname alone,
 * possessive (`Aroha's`: the name matches as a whole word before the apostrophe), with case, macron
 * and double-vowel variants folded; and every rule's term and variants.
 *
 * Never one person for another:
 *   - a full name is certain: replaced by the participant's pseudonym;
 *   - a lone surname is replaced by `[surname]`, never the pseudonym (a family shares it);
 *   - a lone first name is replaced by the pseudonym only when it is certain to be that person. It is
 *     a pending candidate (suggesting `[name]`, or the pseudonym where the doubt is only the word) when
 *     two people in the register share it; when a title or kinship word stands before it ("my koro
 *     Rangi", "Whaea Mere": a relative of the same name); or when it is also an everyday word (Aroha,
 *     Koro, Waiata) and the participant does not speak in the source (or, when the source is not
 *     known, anywhere in the project);
 *   - in lower case, a name is found like a capitalised one ("geoff", "ngata"), except a name that is
 *     also an everyday word (aroha, mere, baker): that is the word, unless the words around it say
 *     name (a title or kinship word before, a verb people do after: "aroha said"), and even then only a
 *     low-confidence pending candidate.
 */
import { fold } from '../../../../shared/text/fold';
import type { CoverValue, PseudoContext } from '../context';
import type { TermMatch } from '../register';
import { tokenise, type TokenisedText } from '../tokens';
import { afterKinship, beforePersonVerb, tokenIndexAt } from './name-context';
import type { Detection } from './types';
import { PRIORITY } from './types';

const NO_PSEUDONYM = 'a name in the participant register; this participant has no pseudonym yet';

/**
 * @param present who is known to speak where this text comes from (null: unknown, use the project's speakers)
 */
export function detectRegisterNames(ctx: PseudoContext, text: string, t: TokenisedText = tokenise(text), present: Set<number> | null = null): Detection[] {
  const out: Detection[] = [];
  for (const m of ctx.registerTerms.find(text, t)) {
    const d = judge(ctx, text, t, m, present ?? ctx.speaking);
    if (d) out.push(d);
  }
  return out;
}

function judge(ctx: PseudoContext, text: string, t: TokenisedText, m: TermMatch<CoverValue>, present: Set<number>): Detection | null {
  const v = m.value;
  const base = { start: m.start, end: m.end, kind: v.kind, priority: PRIORITY.register, ...(v.participantId ? { participantId: v.participantId } : {}) };
  const covered = (suggestion: string, ok: boolean): Detection => ({ ...base, suggestion, covered: ok, ...(ok ? {} : { note: NO_PSEUDONYM }) });
  const pending = (suggestion: string, note: string): Detection => ({ ...base, suggestion, covered: false, note });
  if (v.part !== 'first' && v.part !== 'surname') return covered(v.replacement, v.covered);

  const i = tokenIndexAt(t, m.start);
  const kin = i >= 0 && afterKinship(t, i);
  if (m.weak) {
    // An everyday word in lower case: the word, unless the words around it say name.
    if (i < 0 || !(afterKinship(t, i, true) || beforePersonVerb(t, i))) return null;
    return pending(v.part === 'surname' ? v.replacement : '[name]', 'lower case, but the words around it say it may be a name in the register (it is also an everyday word): decide');
  }
  if (v.part === 'surname') return covered(v.replacement, true);

  const folded = fold(text.slice(m.start, m.end));
  if ((ctx.firstNameCount.get(folded) ?? 0) > 1) return pending('[name]', 'a first name more than one person in the register has: decide who it is');
  if (kin) return pending('[name]', 'a register first name after a title or kinship word: it may be a relative of the same name, decide who it is');
  if (ctx.gazetteer.everyday(folded) && !(v.participantId !== undefined && present.has(v.participantId))) {
    return pending(v.replacement, 'a register first name that is also an everyday word, and this participant does not speak here: decide whether it is them');
  }
  return covered(v.replacement, v.covered);
}

export function detectRuleTerms(ctx: PseudoContext, text: string, prepared?: { folded: string; map: number[] }): Detection[] {
  return ctx.ruleTerms
    .find(text, prepared)
    .filter((m) => !m.weak)
    .map((m) => ({
      start: m.start,
      end: m.end,
      kind: m.value.kind,
      suggestion: m.value.replacement,
      priority: PRIORITY.rule,
      covered: true,
      ...(m.value.ruleId ? { ruleId: m.value.ruleId } : {}),
      ...(m.value.participantId ? { participantId: m.value.participantId } : {}),
    }));
}
