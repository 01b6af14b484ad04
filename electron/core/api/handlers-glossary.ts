/** Handlers for the project glossary. */
import { addEntry, deleteEntry, importGlossaryCsv, importStarterGlossary, listGlossary, lookupTerms, updateEntry } from '../glossary/glossary';
import { getSource } from '../sources/source-queries';
import { sourceForViewer } from '../tikanga/sensitivity';
import { handlers } from './handler-types';

export const glossaryHandlers = handlers({
  'glossary-list': (_i, core) => listGlossary(core.requireProject().db),
  'glossary-add': (i, core) => addEntry(core, i),
  'glossary-update': (i, core) => updateEntry(core, i),
  'glossary-delete': (i, core) => deleteEntry(core, i.id),
  'glossary-import': (i, core) => (i.csv !== undefined ? importGlossaryCsv(core, i.fileName ?? 'glossary.csv', i.csv) : importStarterGlossary(core)),
  'glossary-lookup': (i, core) => {
    const db = core.requireProject().db;
    // A transcript is looked up as this viewer may see it: no term is reported inside a masked passage.
    const text = i.sourceId !== undefined ? sourceForViewer(core, getSource(db, i.sourceId), i.frameId).text : (i.text ?? '');
    return lookupTerms(db, text);
  },
});
