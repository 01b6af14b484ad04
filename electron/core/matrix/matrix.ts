/**
 * Matrix coding: codes as rows against participants, groups, attribute values, roles, sources,
 * modes or session kinds as columns. Each cell counts coded segments (codings) and distinct
 * people. A coding belongs to a person's column when it overlaps one of their turns, so a
 * coding across two speakers' turns counts in both columns (and once in the row's total).
 * An unlinked speaker label counts as a person of its own.
 *
 * One SQL statement: every coding of the row codes, joined to the turns it overlaps with an
 * index seek to the turn containing its start (not a scan of the source's blocks), grouped by
 * code and column.
 */
import { modeMixNotes } from './mode-mix';
import type { MatrixCell, MatrixColumns, MatrixInput, MatrixResult, QuerySegment } from '../../../shared/domain/analysis';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { segmentBuilder } from '../queries/segment-context';
import { ROLE_SQL } from '../search/speaker-sql';

const BASE = `
  SELECT cd.id AS codingId, cd.code_id AS codeId, cd.source_id AS sourceId, s.title AS sourceTitle, s.mode AS mode, s.kind AS kind,
         s.group_id AS sourceGroup, sp.id AS speakerId, sp.label AS label, sp.participant_id AS participantId, p.name AS participantName,
         ${ROLE_SQL} AS role,
         CASE WHEN sp.id IS NULL THEN NULL WHEN sp.participant_id IS NOT NULL THEN sp.participant_id ELSE -sp.id END AS person
  FROM codings cd
  JOIN sources s ON s.id = cd.source_id
  LEFT JOIN blocks b ON b.source_id = cd.source_id AND b.kind = 'turn'
       AND b.start >= COALESCE((SELECT max(b0.start) FROM blocks b0 WHERE b0.source_id = cd.source_id AND b0.start <= cd.start), 0)
       AND b.start < cd.end AND b.end > cd.start
  LEFT JOIN speakers sp ON sp.id = b.speaker_id
  LEFT JOIN participants p ON p.id = sp.participant_id
  WHERE cd.code_id IN (SELECT value FROM json_each(@codes)) AND (@mode IS NULL OR s.mode = @mode)`;

/** The column of codings in text no one speaks (notes, prose), so a row's cells add up to its total. */
export const NO_SPEAKER_KEY = '~no-speaker';
const NO_SPEAKER = `'${NO_SPEAKER_KEY}', 'No speaker'`;

/** The column key and label of each base row, per kind of column. */
function columnSql(cols: MatrixColumns): { sql: string; needsAttribute?: boolean } {
  switch (cols) {
    case 'participant':
      return {
        sql: `SELECT *, CAST(person AS TEXT) AS colKey, COALESCE(participantName, label || ' (not linked)') AS colLabel FROM base WHERE person IS NOT NULL
              UNION ALL SELECT *, ${NO_SPEAKER} FROM base WHERE speakerId IS NULL`,
      };
    case 'role':
      return {
        sql: `SELECT *, CASE WHEN speakerId IS NULL THEN '${NO_SPEAKER_KEY}' WHEN role IS NULL THEN '~no-role' ELSE lower(role) END AS colKey,
                        CASE WHEN speakerId IS NULL THEN 'No speaker' ELSE COALESCE(role, '(no role)') END AS colLabel FROM base`,
      };
    case 'source':
      return { sql: `SELECT *, CAST(sourceId AS TEXT) AS colKey, sourceTitle AS colLabel FROM base` };
    case 'mode':
      return { sql: `SELECT *, mode AS colKey, mode AS colLabel FROM base` };
    case 'kind':
      return { sql: `SELECT *, lower(COALESCE(NULLIF(kind, ''), '(not set)')) AS colKey, COALESCE(NULLIF(kind, ''), '(not set)') AS colLabel FROM base` };
    case 'group':
      return {
        sql: `SELECT base.*, CAST(g.id AS TEXT) AS colKey, g.name AS colLabel FROM base
                JOIN group_members gm ON gm.member_id = base.participantId JOIN participants g ON g.id = gm.group_id
              UNION
              SELECT base.*, CAST(g.id AS TEXT), g.name FROM base JOIN participants g ON g.id = base.sourceGroup`,
      };
    case 'attribute':
      return {
        needsAttribute: true,
        sql: `SELECT base.*, COALESCE(pa.value, '') AS colKey, COALESCE(pa.value, '(no value)') AS colLabel FROM base
              LEFT JOIN participant_attributes pa ON pa.participant_id = base.participantId AND pa.attribute_id = @attributeId
              WHERE base.person IS NOT NULL
              UNION ALL SELECT base.*, ${NO_SPEAKER} FROM base WHERE base.speakerId IS NULL`,
      };
  }
}

