/** Handlers for search, coding queries, matrix coding and charts. */
import { cooccurrence } from '../matrix/cooccurrence';
import { matrixCellSegments, runMatrix } from '../matrix/matrix';
import { chartImageFor, exportMatrix, saveChart } from '../matrix/save-files';
import { runCodingQuery } from '../queries/coding-query';
import { applyCodeResults, previewCodeResults } from '../search/code-results';
import { search } from '../search/search';
import { querySegmentsForViewer, searchForViewer } from '../tikanga/mask-results';
import { frameOfCode, hiddenRangesFor, textReaderForViewer } from '../tikanga/mask-calls';
import type { FocalCore } from '../app/focal-core';
import { handlers } from './handler-types';

/** The frame whose codes are being looked at: the viewer's frame for masking restricted passages. */
function viewerFrame(core: FocalCore, frameId: number | undefined, codeIds: number[]): number | undefined {
  if (frameId !== undefined) return frameId;
  const first = codeIds[0];
  if (first === undefined) return undefined;
  return (core.requireProject().db.prepare('SELECT frame_id FROM codes WHERE id = ?').pluck().get(first) as number | undefined) ?? undefined;
}

export const analysisHandlers = handlers({
  'search-run': (i, core) => searchForViewer(core, search(core.requireProject().db, i), i.viewFrameId),
  // The sample's words are cut from the text as this viewer may read it, in the code's frame.
  'search-code-preview': (i, core) => previewCodeResults(core.requireProject().db, i, textReaderForViewer(core, frameOfCode(core, i.codeId)), hiddenRangesFor(core, frameOfCode(core, i.codeId))),
  'search-code-apply': (i, core) => core.jobs.run('code-all', (job) => applyCodeResults(core, i, hiddenRangesFor(core, frameOfCode(core, i.codeId)), job)),
  'coding-query': (i, core) => {
    const result = runCodingQuery(core.requireProject().db, i);
    return { ...result, segments: querySegmentsForViewer(core, result.segments, viewerFrame(core, i.frameId, [...(i.all ?? []), ...(i.any ?? []), ...(i.none ?? []), ...(i.near?.codeIds ?? [])])) };
  },
  'matrix-run': (i, core) => runMatrix(core.requireProject().db, i),
  'matrix-cell': (i, core) => {
    const cell = matrixCellSegments(core.requireProject().db, i);
    return { ...cell, segments: querySegmentsForViewer(core, cell.segments, viewerFrame(core, undefined, [i.codeId])) };
  },
  'matrix-export': (i, core) => exportMatrix(core, i),
  'codes-cooccurrence': (i, core) => cooccurrence(core.requireProject().db, i),
  'chart-image': (i, core) => chartImageFor(core, i),
  'chart-save': (i, core) => saveChart(core, i),
});
