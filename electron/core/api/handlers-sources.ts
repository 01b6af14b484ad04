/** Handlers for importing and editing transcripts. */
import { correctSource } from '../corrections/correct-source';
import { importFiles } from '../sources/import-files';
import { deleteSource, updateSource } from '../sources/source-edits';
import { sourceForViewer } from '../tikanga/sensitivity';
import { handlers } from './handler-types';

export const sourceHandlers = handlers({
  'import-choose-files': (_i, core) => core.host.chooseImportFiles(),
  'import-files': (i, core) => importFiles(core, i.files, { mode: i.mode, groupId: i.groupId, groupName: i.groupName, onDuplicate: i.onDuplicate }),
  // The edited source comes back as source-get gives it (no frame: the safe default).
  'source-update': (i, core) => sourceForViewer(core, updateSource(core, i), undefined),
  'source-correct': (i, core) => correctSource(core, i),
  'source-delete': (i, core) => deleteSource(core, i.sourceId),
});
