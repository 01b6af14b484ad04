/** Calls for the project glossary of te reo Māori terms: edit, import the starter list, look terms up. */
import { z } from 'zod';
import type { GlossaryEntry, GlossaryMatch } from '../domain/tikanga';
import { call } from './define';
import { id } from './calls-sources';

const term = z.string().trim().min(1, 'a glossary entry needs a term').max(200);
const gloss = z.string().trim().min(1, 'a glossary entry needs a gloss').max(2000);

export const glossaryCalls = {
  'glossary-list': call("The project's glossary, by term (macrons ignored in the order).", z.object({})).returns<GlossaryEntry[]>(),
  'glossary-add': call('Add a term with its gloss and notes on contexts.', z.object({ term, gloss, notes: z.string().max(10_000).optional() })).returns<GlossaryEntry>(),
  'glossary-update': call('Change a glossary entry.', z.object({ id: id(), term: term.optional(), gloss: gloss.optional(), notes: z.string().max(10_000).optional() })).returns<GlossaryEntry>(),
  'glossary-delete': call('Remove a glossary entry.', z.object({ id: id() })).returns<null>(),
  'glossary-import': call(
    "Add terms from a CSV (term, gloss, notes), or the starter glossary when no CSV is given; terms already there are kept as they are.",
    z.object({ fileName: z.string().min(1).max(500).optional(), csv: z.string().max(5_000_000).optional() }),
  ).returns<{ added: number; skipped: number; warnings: string[] }>(),
  'glossary-lookup': call(
    'Glossary terms found in a text or a transcript (folded: with or without macrons or double vowels), with their ranges.',
    z.object({ sourceId: id().optional(), frameId: id().optional(), text: z.string().max(5_000_000).optional() }).refine((v) => (v.sourceId === undefined) !== (v.text === undefined), 'give sourceId or text'),
  ).returns<GlossaryMatch[]>(),
};
