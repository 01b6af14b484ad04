/** Handlers for exchange with other QDA tools (REFI-QDA codebooks). */
import { exportCodebook } from '../exchange/codebook-export';
import { codebookSource, importCodebook } from '../exchange/codebook-import';
import { handlers } from './handler-types';

export const exchangeHandlers = handlers({
  'qdc-export': (i, core) => exportCodebook(core, { frameId: i.frameId, format: i.format }),
  'qdc-import': async (i, core) => {
    core.requireProject();
    let file = i.file;
    if (!file) {
      // No file given: the host asks (the desktop's open dialog; headless hosts answer null).
      const path = core.host.chooseDataFile ? await core.host.chooseDataFile('open', 'refi-codebook', '') : (await core.host.chooseImportFiles())?.[0];
      if (!path) return { file: null, frameId: null, frameName: null, namespace: null, created: 0, matched: 0, renamed: [], moved: 0, updated: 0, codes: [], warnings: [], undoLabel: null };
      file = { name: path, path };
    }
    return importCodebook(core, codebookSource(file), { frameId: i.frameId, newFrame: i.newFrame, lenient: i.lenient });
  },
});
