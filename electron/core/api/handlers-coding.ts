/** Handlers for the code tree, codings, retrieval and undo. */
import { createCode, createFrame, deleteCode, deletePreview, mergeCodes, moveCode, updateCode } from '../codes/code-edits';
import { applyCoding, applyToBlocks, listCodings, removeCoding } from '../codings/coding-edits';
import { listSegments } from '../codings/segments';
import { applyAutoCodeJob, previewAutoCodeJob } from '../codings/auto-code';
import { historyState, redo, undo } from '../history/history';
import type { FocalCore } from '../app/focal-core';
import { segmentsForViewer } from '../tikanga/sensitivity';
import { autoCodePreviewForViewer, frameOfCode, hiddenRangesFor } from '../tikanga/mask-calls';
import { handlers } from './handler-types';

function stepHistory(core: FocalCore, direction: 'undo' | 'redo') {
  const db = core.requireProject().db;
  const done = direction === 'undo' ? undo(db) : redo(db);
  if (done) core.emit('changed', { kinds: ['codes', 'codings', 'memos', 'history', 'sources', 'quotes', 'participants'] });
  return historyState(db);
}

export const codingHandlers = handlers({
  'frame-create': (i, core) => createFrame(core, i),
  'code-create': (i, core) => createCode(core, i),
  'code-update': (i, core) => updateCode(core, i),
  'code-move': (i, core) => moveCode(core, i),
  'code-merge': (i, core) => mergeCodes(core, i),
  'code-delete-preview': (i, core) => deletePreview(core.requireProject().db, i.id),
  'code-delete': (i, core) => deleteCode(core, i.id),
  'coding-apply': (i, core) => applyCoding(core, i),
  'coding-apply-blocks': (i, core) => applyToBlocks(core, i),
  'coding-remove': (i, core) => removeCoding(core, i),
  'codings-list': (i, core) => listCodings(core.requireProject().db, i.sourceId, i.frameId),
  'segments-list': (i, core) => segmentsForViewer(core, listSegments(core.requireProject().db, i)),
  'autocode-preview': (i, core) =>
    core.jobs.run('auto-code-preview', async (job) => autoCodePreviewForViewer(core, await previewAutoCodeJob(core.requireProject().db, job, i, hiddenRangesFor(core, frameOfCode(core, i.codeId))), i.codeId)),
  'autocode-apply': (i, core) => core.jobs.run('auto-code', (job) => applyAutoCodeJob(core, i, hiddenRangesFor(core, frameOfCode(core, i.codeId)), job)),
  'history-state': (_i, core) => historyState(core.requireProject().db),
  'history-undo': (_i, core) => stepHistory(core, 'undo'),
  'history-redo': (_i, core) => stepHistory(core, 'redo'),
});
