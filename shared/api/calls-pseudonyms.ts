/**
 * Calls about pseudonymisation: detection (a range, the whole project), the pseudonym register
 * (rules, decisions, participants' pseudonyms) and an in-app preview of a range with rules applied.
 * Nothing here exports text: quotes leave the app only through the export gate.
 */
import { z } from 'zod';
import type { Candidate, PseudoPreview, PseudoRangeResult, PseudonymDecision, PseudonymRule, ScanResult } from '../domain/pseudonyms';
import { CANDIDATE_KINDS, RULE_CATEGORIES, type CandidateKind, type RuleCategory } from '../domain/pseudonyms';
import { call } from './define';
import { id } from './calls-sources';

const offset = () => z.number().int().min(0);
const range = z.object({ sourceId: id(), start: offset(), end: offset() }).refine((r) => r.end >= r.start, 'end must not be before start');
const category = z.enum(RULE_CATEGORIES as [RuleCategory, ...RuleCategory[]]);
const status = z.enum(['rule', 'not-identifying', 'pending']);

export const pseudonymCalls = {
  'pseudo-scan': call(
    'Detected identifiers across the project (or one source, or a range of it), grouped by folded text with counts, example contexts, the transcripts each occurs in and its first position; filtered by status, kinds and a folded search of the text or its context (never restricted words), ordered by count or reading order, a page at a time (limit, offset) with the total, and counts per filter value when facets is true.',
    z.object({
      sourceId: id().optional(),
      start: offset().optional(),
      end: offset().optional(),
      status: status.optional(),
      kinds: z.array(z.enum(CANDIDATE_KINDS as [CandidateKind, ...CandidateKind[]])).max(CANDIDATE_KINDS.length).optional(),
      query: z.string().max(200).optional(),
      order: z.enum(['count', 'position']).optional(),
      limit: z.number().int().min(0).max(1000).optional(),
      offset: offset().optional(),
      facets: z.boolean().optional(),
    }),
  ).returns<ScanResult>(),
  'pseudo-detect': call('The candidates in a range of a source, each with its status, for review (offsets relative to the range).', range).returns<PseudoRangeResult>(),
  'pseudo-preview': call('A range of a source with every rule applied, for display inside the app only.', range).returns<PseudoPreview>(),

  'pseudo-rules-list': call('Every replacement rule, by term.', z.object({})).returns<PseudonymRule[]>(),
  'pseudo-rule-save': call(
    'Add a replacement rule, or change one (give its id): a term, its variants, the replacement and a category.',
    z.object({
      id: id().optional(),
      term: z.string().trim().min(1, 'a rule needs a term').max(300),
      variants: z.array(z.string().max(300)).max(100).optional(),
      replacement: z.string().trim().min(1, 'a rule needs a replacement').max(300),
      category: category,
      participantId: id().nullable().optional(),
    }),
  ).returns<PseudonymRule>(),
  'pseudo-rule-delete': call('Remove a replacement rule; its text becomes a pending candidate again.', z.object({ id: id() })).returns<null>(),

  'pseudo-decisions-list': call('Texts the team marked not identifying.', z.object({})).returns<PseudonymDecision[]>(),
  'pseudo-decide': call(
    'Mark a detected text not identifying everywhere in the project (e.g. the 1737 helpline), or clear that decision.',
    z.object({ text: z.string().trim().min(1).max(300), decision: z.enum(['not-identifying', 'clear']) }),
  ).returns<PseudonymDecision | null>(),

  'pseudo-suggest-pseudonym': call(
    'A pseudonym that is no real name and no existing pseudonym in the project.',
    z.object({ participantId: id().optional(), exclude: z.array(z.string().max(300)).max(200).optional() }),
  ).returns<{ pseudonym: string }>(),
  'pseudo-set-pseudonym': call(
    "Set or clear a participant's pseudonym; a real name from the register is refused.",
    z.object({ participantId: id(), pseudonym: z.string().max(300).nullable() }),
  ).returns<{ participantId: number; pseudonym: string | null }>(),
  'pseudo-accept-all': call(
    'Turn every pending candidate (in the project, or one source) into a rule with its suggested replacement.',
    z.object({ sourceId: id().optional() }),
  ).returns<{ created: number; candidates: number }>(),
};

export type { Candidate };