const COLUMN_NAMES: Record<MatrixColumns, string> = {
  participant: 'Participants',
  group: 'Groups',
  attribute: 'Attribute',
  role: 'Roles',
  source: 'Sources',
  mode: 'Modes',
  kind: 'Session kinds',
};

export interface RowCode {
  id: number;
  frameId: number;
  parentId: number | null;
  name: string;
  color: string;
}

/**
 * Codes in tree order (parents before children, siblings by position), without the counts
 * codes-list works out: the matrix counts for itself.
 */
export function codesInTreeOrder(db: ProjectDb, frameId?: number): RowCode[] {
  const codes = db
    .prepare(
      `SELECT id, frame_id AS frameId, parent_id AS parentId, name, color FROM codes
       WHERE (@frameId IS NULL OR frame_id = @frameId) ORDER BY frame_id, position, name COLLATE NOCASE`,
    )
    .all({ frameId: frameId ?? null }) as RowCode[];
  const byParent = new Map<number | null, RowCode[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const c of codes) {
    const key = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), c]);
  }
  const out: RowCode[] = [];
  const walk = (parent: number | null) => {
    for (const c of byParent.get(parent) ?? []) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

function rowCodes(db: ProjectDb, input: MatrixInput): RowCode[] {
  if (input.codeIds?.length) {
    const byId = new Map(codesInTreeOrder(db).map((c) => [c.id, c]));
    return input.codeIds.map((id) => {
      const c = byId.get(id);
      if (!c) throw new FocalError('not-found', `There is no code with id ${id}; it may have been deleted or merged.`);
      return c;
    });
  }
  return codesInTreeOrder(db, input.frameId);
}

export function codePaths(db: ProjectDb): Map<number, string> {
  const codes = db.prepare('SELECT id, parent_id AS parentId, name FROM codes').all() as Array<{ id: number; parentId: number | null; name: string }>;
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: number): string => {
    const parts: string[] = [];
    for (let c = byId.get(id), n = 0; c && n < 100; c = c.parentId === null ? undefined : byId.get(c.parentId), n++) parts.unshift(c.name);
    return parts.join('/');
  };
  return new Map(codes.map((c) => [c.id, path(c.id)]));
}

function params(input: MatrixInput, codes: number[]) {
  if (input.cols === 'attribute' && input.attributeId === undefined) throw new FocalError('bad-input', 'Choose which attribute to use as columns.');
  return { codes: JSON.stringify(codes), mode: input.mode ?? null, attributeId: input.attributeId ?? null };
}

export function runMatrix(db: ProjectDb, input: MatrixInput): MatrixResult {
  const codes = rowCodes(db, input);
  const codeIds = codes.map((c) => c.id);
  const col = columnSql(input.cols);
  const p = params(input, codeIds);
  // One statement: the coding × turn rows are worked out once (MATERIALIZED), then grouped by
  // cell and by row; a row with a NULL colKey is a row total.
  const grouped = db
    .prepare(
      `WITH base AS MATERIALIZED (${BASE}), cols AS (${col.sql})
       SELECT codeId, colKey, min(colLabel) AS colLabel, count(DISTINCT codingId) AS segments, count(DISTINCT person) AS participants
       FROM cols GROUP BY codeId, colKey
       UNION ALL
       SELECT codeId, NULL, NULL, count(DISTINCT codingId), count(DISTINCT person) FROM base GROUP BY codeId`,
    )
    .all(p) as Array<{ codeId: number; colKey: string | null; colLabel: string; segments: number; participants: number }>;
  const cellRows = grouped.filter((r): r is (typeof grouped)[number] & { colKey: string } => r.colKey !== null);
  const totals = grouped.filter((r) => r.colKey === null);

  const colMap = new Map<string, string>();
  for (const r of cellRows) if (!colMap.has(r.colKey)) colMap.set(r.colKey, r.colLabel);
  const cols = [...colMap].map(([key, label]) => ({ key, label })).sort((a, b) => colOrder(input.cols, a, b));
  const colIndex = new Map(cols.map((c, i) => [c.key, i]));
  const rowIndex = new Map(codeIds.map((id, i) => [id, i]));
  const empty = (): MatrixCell => ({ segments: 0, participants: 0 });
  const cells = codes.map(() => cols.map(empty));
  let maxSegments = 0;
  for (const r of cellRows) {
    const cell = cells[rowIndex.get(r.codeId) as number]?.[colIndex.get(r.colKey) as number];
    if (!cell) continue;
    cell.segments = r.segments;
    cell.participants = r.participants;
    maxSegments = Math.max(maxSegments, r.segments);
  }
  const totalBy = new Map(totals.map((t) => [t.codeId, t]));
  const paths = codePaths(db);
  const attrName = input.cols === 'attribute' ? (db.prepare('SELECT name FROM attributes WHERE id = ?').pluck().get(input.attributeId) as string | undefined) : undefined;
  if (input.cols === 'attribute' && !attrName) throw new FocalError('not-found', `There is no attribute with id ${input.attributeId}.`);
  return {
    rows: codes.map((c) => ({ codeId: c.id, name: c.name, path: paths.get(c.id) ?? c.name, color: c.color })),
    cols,
    cells,
    rowTotals: codes.map((c) => {
      const t = totalBy.get(c.id);
      return { segments: t?.segments ?? 0, participants: t?.participants ?? 0 };
    }),
    maxSegments,
    warnings: [...modeMixNotes(db, codeIds, input.mode), ...talkKindWarnings(db, codeIds, input)],
    colsBy: input.cols,
    colsLabel: attrName ?? COLUMN_NAMES[input.cols],
  };
}

