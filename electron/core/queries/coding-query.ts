/**
 * Coding queries: segments coded A AND B, A OR B, A NOT B, A NEAR B, narrowed to speakers with
 * an attribute value or role, a mode, or the sources a frame applies to.
 *
 * Semantics (stated in the result's `described` too):
 * - AND: the passages where every code's codings overlap. result 'overlap' (default) gives just
 *   the overlapping text; 'union' gives the whole codings that take part in an overlap, merged.
 * - OR: the union of all the codes' codings, overlapping ranges merged.
 * - NOT: the ranges above with anything coded by the NOT codes cut out (range subtraction).
 * - NEAR: keeps a segment when a coding of a NEAR code lies in the same turn (default) or within
 *   N words; the result spans both, merged.
 * - Speaker filters clip each segment to the turns of the matching speakers.
 *
 * Each code's codings are read in (source, start) order straight from the codings_code index
 * (one SEARCH per code, no sort), then combined with linear sweeps (intervals.ts).
 */
import type { CodingQuery, QueryResult } from '../../../shared/domain/analysis';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { speakerConditions, hasSpeakerFilter } from '../search/speaker-sql';
import {
  type BySource,
  type Range,
  anyOverlap,
  intersectBySource,
  mapSources,
  mergeRanges,
  subtractBySource,
  unionBySource,
} from './intervals';
import { segmentBuilder } from './segment-context';

export interface CodedRange extends Range {
  codeId: number;
}

