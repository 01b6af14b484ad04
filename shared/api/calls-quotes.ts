/** Calls about the quote bank: making quotes from coded segments or a selection, trimming, listing them as the gate sees them. */
import { z } from 'zod';
import type { CheckedQuote } from '../domain/quotes';
import { call } from './define';
import { id } from './calls-sources';

const offset = z.number().int().nonnegative();
const cut = z.object({ start: offset, end: offset, mark: z.enum(['[…]', '...']).default('[…]') }).refine((c) => c.end > c.start, 'a cut must cover some text');

export const exportOptionsSchema = z
  .object({
    profile: z.enum(['report', 'return']).optional(),
    attribution: z.object({ naming: z.enum(['pseudonyms', 'consented-names', 'real-names']).optional(), groupForTikanga: z.boolean().optional() }).optional(),
    approvalLabel: z.string().trim().max(300).optional(),
  })
  .optional();

export const quoteSelection = z.object({
  quoteIds: z.array(id()).max(100_000).optional(),
  codeId: id().optional(),
  includeChildren: z.boolean().optional(),
  sourceId: id().optional(),
});

export const quoteCalls = {
  'quotes-from-code': call("Add a quote for every segment coded with a code (and its children); segments already quoted keep theirs.", z.object({ codeId: id(), includeChildren: z.boolean().default(true) })).returns<number[]>(),
  'quotes-from-segments': call('Add quotes for a list of coded segments (coding ids).', z.object({ codingIds: z.array(id()).min(1).max(100_000) })).returns<number[]>(),
  'quote-from-selection': call(
    'Add a quote for a selected range of a transcript, optionally under a code.',
    z.object({ sourceId: id(), start: offset, end: offset, codeId: id().optional() }).refine((v) => v.end > v.start, 'end must be after start'),
  ).returns<number>(),
  'quote-update': call(
    'Trim a quote (new start/end) or set its editorial cuts ([…] or ...).',
    z.object({ id: id(), start: offset.optional(), end: offset.optional(), cuts: z.array(cut).max(200).optional(), codeId: id().nullable().optional() }),
  ).returns<CheckedQuote>(),
  'quotes-delete': call('Remove quotes from the bank (the transcript and codings are untouched).', z.object({ ids: z.array(id()).min(1).max(100_000) })).returns<number>(),
  'quotes-list': call(
    'Quotes with their original text (in-app only), the gate decision for the export options, and what would be exported.',
    quoteSelection.extend({ options: exportOptionsSchema }),
  ).returns<CheckedQuote[]>(),
};
