/** Handlers for the quote bank. Listing runs the gate, so the app shows what would leave and why not. */
import { checkQuotes, exportOptions } from '../export/check-quotes';
import { deleteQuotes, quoteFromSelection, quotesFromCode, quotesFromCodings, updateQuote } from '../quotes/quote-store';
import { quotesFromQuery, quotesFromSearch } from '../quotes/quotes-from-results';
import { transcriptExportMarks } from '../quotes/transcript-marks';
import { quotesForViewer } from '../tikanga/mask-results';
import { handlers } from './handler-types';

export const quoteHandlers = handlers({
  'quotes-from-code': (i, core) => quotesFromCode(core, i.codeId, i.includeChildren),
  'quotes-from-segments': (i, core) => quotesFromCodings(core, i.codingIds),
  'quote-from-selection': (i, core) => quoteFromSelection(core, i),
  'quote-update': (i, core) => {
    updateQuote(core, i.id, i);
    return checkQuotes(core, { quoteIds: [i.id] }, exportOptions(undefined))[0]!;
  },
  'quotes-delete': (i, core) => deleteQuotes(core, i.ids),
  'quotes-list': ({ options, ...selection }, core) => quotesForViewer(core, checkQuotes(core, selection, exportOptions(options))),
  'quotes-from-query': (i, core) => quotesFromQuery(core, i),
  'quotes-from-search': (i, core) => quotesFromSearch(core, i),
  'transcript-export-marks': (i, core) => transcriptExportMarks(core.requireProject().db, i.sourceId),
});
