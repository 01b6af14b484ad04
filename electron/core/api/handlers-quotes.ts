/** Handlers for the quote bank. Listing runs the gate, so the app shows what would leave and why not. */
import { checkQuotePage, checkQuotes, exportOptions } from '../export/check-quotes';
import { deleteQuotes, quoteFromSelection, quotesFromCode, quotesFromCodings, updateQuote } from '../quotes/quote-store';
import { quotesFromQuery, quotesFromSearch } from '../quotes/quotes-from-results';
import { transcriptExportMarks } from '../quotes/transcript-marks';
import { refuseRestrictedSelection, refuseRestrictedWidening } from '../tikanga/mask-calls';
import { quotesForViewer } from '../tikanga/mask-results';
import { handlers } from './handler-types';

export const quoteHandlers = handlers({
  'quotes-from-code': (i, core) => quotesFromCode(core, i.codeId, i.includeChildren),
  'quotes-from-segments': (i, core) => quotesFromCodings(core, i.codingIds),
  // A range over a restricted (tapu) passage the viewer may not read is refused, as quotes-from-query does.
  'quote-from-selection': (i, core) => {
    refuseRestrictedSelection(core, i);
    return quoteFromSelection(core, i);
  },
  'quote-update': (i, core) => {
    refuseRestrictedWidening(core, i);
    updateQuote(core, i.id, i);
    return quotesForViewer(core, checkQuotes(core, { quoteIds: [i.id] }, exportOptions(undefined)))[0]!;
  },
  'quotes-delete': (i, core) => deleteQuotes(core, i.ids),
  'quotes-list': ({ options, ...selection }, core) => quotesForViewer(core, checkQuotes(core, selection, exportOptions(options))),
  'quotes-page': ({ options, after, limit, ...selection }, core) => {
    const page = checkQuotePage(core, selection, exportOptions(options), { after, limit });
    return { ...page, items: quotesForViewer(core, page.items) };
  },
  'quotes-from-query': (i, core) => quotesFromQuery(core, i),
  'quotes-from-search': (i, core) => quotesFromSearch(core, i),
  'transcript-export-marks': (i, core) => transcriptExportMarks(core.requireProject().db, i.sourceId),
});
