/** Calls about the quote bank: making quotes from coded segments or a selection, trimming, listing them as the gate sees them. */
import { z } from 'zod';
import type { CheckedQuote, QuoteFromSelection } from '../domain/quotes';
import type { QuotesAdded, TranscriptExportMark } from '../domain/quotes-from';
import { codingQuery, searchFilters } from './calls-analysis';
import { call } from './define';
import { id } from './calls-sources';

const offset = z.number().int().nonnegative();
const cut = z.object({ start: offset, end: offset, mark: z.enum(['[…]', '...']).default('[…]') }).refine((c) => c.end > c.start, 'a cut must cover some text');

export const exportOptionsSchema = z
  .object({
    profile: z.enum(['report', 'return']).optional(),
    attribution: z.object({ naming: z.enum(['pseudonyms', 'consented-names', 'real-names']).optional(), groupForTikanga: z.boolean().optional() }).optional(),
    approvalLabel: z.string().trim().max(300).optional(),
    includeTime: z.boolean().optional(),
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
    "Add a quote for a selected range of a transcript, filed under codeId (null: Uncoded) or else the code covering it (the active frameId's first); when several codes cover it, adds nothing and returns the candidates.",
    z.object({ sourceId: id(), start: offset, end: offset, codeId: id().nullable().optional(), frameId: id().optional() }).refine((v) => v.end > v.start, 'end must be after start'),
  ).returns<QuoteFromSelection>(),
  'quote-update': call(
    'Trim a quote (new start/end), set its editorial cuts ([…] or ...), or re-file it under a code (codeId; null: Uncoded).',
    z.object({ id: id(), start: offset.optional(), end: offset.optional(), cuts: z.array(cut).max(200).optional(), codeId: id().nullable().optional() }),
  ).returns<CheckedQuote>(),
  'quotes-delete': call('Remove quotes from the bank (the transcript and codings are untouched).', z.object({ ids: z.array(id()).min(1).max(100_000) })).returns<number>(),
  'quotes-list': call(
    'Quotes with their original text (in-app only), the gate decision for the export options, and what would be exported.',
    quoteSelection.extend({ options: exportOptionsSchema }),
  ).returns<CheckedQuote[]>(),
  'quotes-page': call(
    'One page of the quote bank (by code and its children, by transcript, or all), in bank order after a cursor (keyset), checked as quotes-list does, with the total and the cursor of the next page (null on the last).',
    quoteSelection.omit({ quoteIds: true }).extend({
      options: exportOptionsSchema,
      after: z.string().max(60).regex(/^\d+\.\d+\.\d+$/, 'a cursor is the nextCursor of the page before').optional(),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
  ).returns<{ items: CheckedQuote[]; total: number; nextCursor: string | null }>(),
  'quotes-from-query': call(
    'Add a quote for every segment a coding query returns (same input as coding-query; all segments, not a page). Ranges already in the bank are skipped; ranges touching a restricted (tapu) passage are refused outside the kaupapa Māori frame. Returns counts and ids, never text.',
    codingQuery.omit({ limit: true, offset: true }),
  ).returns<QuotesAdded>(),
  'quotes-from-search': call(
    "Add a quote for every search hit in speech: the sentence(s) holding the matched words (scope 'sentence', the default: what a report quotes) or the whole turn ('turn'). Same skipping and refusing as quotes-from-query; never returns text.",
    z.object({ query: z.string().max(2000), filters: searchFilters.optional(), scope: z.enum(['sentence', 'turn']).default('sentence'), viewFrameId: id().optional() }),
  ).returns<QuotesAdded>(),
  'transcript-export-marks': call(
    "What the transcript view marks as never exported: passages marked withdrawn or restricted, and withdrawn participants' turns (ranges and reasons, no text).",
    z.object({ sourceId: id() }),
  ).returns<TranscriptExportMark[]>(),
};
