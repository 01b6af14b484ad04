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
import { hasSpeakerFilter, ROLE_SQL, speakerConditions } from './speaker-sql';

export interface SearchInput {
  query: string;
  filters?: SearchFilters | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  /**
   * Stop counting matches here (the count of a very common word costs time, not insight):
   * 10,000 by default, 1,000 with filters (each match is then checked against its block).
   */
  countCap?: number | undefined;
}

export interface CompiledSearch {
  match: string;
  understood: string;
  terms: Term[];
  /** Joins for a page of hits (speaker and participant for display). */
  from: string;
  /** Joins for counting: only what the conditions need. */
  countFrom: string;
  where: string;
  params: Record<string, unknown>;
  filtered: boolean;
}

/**
 * Filters are resolved before the search to sets of ids (speakers who match, blocks a code
 * touches, a group's sources), so each full-text match is then checked with one lookup in a
 * small in-memory set instead of joins and correlated subqueries.
 */
export function compileSearch(db: ProjectDb, query: string, filters: SearchFilters = {}): CompiledSearch {
  const ast = parseQuery(query);
  if (!ast) throw new FocalError('bad-input', 'Type a word or a "phrase" to search for.');
  const match = toFts(ast);
  const params: Record<string, unknown> = { match };
  const where = ['search_index MATCH @match'];
  const { groupId, ...speakerOnly } = filters;
  if (hasSpeakerFilter(speakerOnly)) {
    const p: Record<string, unknown> = {};
    const cond = speakerConditions({ role: speakerOnly.role, attribute: speakerOnly.attribute, participantId: speakerOnly.participantId }, p);
    const ids = db
      .prepare(`SELECT sp.id FROM speakers sp JOIN sources s ON s.id = sp.source_id LEFT JOIN participants p ON p.id = sp.participant_id WHERE ${cond.join(' AND ')}`)
      .pluck()
      .all(p) as number[];
    where.push('b.speaker_id IN (SELECT value FROM json_each(@speakerIds))');
    params.speakerIds = JSON.stringify(ids);
  }
  if (groupId !== undefined) {
    const sources = db.prepare('SELECT id FROM sources WHERE group_id = ?').pluck().all(groupId) as number[];
    const members = db.prepare('SELECT sp.id FROM speakers sp JOIN group_members gm ON gm.member_id = sp.participant_id WHERE gm.group_id = ?').pluck().all(groupId) as number[];
    where.push('(b.source_id IN (SELECT value FROM json_each(@groupSources)) OR b.speaker_id IN (SELECT value FROM json_each(@groupSpeakers)))');
    params.groupSources = JSON.stringify(sources);
    params.groupSpeakers = JSON.stringify(members);
  }
  if (filters.mode) {
    where.push('s.mode = @mode');
    params.mode = filters.mode;
  }
  if (filters.codeId !== undefined) {
    // Blocks that any coding of the code overlaps, found by a seek per coding.
    const blocks = db
      .prepare(
        `SELECT DISTINCT b.id FROM codings cd JOIN blocks b ON b.source_id = cd.source_id
           AND b.start >= COALESCE((SELECT max(b0.start) FROM blocks b0 WHERE b0.source_id = cd.source_id AND b0.start <= cd.start), 0)
           AND b.start < cd.end AND b.end > cd.start
         WHERE cd.code_id = ?`,
      )
      .pluck()
      .all(filters.codeId) as number[];
    where.push('b.id IN (SELECT value FROM json_each(@codeBlocks))');
    params.codeBlocks = JSON.stringify(blocks);
  }
  if (filters.sourceIds?.length) {
    where.push(`b.source_id IN (SELECT value FROM json_each(@sourceIds))`);
    params.sourceIds = JSON.stringify(filters.sourceIds);
  }
  const countFrom = `search_index si JOIN blocks b ON b.id = si.block_id JOIN sources s ON s.id = b.source_id`;
  const from = `${countFrom}
     LEFT JOIN speakers sp ON sp.id = b.speaker_id
     LEFT JOIN participants p ON p.id = sp.participant_id`;
  return { match, understood: describe(ast), terms: positiveTerms(ast), from, countFrom, where: where.join(' AND '), params, filtered: where.length > 1 };
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
  const c = compileSearch(db, input.query, input.filters);
  const cap = input.countCap ?? (c.filtered ? 1000 : 10_000);
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
          ? db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${c.countFrom} WHERE ${c.where} LIMIT @cap)`).pluck().get({ ...c.params, cap: cap + 1 })
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
  const c = compileSearch(db, query, filters);
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
