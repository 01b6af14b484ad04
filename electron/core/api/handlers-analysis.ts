/** Handlers for search, coding queries, matrix coding and charts. */
import { cooccurrence } from '../matrix/cooccurrence';
import { matrixCellSegments, runMatrix } from '../matrix/matrix';
import { exportMatrix, saveChart } from '../matrix/save-files';
import { runCodingQuery } from '../queries/coding-query';
import { applyCodeResults, previewCodeResults } from '../search/code-results';
import { search } from '../search/search';
import { handlers } from './handler-types';

export const analysisHandlers = handlers({
  'search-run': (i, core) => search(core.requireProject().db, i),
  'search-code-preview': (i, core) => previewCodeResults(core.requireProject().db, i),
  'search-code-apply': (i, core) => applyCodeResults(core, i),
  'coding-query': (i, core) => runCodingQuery(core.requireProject().db, i),
  'matrix-run': (i, core) => runMatrix(core.requireProject().db, i),
  'matrix-cell': (i, core) => matrixCellSegments(core.requireProject().db, i),
  'matrix-export': (i, core) => exportMatrix(core, i),
  'codes-cooccurrence': (i, core) => cooccurrence(core.requireProject().db, i),
  'chart-save': (i, core) => saveChart(core, i),
});
