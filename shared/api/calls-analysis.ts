/** Calls for search, coding queries, matrix coding and charts. */
import { z } from 'zod';
import type { ChartImage, CodeResultsPreview, CooccurrenceResult, MatrixResult, QueryResult, QuerySegment, SavedFile, SearchResult } from '../domain/analysis';
import { call } from './define';
import { id } from './calls-sources';
import { hitRefs } from './calls-codes';

const mode = z.enum(['mainstream', 'tikanga']);
const codeList = z.array(id()).max(500);

export const speakerFilter = z.object({
  role: z.string().trim().min(1).max(100).optional(),
  attribute: z.object({ attributeId: id(), value: z.string().max(2000) }).optional(),
  participantId: id().optional(),
  groupId: id().optional(),
});

export const searchFilters = speakerFilter.extend({
  mode: mode.optional(),
  codeId: id().optional(),
  sourceIds: z.array(id()).max(10_000).optional(),
});

const query = z.string().max(2000);

const codeResults = z.object({
  query,
  filters: searchFilters.optional(),
  codeId: id(),
  scope: z.enum(['hits', 'turns']),
  /** Which sessions: by default the code's frame's own; 'both' mixes modes on purpose. */
  mode: z.enum(['mainstream', 'tikanga', 'both']).optional(),
  keep: hitRefs.optional(),
  skip: hitRefs.optional(),
});

export const codingQuery = z.object({
  all: codeList.optional(),
  any: codeList.optional(),
  none: codeList.optional(),
  near: z.object({ codeIds: codeList.min(1), words: z.number().int().min(0).max(10_000).optional() }).optional(),
  result: z.enum(['overlap', 'union']).optional(),
  includeChildren: z.boolean().optional(),
  speakers: speakerFilter.optional(),
  mode: mode.optional(),
  frameId: id().optional(),
  limit: z.number().int().min(1).max(5000).optional(),
  offset: z.number().int().nonnegative().optional(),
});

export const matrixInput = z.object({
  codeIds: codeList.optional(),
  frameId: id().optional(),
  cols: z.enum(['participant', 'group', 'attribute', 'role', 'source', 'mode', 'kind']),
  attributeId: id().optional(),
  mode: mode.optional(),
});

/** Which chart a file holds: the core works out its data and labels from this, never from the page. */
export const chartSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('frequency'), frameId: id().optional(), mode: mode.optional() }),
  z.object({ kind: z.literal('matrix'), matrix: matrixInput }),
  z.object({ kind: z.literal('cooccurrence'), frameId: id().optional(), mode: mode.optional() }),
]);

/** Forced real names in a file: refused unless every person named in it consented to be named. */
const realNames = z.boolean().optional();

export const analysisCalls = {
  'search-run': call(
    'Full-text search over every transcript: words, "phrases", prefix*, AND/OR/NOT, brackets; macrons, double vowels and dashes folded.',
    z.object({
      query,
      filters: searchFilters.optional(),
      offset: z.number().int().nonnegative().optional(),
      limit: z.number().int().min(1).max(500).optional(),
      /** The frame the analyst works in: restricted (tapu) passages are searchable only in a kaupapa Māori frame (or by the kaitiaki). */
      viewFrameId: id().optional(),
    }),
  ).returns<SearchResult>(),
  'search-code-preview': call('What coding every search result (hits or whole turns) with a code would do.', codeResults).returns<CodeResultsPreview>(),
  'search-code-apply': call('Code every search result (hits or whole turns) with a code, in one undoable step.', codeResults).returns<{ coded: number; alreadyCoded: number }>(),
  'coding-query': call('Segments coded A AND B (overlap), A OR B, A NOT B, NEAR; by speaker attribute, role, mode, frame.', codingQuery).returns<QueryResult>(),
  'matrix-run': call('Matrix coding: codes as rows, participants/groups/attribute values/roles/sources/modes as columns.', matrixInput).returns<MatrixResult>(),
  'matrix-cell': call(
    'The segments behind one matrix cell (the first `limit`, 500 by default, and how many there are).',
    matrixInput.extend({ codeId: id(), colKey: z.string().max(2000), limit: z.number().int().min(1).max(5000).optional() }),
  ).returns<{ segments: QuerySegment[]; total: number }>(),
  'matrix-export': call(
    'Save a matrix (counts only, no quotes) as CSV or XLSX where the person chooses, with export labels (pseudonyms), audited.',
    matrixInput.extend({ format: z.enum(['csv', 'xlsx']), realNames }),
  ).returns<SavedFile | null>(),
  'codes-cooccurrence': call(
    'How often codes overlap each other (codes of a frame, or chosen codes), in one mode or (with a note) both.',
    z.object({ frameId: id().optional(), codeIds: codeList.optional(), mode: mode.optional() }),
  ).returns<CooccurrenceResult>(),
  'chart-image': call(
    'A chart as a file will draw it: the core-built SVG with export labels, and the size a PNG of it must be.',
    z.object({ chart: chartSpec, realNames }),
  ).returns<ChartImage>(),
  'chart-save': call(
    'Save a chart where the person chooses, audited: SVG drawn by the core; PNG = chart-image drawn by the page at its scale, checked and rebuilt.',
    z.object({ chart: chartSpec, format: z.enum(['png', 'svg']), png: z.string().max(30_000_000).optional(), realNames }),
  ).returns<SavedFile | null>(),
};