/** Codings of one code (and its descendants) by source, sorted by start. */
export function codingsBySource(db: ProjectDb, codeId: number, includeChildren: boolean, sources: Set<number> | null): Map<number, CodedRange[]> {
  const ids = includeChildren ? descendants(db, codeId) : [requireCodeId(db, codeId)];
  const stmt = db.prepare('SELECT source_id AS sourceId, start, end, code_id AS codeId FROM codings WHERE code_id = ? ORDER BY source_id, start');
  const out = new Map<number, CodedRange[]>();
  for (const id of ids) {
    for (const r of stmt.iterate(id) as Iterable<{ sourceId: number } & CodedRange>) {
      if (sources && !sources.has(r.sourceId)) continue;
      let list = out.get(r.sourceId);
      if (!list) out.set(r.sourceId, (list = []));
      list.push({ start: r.start, end: r.end, codeId: r.codeId });
    }
  }
  if (ids.length > 1) for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

function requireCodeId(db: ProjectDb, id: number): number {
  if (!db.prepare('SELECT 1 FROM codes WHERE id = ?').get(id)) throw new FocalError('not-found', `There is no code with id ${id}; it may have been deleted or merged.`);
  return id;
}

function descendants(db: ProjectDb, id: number): number[] {
  requireCodeId(db, id);
  return db.prepare('WITH RECURSIVE d(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN d ON c.parent_id = d.id) SELECT id FROM d').pluck().all(id) as number[];
}

function merged(m: Map<number, CodedRange[]>): BySource {
  return mapSources(m as BySource, (_id, rs) => mergeRanges(rs));
}

/** Sources the query may look at: mode and frame. null = all. */
function allowedSources(db: ProjectDb, q: CodingQuery): Set<number> | null {
  if (!q.mode && q.frameId === undefined) return null;
  const ids = db
    .prepare(
      `SELECT s.id FROM sources s WHERE (@mode IS NULL OR s.mode = @mode)
         AND (@frameId IS NULL OR NOT EXISTS (SELECT 1 FROM frame_sources fs WHERE fs.source_id = s.id)
              OR EXISTS (SELECT 1 FROM frame_sources fs WHERE fs.source_id = s.id AND fs.frame_id = @frameId))`,
    )
    .pluck()
    .all({ mode: q.mode ?? null, frameId: q.frameId ?? null }) as number[];
  return new Set(ids);
}

/** Turns (sorted) of the speakers the filter allows, per source, within the given sources. */
function speakerTurns(db: ProjectDb, q: CodingQuery, sourceIds: number[]): BySource {
  const params: Record<string, unknown> = { sources: JSON.stringify(sourceIds) };
  const where = speakerConditions(q.speakers, params);
  const rows = db
    .prepare(
      `SELECT b.source_id AS sourceId, b.start, b.end FROM blocks b
       JOIN sources s ON s.id = b.source_id
       JOIN speakers sp ON sp.id = b.speaker_id LEFT JOIN participants p ON p.id = sp.participant_id
       WHERE b.source_id IN (SELECT value FROM json_each(@sources)) AND b.kind = 'turn' AND ${where.join(' AND ')}
       ORDER BY b.source_id, b.start`,
    )
    .all(params) as Array<{ sourceId: number } & Range>;
  const out: BySource = new Map();
  for (const r of rows) {
    let list = out.get(r.sourceId);
    if (!list) out.set(r.sourceId, (list = []));
    list.push({ start: r.start, end: r.end });
  }
  return mapSources(out, (_id, rs) => mergeRanges(rs));
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-–]*/gu;

/** The near window of a range: its turns, or N words either side. */
function nearWindow(db: ProjectDb, words: number | undefined) {
  const turns = db.prepare(
    `SELECT min(b.start) AS lo, max(b.end) AS hi FROM blocks b WHERE b.source_id = @sourceId AND b.kind = 'turn'
       AND b.start >= COALESCE((SELECT max(b0.start) FROM blocks b0 WHERE b0.source_id = @sourceId AND b0.start <= @start), 0)
       AND b.start < @end AND b.end > @start`,
  );
  const wordStarts = new Map<number, { starts: number[]; ends: number[] }>();
  const text = db.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  return (sourceId: number, r: Range): Range => {
    if (words === undefined) {
      const t = turns.get({ sourceId, start: r.start, end: r.end }) as { lo: number | null; hi: number | null };
      return t.lo === null || t.hi === null ? r : { start: Math.min(t.lo, r.start), end: Math.max(t.hi, r.end) };
    }
    let w = wordStarts.get(sourceId);
    if (!w) {
      w = { starts: [], ends: [] };
      for (const m of (text.get(sourceId) as string).matchAll(WORD)) {
        w.starts.push(m.index);
        w.ends.push(m.index + m[0].length);
      }
      wordStarts.set(sourceId, w);
    }
    // First word ending after r.start, then N words back; last word starting before r.end, then N on.
    const firstIn = lowerBound(w.ends, r.start + 1);
    const lastIn = lowerBound(w.starts, r.end) - 1;
    const lo = w.starts[Math.max(0, firstIn - words)] ?? r.start;
    const hi = w.ends[Math.min(w.ends.length - 1, lastIn + words)] ?? r.end;
    return { start: Math.min(lo, r.start), end: Math.max(hi, r.end) };
  };
}

function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function describeQuery(q: CodingQuery, name: (id: number) => string): string {
  const parts: string[] = [];
  if (q.all?.length) parts.push(q.all.map(name).join(' AND ') + (q.all.length > 1 ? ((q.result ?? 'overlap') === 'overlap' ? ' (the overlapping text)' : ' (whole codings that overlap)') : ''));
  if (q.any?.length) parts.push((parts.length ? 'AND (' : '(') + q.any.map(name).join(' OR ') + ')');
  if (q.none?.length) parts.push('NOT ' + q.none.map(name).join(', NOT '));
  if (q.near?.codeIds.length) parts.push(`NEAR ${q.near.codeIds.map(name).join(' or ')} (${q.near.words === undefined ? 'same turn' : `within ${q.near.words} words`})`);
  const where: string[] = [];
  if (q.mode) where.push(`${q.mode} sessions`);
  if (q.frameId !== undefined) where.push('sources of the chosen frame');
  if (q.speakers?.role) where.push(`spoken by role "${q.speakers.role}"`);
  if (q.speakers?.attribute) where.push(`spoken by participants with the attribute value "${q.speakers.attribute.value}"`);
  if (q.speakers?.participantId !== undefined) where.push('spoken by one participant');
  if (q.speakers?.groupId !== undefined) where.push('in one group');
  return parts.join(' ') + (where.length ? ` — ${where.join(', ')}` : '');
}

/** The result ranges of a query, by source. Exported for the matrix and tests. */
export function queryRanges(db: ProjectDb, q: CodingQuery): { ranges: BySource; codings: Map<number, Map<number, CodedRange[]>> } {
  const all = q.all ?? [];
  const any = q.any ?? [];
  if (!all.length && !any.length) throw new FocalError('bad-input', 'Choose at least one code to query (AND or OR).');
  const sources = allowedSources(db, q);
  const children = !!q.includeChildren;
  const codings = new Map<number, Map<number, CodedRange[]>>();
  const load = (id: number) => {
    let c = codings.get(id);
    if (!c) codings.set(id, (c = codingsBySource(db, id, children, sources)));
    return c;
  };

  let result: BySource | null = null;
  if (all.length) {
    let overlap = merged(load(all[0] as number));
    for (const id of all.slice(1)) overlap = intersectBySource(overlap, merged(load(id)));
    if ((q.result ?? 'overlap') === 'union' && all.length > 1) {
      // Whole codings (of the AND codes) that touch the overlap.
      const touching: BySource = new Map();
      for (const id of all)
        for (const [sid, rs] of load(id)) {
          const ov = overlap.get(sid);
          if (!ov) continue;
          const longest = maxLen(ov);
          const keep = rs.filter((r) => anyOverlap(ov, r.start, r.end, longest));
          if (keep.length) touching.set(sid, [...(touching.get(sid) ?? []), ...keep]);
        }
      overlap = mapSources(touching, (_id, rs) => mergeRanges(rs));
    }
    result = overlap;
  }
  if (any.length) {
    const union = unionBySource(any.map((id) => merged(load(id))));
    result = result ? intersectBySource(result, union) : union;
  }
  let ranges = result as BySource;
  if (q.none?.length) ranges = subtractBySource(ranges, unionBySource(q.none.map((id) => merged(load(id)))));
  if (q.near?.codeIds.length) {
    const other = unionBySource(q.near.codeIds.map((id) => merged(load(id))));
    const windowOf = nearWindow(db, q.near.words);
    ranges = mapSources(ranges, (sid, rs) => {
      const bs = other.get(sid);
      if (!bs) return [];
      const longest = maxLen(bs);
      const out: Range[] = [];
      for (const r of rs) {
        const w = windowOf(sid, r);
        if (!anyOverlap(bs, w.start, w.end, longest)) continue;
        // Span both: the segment and every near coding inside the window.
        let s = r.start;
        let e = r.end;
        for (const b of bs) {
          if (b.start >= w.end) break;
          if (b.end > w.start) {
            s = Math.min(s, Math.max(b.start, w.start));
            e = Math.max(e, Math.min(b.end, w.end));
          }
        }
        out.push({ start: s, end: e });
      }
      return mergeRanges(out);
    });
  }
  if (hasSpeakerFilter(q.speakers)) ranges = intersectBySource(ranges, speakerTurns(db, q, [...ranges.keys()]));
  return { ranges, codings };
}

function maxLen(rs: Range[]): number {
  let m = 0;
  for (const r of rs) m = Math.max(m, r.end - r.start);
  return m;
}

export function runCodingQuery(db: ProjectDb, q: CodingQuery): QueryResult {
  const { ranges, codings } = queryRanges(db, q);
  const flat: Array<{ sourceId: number } & Range> = [];
  for (const [sourceId, rs] of [...ranges].sort((a, b) => a[0] - b[0])) for (const r of rs) flat.push({ sourceId, ...r });
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 500;
  const build = segmentBuilder(db);
  const queried = [...new Set([...(q.all ?? []), ...(q.any ?? []), ...(q.near?.codeIds ?? [])])];
  const segments = flat.slice(offset, offset + limit).map((r) => {
    const codeIds = queried.filter((id) => (codings.get(id)?.get(r.sourceId) ?? []).some((c) => c.start < r.end && c.end > r.start));
    return build(r.sourceId, r.start, r.end, codeIds);
  });
  const names = new Map(db.prepare('SELECT id, name FROM codes').all().map((r) => [(r as { id: number }).id, (r as { name: string }).name]));
  return {
    segments,
    total: flat.length,
    sources: ranges.size,
    participants: countParticipants(db, flat),
    described: describeQuery(q, (id) => `“${names.get(id) ?? `code ${id}`}”`),
  };
}

/** Distinct linked participants speaking in any of the ranges. */
function countParticipants(db: ProjectDb, flat: Array<{ sourceId: number } & Range>): number {
  const stmt = db
    .prepare(
      `SELECT DISTINCT sp.participant_id FROM blocks b JOIN speakers sp ON sp.id = b.speaker_id
       WHERE sp.participant_id IS NOT NULL AND b.source_id = @sourceId
         AND b.start >= COALESCE((SELECT max(b0.start) FROM blocks b0 WHERE b0.source_id = @sourceId AND b0.start <= @start), 0)
         AND b.start < @end AND b.end > @start`,
    )
    .pluck();
  const seen = new Set<number>();
  for (const r of flat) for (const id of stmt.all({ sourceId: r.sourceId, start: r.start, end: r.end }) as number[]) seen.add(id);
  return seen.size;
}
