/**
 * Register names and rule terms: a participant's full name, first name alone, surname alone,
 * possessive (`Aroha's`: the name matches as a whole word before the apostrophe), with case, macron
 * and double-vowel variants folded; and every rule's term and variants.
 */
import type { PseudoContext } from '../context';
import type { Detection } from './types';
import { PRIORITY } from './types';

export function detectRegisterNames(ctx: PseudoContext, text: string, prepared?: { folded: string; map: number[] }): Detection[] {
  return ctx.registerTerms.find(text, prepared).map((m) => ({
    start: m.start,
    end: m.end,
    kind: m.value.kind,
    suggestion: m.value.replacement,
    priority: PRIORITY.register,
    covered: m.value.covered,
    ...(m.value.participantId ? { participantId: m.value.participantId } : {}),
    ...(m.value.covered ? {} : { note: 'a name in the participant register; this participant has no pseudonym yet' }),
  }));
}

export function detectRuleTerms(ctx: PseudoContext, text: string, prepared?: { folded: string; map: number[] }): Detection[] {
  return ctx.ruleTerms.find(text, prepared).map((m) => ({
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
