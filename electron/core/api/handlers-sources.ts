/** Handlers for importing and editing transcripts. */
import { importFiles } from '../sources/import-files';
import { deleteSource, updateSource } from '../sources/source-edits';
import { handlers } from './handler-types';

export const sourceHandlers = handlers({
  'import-choose-files': (_i, core) => core.host.chooseImportFiles(),
  'import-files': (i, core) => importFiles(core, i.files, { mode: i.mode, groupId: i.groupId, onDuplicate: i.onDuplicate }),
  'source-update': (i, core) => updateSource(core, i),
  'source-delete': (i, core) => deleteSource(core, i.sourceId),
});
