/** Handlers that read the open project's sources, participants and code tree. */
import { listCodes, listFrames } from '../codes/code-queries';
import { getSource, listSources } from '../sources/source-queries';
import { sourceForViewer } from '../tikanga/sensitivity';
import { handlers } from './handler-types';

export const projectDataHandlers = handlers({
  'sources-list': (_i, core) => listSources(core.requireProject().db),
  'source-get': (i, core) => sourceForViewer(core, getSource(core.requireProject().db, i.sourceId), i.frameId),
  'frames-list': (_i, core) => listFrames(core.requireProject().db),
  'codes-list': (i, core) => listCodes(core.requireProject().db, i.frameId),
});
