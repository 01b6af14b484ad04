/**
 * Full-text search over every block of every source. The query is parsed and folded
 * (parse-query.ts) into a safe FTS5 expression; matching blocks come from the FTS5 index in index
 * order (import order, then reading order: no sort over all matches), one page at a time, with a
 * capped count. Only the page's blocks are then mapped back to the stored text for highlighting.
 */
import type { SearchFilters, SearchHit, SearchResult } from '../../../shared/domain/analysis';
import type { SourceMode } from '../../../shared/domain/transcript';
import { fold } from '../../../shared/text/fold';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { contextSpans, findTerms, type Term } from './highlight';
import { describe, parseQuery, positiveTerms, toFts } from './parse-query';
import { ROLE_SQL, speakerConditions } from './speaker-sql';

export interface SearchInput {
  query: string;
  filters?: SearchFilters | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  /** Stop counting matches here (the count of a very common word costs time, not insight). */
  countCap?: number | undefined;
}

export interface CompiledSearch {
  match: string;
  understood: string;
  terms: Term[];
  from: string;
  where: string;
  params: Record<string, unknown>;
  filtered: boolean;
}

export function compileSearch(query: string, filters: SearchFilters = {}): CompiledSearch {
  const ast = parseQuery(query);
  if (!ast) throw new FocalError('bad-input', 'Type a word or a "phrase" to search for.');
  const match = toFts(ast);
  const params: Record<string, unknown> = { match };
  const where = ['search_index MATCH @match', ...speakerConditions(filters, params)];
  if (filters.mode) {
    where.push('s.mode = @mode');
    params.mode = filters.mode;
  }
  if (filters.codeId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM codings cd WHERE cd.code_id = @codeId AND cd.source_id = b.source_id AND cd.start < b.end AND cd.end > b.start)');
    params.codeId = filters.codeId;
  }
  if (filters.sourceIds?.length) {
    where.push(`b.source_id IN (SELECT value FROM json_each(@sourceIds))`);
    params.sourceIds = JSON.stringify(filters.sourceIds);
  }
  const from = `search_index si
     JOIN blocks b ON b.id = si.block_id
     JOIN sources s ON s.id = b.source_id
     LEFT JOIN speakers sp ON sp.id = b.speaker_id
     LEFT JOIN participants p ON p.id = sp.participant_id`;
  return { match, understood: describe(ast), terms: positiveTerms(ast), from, where: where.join(' AND '), params, filtered: where.length > 1 };
}

interface HitRow {
  blockId: number;
  sourceId: number;
  sourceTitle: string;
  mode: SourceMode;
  kind: SearchHit['blockKind'];
  start: number;
  end: number;
  label: string | null;
  participantId: number | null;
  name: string | null;
  role: string | null;
  /** The block's text by SQLite's character offsets; right unless the source has astral characters (checked). */
  text: string;
  folded: string;
}

const HIT_COLUMNS = `b.id AS blockId, b.source_id AS sourceId, s.title AS sourceTitle, s.mode, b.kind, b.start, b.end,
  sp.label, sp.participant_id AS participantId, p.name, ${ROLE_SQL} AS role,
  substr(s.text, b.start + 1, b.end - b.start) AS text, si.folded AS folded`;

/** Matching blocks in index order; the caller pages through them. */
export function matchingBlocks(db: ProjectDb, c: CompiledSearch, limit: number, offset = 0): HitRow[] {
  return db.prepare(`SELECT ${HIT_COLUMNS} FROM ${c.from} WHERE ${c.where} ORDER BY si.rowid LIMIT @limit OFFSET @offset`).all({ ...c.params, limit, offset }) as HitRow[];
}

function runFts<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    // Terms are always quoted, so this is unexpected; say so plainly rather than show SQLite's words.
    if (e instanceof Error && /fts5|MATCH/i.test(e.message)) throw new FocalError('bad-input', `Focal could not run this search (${e.message}). Try fewer operators.`);
    throw e;
  }
}

/** Reads each source's text once per call (a page touches few sources). */
export function textReader(db: ProjectDb): (sourceId: number) => string {
  const get = db.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  const cache = new Map<number, string>();
  return (id) => {
    let t = cache.get(id);
    if (t === undefined) {
      t = (get.get(id) as string | undefined) ?? '';
      cache.set(id, t);
    }
    return t;
  };
}

export function search(db: ProjectDb, input: SearchInput): SearchResult {
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const cap = input.countCap ?? 10_000;
  const c = compileSearch(input.query, input.filters);
  return runFts(() => {
    const rows = matchingBlocks(db, c, limit, offset);
    let total: number;
    let capped = false;
    if (offset === 0 && rows.length < limit) total = rows.length;
    else {
      // Every index row is a block of a source (deleting a source deletes its rows), so without
      // filters the index alone gives the count, without joining each match to its block.
      total = (
        c.filtered
          ? db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${c.from} WHERE ${c.where} LIMIT @cap)`).pluck().get({ ...c.params, cap: cap + 1 })
          : db.prepare('SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH @match LIMIT @cap)').pluck().get({ match: c.match, cap: cap + 1 })
      ) as number;
      if (total > cap) {
        total = cap;
        capped = true;
      }
    }
    const textOf = textReader(db);
    const hits = rows.map((r) => toHit(r, blockText(r, textOf), c.terms));
    return { query: input.query, understood: c.understood, hits, total, totalIsCapped: capped, offset, limit };
  });
}

/**
 * SQLite's substr() counts characters, our offsets count UTF-16 units; they agree unless an
 * emoji or other astral character comes earlier in the source. The index row holds the block's
 * folded text, so a mismatch shows, and then the whole source text is read instead.
 */
function blockText(r: HitRow, textOf: (sourceId: number) => string): string {
  if (r.text.length === r.end - r.start && fold(r.text) === r.folded) return r.text;
  return textOf(r.sourceId).slice(r.start, r.end);
}

function toHit(r: HitRow, text: string, terms: Term[]): SearchHit {
  const local = findTerms(text, terms);
  const ctx = contextSpans(text, local);
  return {
    blockId: r.blockId,
    sourceId: r.sourceId,
    sourceTitle: r.sourceTitle,
    mode: r.mode,
    blockKind: r.kind,
    blockStart: r.start,
    blockEnd: r.end,
    speaker: r.label === null ? null : { label: r.label, participantId: r.participantId, name: r.name, role: r.role ?? 'participant' },
    matches: local.map((m) => ({ start: m.start + r.start, end: m.end + r.start })),
    context: ctx.spans,
    clippedStart: ctx.clippedStart,
    clippedEnd: ctx.clippedEnd,
  };
}

/** Every matching block (up to `max`) with its matches, for coding all results. */
export function allMatches(db: ProjectDb, query: string, filters: SearchFilters | undefined, max: number) {
  const c = compileSearch(query, filters);
  return runFts(() => {
    const rows = matchingBlocks(db, c, max + 1, 0);
    if (rows.length > max) throw new FocalError('bad-input', `This search finds more than ${max.toLocaleString('en-NZ')} passages; narrow it (a filter, a phrase) before coding them all.`);
    const textOf = textReader(db);
    return rows.map((r) => {
      const local = findTerms(blockText(r, textOf), c.terms);
      return { ...r, matches: local.map((m) => ({ start: m.start + r.start, end: m.end + r.start })) };
    });
  });
}