function colOrder(cols: MatrixColumns, a: { key: string; label: string }, b: { key: string; label: string }): number {
  // No speaker (and no role) last: they are what the named columns leave over.
  const rank = (k: string) => (k === NO_SPEAKER_KEY ? 2 : k === '~no-role' ? 1 : 0);
  if (rank(a.key) !== rank(b.key)) return rank(a.key) - rank(b.key);
  if (cols === 'source') return Number(a.key) - Number(b.key);
  return a.label.localeCompare(b.label, 'en-NZ', { sensitivity: 'base', numeric: true });
}

/**
 * Whether a session is an individual interview or a group one: its kind when it says so, else
 * how many non-facilitating speakers it has.
 */
export function talkKinds(db: ProjectDb, sourceIds: number[]): Map<number, 'individual' | 'group'> {
  const rows = db
    .prepare(
      `SELECT s.id, s.kind, (SELECT count(*) FROM speakers sp WHERE sp.source_id = s.id AND sp.role NOT IN ('facilitator', 'interviewer', 'moderator')) AS voices
       FROM sources s WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(sourceIds)) as Array<{ id: number; kind: string; voices: number }>;
  return new Map(
    rows.map((r) => {
      if (/individual|one[- ]to[- ]one|1:1/i.test(r.kind)) return [r.id, 'individual'];
      if (/group|hui|focus|wānanga|wananga|workshop/i.test(r.kind)) return [r.id, 'group'];
      return [r.id, r.voices <= 1 ? 'individual' : 'group'];
    }),
  );
}

function talkKindWarnings(db: ProjectDb, codeIds: number[], input: MatrixInput): string[] {
  const sources = db
    .prepare(
      `SELECT s.id FROM sources s WHERE (@mode IS NULL OR s.mode = @mode)
         AND EXISTS (SELECT 1 FROM codings cd WHERE cd.source_id = s.id AND cd.code_id IN (SELECT value FROM json_each(@codes)))`,
    )
    .pluck()
    .all({ codes: JSON.stringify(codeIds), mode: input.mode ?? null }) as number[];
  const kinds = [...talkKinds(db, sources).values()];
  const individual = kinds.filter((k) => k === 'individual').length;
  const group = kinds.length - individual;
  if (!individual || !group) return [];
  return [
    `This matrix mixes ${individual} individual interview${individual === 1 ? '' : 's'} with ${group} group session${group === 1 ? '' : 's'}: the kinds of talk differ ` +
      '(in a group people build on and answer each other; in an interview one person answers questions), so compare the counts with care.',
  ];
}

/** The segments behind one cell: the row code's codings that fall in the column. */
export function matrixCellSegments(db: ProjectDb, input: MatrixInput & { codeId: number; colKey: string; limit?: number | undefined }): { segments: QuerySegment[]; total: number } {
  const col = columnSql(input.cols);
  const p = { ...params(input, [input.codeId]), colKey: input.colKey };
  const codings = db
    .prepare(
      `WITH base AS (${BASE}), cols AS (${col.sql})
       SELECT DISTINCT c.id, c.source_id AS sourceId, c.start, c.end FROM cols JOIN codings c ON c.id = cols.codingId
       WHERE cols.colKey = @colKey ORDER BY c.source_id, c.start`,
    )
    .all(p) as Array<{ id: number; sourceId: number; start: number; end: number }>;
  const build = segmentBuilder(db);
  return { segments: codings.slice(0, input.limit ?? 500).map((c) => build(c.sourceId, c.start, c.end, [input.codeId])), total: codings.length };
}
