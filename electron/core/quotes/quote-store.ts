/**
 * The quote bank's storage: quotes made from coded segments (by code, by a list of segments, by a
 * selection), trimmed and cut, and read back with their speakers, codes and text. Checking and
 * exporting them is the gate's and the exporter's job.
 */
import type { QuoteCut, QuoteFromSelection, QuoteSpeaker, Quote } from '../../../shared/domain/quotes';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { GateData } from '../gate/gate-data';
import { assembleQuoteText, keptPieces, speechBlocks } from '../gate/quote-text';
import { coveringCodes, fileSelection } from './quote-filing';
import { sourceTextLength } from '../sources/source-length';

interface QuoteRow {
  id: number;
  sourceId: number;
  start: number;
  end: number;
  codingId: number | null;
  codeId: number | null;
  cuts: string;
  createdBy: string;
  createdAt: string;
}

const SELECT = `SELECT id, source_id AS sourceId, start, end, coding_id AS codingId, code_id AS codeId, cuts, created_by AS createdBy, created_at AS createdAt FROM quotes`;

/** "Whānau/Connection": a code's path from the top of its tree. */
export function codePaths(db: ProjectDb): Map<number, string> {
  const rows = db.prepare('SELECT id, parent_id AS parentId, name FROM codes').all() as Array<{ id: number; parentId: number | null; name: string }>;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<number, string>();
  for (const r of rows) {
    const parts = [r.name];
    let p = r.parentId === null ? undefined : byId.get(r.parentId);
    for (let guard = 0; p && guard < 100; guard++) {
      parts.unshift(p.name);
      p = p.parentId === null ? undefined : byId.get(p.parentId);
    }
    out.set(r.id, parts.join('/'));
  }
  return out;
}

export function requireQuoteRow(db: ProjectDb, id: number): QuoteRow {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as QuoteRow | undefined;
  if (!row) throw new FocalError('not-found', `There is no quote with id ${id}; it may have been removed, so reload the quote bank.`);
  return row;
}

export function parseCuts(json: string): QuoteCut[] {
  try {
    const v = JSON.parse(json) as QuoteCut[];
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function checkRange(db: ProjectDb, sourceId: number, start: number, end: number, cuts: QuoteCut[]): void {
  const found = sourceTextLength(db, sourceId);
  const src = found && { title: found.title, len: found.length };
  if (!src) throw new FocalError('not-found', `There is no transcript with id ${sourceId} in this project.`);
  if (!(start >= 0 && end > start && end <= src.len)) throw new FocalError('bad-input', `A quote must be a range inside "${src.title}" (0–${src.len}); ${start}–${end} is not.`);
  const sorted = [...cuts].sort((a, b) => a.start - b.start);
  let at = start;
  for (const c of sorted) {
    if (c.start < at || c.end <= c.start || c.end > end) throw new FocalError('bad-input', `Cuts must lie inside the quote (${start}–${end}) without overlapping; ${c.start}–${c.end} does not.`);
    at = c.end;
  }
  if (keptPieces({ start, end, cuts }).length === 0) throw new FocalError('bad-input', 'Those cuts would leave nothing of the quote.');
}

function insert(core: FocalCore, r: { sourceId: number; start: number; end: number; codingId: number | null; codeId: number | null; cuts?: QuoteCut[] }): number {
  const db = core.requireProject().db;
  checkRange(db, r.sourceId, r.start, r.end, r.cuts ?? []);
  return Number(
    db
      .prepare('INSERT INTO quotes (source_id, start, end, coding_id, code_id, cuts, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(r.sourceId, r.start, r.end, r.codingId, r.codeId, JSON.stringify(r.cuts ?? []), core.actor, core.now()).lastInsertRowid,
  );
}

/** Quotes for coded segments (codings); a segment that already has a quote keeps it. Returns the quotes' ids in order. */
export function quotesFromCodings(core: FocalCore, codingIds: number[]): number[] {
  const db = core.requireProject().db;
  const ids = db.transaction(() =>
    codingIds.map((cid) => {
      const c = db.prepare('SELECT id, code_id AS codeId, source_id AS sourceId, start, end FROM codings WHERE id = ?').get(cid) as
        | { id: number; codeId: number; sourceId: number; start: number; end: number }
        | undefined;
      if (!c) throw new FocalError('not-found', `There is no coded segment with id ${cid}; it may have been removed.`);
      const existing = db.prepare('SELECT id FROM quotes WHERE coding_id = ? AND start = ? AND end = ?').pluck().get(c.id, c.start, c.end) as number | undefined;
      return existing ?? insert(core, { sourceId: c.sourceId, start: c.start, end: c.end, codingId: c.id, codeId: c.codeId });
    }),
  )();
  core.emit('changed', { kinds: ['quotes'] });
  return ids;
}

/** Quotes for every segment coded with a code (and its children when asked). */
export function quotesFromCode(core: FocalCore, codeId: number, includeChildren: boolean): number[] {
  const db = core.requireProject().db;
  if (!db.prepare('SELECT 1 FROM codes WHERE id = ?').get(codeId)) throw new FocalError('not-found', `There is no code with id ${codeId}.`);
  const codes = includeChildren
    ? (db.prepare('WITH RECURSIVE d(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN d ON c.parent_id = d.id) SELECT id FROM d').pluck().all(codeId) as number[])
    : [codeId];
  const codings = db.prepare(`SELECT id FROM codings WHERE code_id IN (${codes.map(() => '?').join(',')}) ORDER BY source_id, start, id`).pluck().all(...codes) as number[];
  return quotesFromCodings(core, codings);
}

function requireCode(db: ProjectDb, codeId: number | null | undefined): void {
  if (codeId !== undefined && codeId !== null && !db.prepare('SELECT 1 FROM codes WHERE id = ?').get(codeId)) throw new FocalError('not-found', `There is no code with id ${codeId}.`);
}

/**
 * A quote for a selection, filed under `codeId` (null: Uncoded), else under the one code covering
 * the selection (the active frame's, when it has one); with several, nothing is added and the
 * candidates are returned for the person to choose.
 */
export function quoteFromSelection(core: FocalCore, r: { sourceId: number; start: number; end: number; codeId?: number | null | undefined; frameId?: number | undefined }): QuoteFromSelection {
  const db = core.requireProject().db;
  requireCode(db, r.codeId);
  const paths = codePaths(db);
  const result = db.transaction((): QuoteFromSelection => {
    checkRange(db, r.sourceId, r.start, r.end, []);
    const filed = r.codeId !== undefined ? { codeId: r.codeId, candidates: [] } : fileSelection(coveringCodes(db, r.sourceId, r.start, r.end, paths), r.frameId);
    if (filed.candidates.length) return { quoteId: null, codeId: null, codePath: null, candidates: filed.candidates };
    const quoteId = insert(core, { sourceId: r.sourceId, start: r.start, end: r.end, codingId: null, codeId: filed.codeId });
    return { quoteId, codeId: filed.codeId, codePath: filed.codeId === null ? null : (paths.get(filed.codeId) ?? null), candidates: [] };
  })();
  if (result.quoteId !== null) core.emit('changed', { kinds: ['quotes'] });
  return result;
}

/** Trim a quote (new start/end within its source) or change its editorial cuts. */
export function updateQuote(core: FocalCore, id: number, patch: { start?: number | undefined; end?: number | undefined; cuts?: QuoteCut[] | undefined; codeId?: number | null | undefined }): void {
  const db = core.requireProject().db;
  requireCode(db, patch.codeId);
  db.transaction(() => {
    const q = requireQuoteRow(db, id);
    const start = patch.start ?? q.start;
    const end = patch.end ?? q.end;
    const cuts = (patch.cuts ?? parseCuts(q.cuts)).filter((c) => patch.cuts !== undefined || (c.start >= start && c.end <= end));
    checkRange(db, q.sourceId, start, end, cuts);
    db.prepare('UPDATE quotes SET start = ?, end = ?, cuts = ?, code_id = ? WHERE id = ?').run(start, end, JSON.stringify(cuts), patch.codeId === undefined ? q.codeId : patch.codeId, id);
  })();
  core.emit('changed', { kinds: ['quotes'] });
}

export function deleteQuotes(core: FocalCore, ids: number[]): number {
  const db = core.requireProject().db;
  const n = db.transaction(() => ids.reduce((sum, id) => sum + db.prepare('DELETE FROM quotes WHERE id = ?').run(id).changes, 0))();
  core.emit('changed', { kinds: ['quotes'] });
  return n;
}

export interface QuoteSelection {
  quoteIds?: number[] | undefined;
  codeId?: number | undefined;
  includeChildren?: boolean | undefined;
  sourceId?: number | undefined;
}

/** The quotes chosen: by id, by code (and children), by source, or all; in code-bank order (source, position). */
export function selectQuoteRows(db: ProjectDb, sel: QuoteSelection): QuoteRow[] {
  if (sel.quoteIds) return sel.quoteIds.map((id) => requireQuoteRow(db, id));
  let codes: number[] | null = null;
  if (sel.codeId !== undefined) {
    codes = sel.includeChildren === false
      ? [sel.codeId]
      : (db.prepare('WITH RECURSIVE d(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN d ON c.parent_id = d.id) SELECT id FROM d').pluck().all(sel.codeId) as number[]);
  }
  const rows = db.prepare(`${SELECT} ORDER BY source_id, start, id`).all() as QuoteRow[];
  return rows.filter((r) => (codes === null || (r.codeId !== null && codes.includes(r.codeId))) && (sel.sourceId === undefined || r.sourceId === sel.sourceId));
}

/** Where a page of the bank ends: the last quote's place in bank order (source, position, id). */
export interface QuoteCursor {
  sourceId: number;
  start: number;
  id: number;
}

export const encodeQuoteCursor = (c: QuoteCursor) => `${c.sourceId}.${c.start}.${c.id}`;

export function decodeQuoteCursor(s: string): QuoteCursor {
  const m = /^(\d{1,15})\.(\d{1,15})\.(\d{1,15})$/.exec(s);
  if (!m) throw new FocalError('bad-input', `"${s.slice(0, 40)}" is not a quote-bank cursor; pass the nextCursor of the page before (or none for the first page).`);
  return { sourceId: Number(m[1]), start: Number(m[2]), id: Number(m[3]) };
}

/**
 * One page of the quotes chosen (by code and children, by source, or all), in bank order, after a
 * cursor (keyset: the database seeks to the place, so page 400 costs what page 1 costs), with how
 * many there are in all. Only the page's quotes are read, checked and sent.
 */
export function selectQuotePage(db: ProjectDb, sel: Omit<QuoteSelection, 'quoteIds'>, after: QuoteCursor | null, limit: number): { rows: QuoteRow[]; total: number; nextCursor: string | null } {
  const where: string[] = [];
  const args: number[] = [];
  if (sel.codeId !== undefined) {
    if (sel.includeChildren === false) {
      where.push('code_id = ?');
      args.push(sel.codeId);
    } else {
      where.push('code_id IN (WITH RECURSIVE d(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN d ON c.parent_id = d.id) SELECT id FROM d)');
      args.push(sel.codeId);
    }
  }
  if (sel.sourceId !== undefined) {
    where.push('source_id = ?');
    args.push(sel.sourceId);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM quotes ${filter}`).pluck().get(...args) as number;
  const seek = after ? `${filter ? `${filter} AND` : 'WHERE'} (source_id, start, id) > (?, ?, ?)` : filter;
  const rows = db.prepare(`${SELECT} ${seek} ORDER BY source_id, start, id LIMIT ?`).all(...args, ...(after ? [after.sourceId, after.start, after.id] : []), limit + 1) as QuoteRow[];
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows.at(-1);
  return { rows, total, nextCursor: more && last ? encodeQuoteCursor({ sourceId: last.sourceId, start: last.start, id: last.id }) : null };
}

/** Quotes as the app shows them (original words included: in-app only). */
export function readQuotes(db: ProjectDb, rows: QuoteRow[], data = new GateData(db)): Quote[] {
  const paths = codePaths(db);
  return rows.map((r) => {
    const src = data.source(r.sourceId);
    const cuts = parseCuts(r.cuts);
    const speakers: QuoteSpeaker[] = [];
    for (const piece of keptPieces({ start: r.start, end: r.end, cuts })) {
      for (const b of speechBlocks(src, piece)) {
        const s = b.speakerId === null ? undefined : src.speakers.get(b.speakerId);
        if (!s || speakers.some((x) => x.speakerId === s.id)) continue;
        const p = s.participantId === null ? undefined : data.people.get(s.participantId);
        speakers.push({ speakerId: s.id, label: s.label, participantId: s.participantId, name: p?.name ?? null, pseudonym: p?.pseudonym ?? null, role: p?.role ?? s.role });
      }
    }
    const covering = coveringCodes(db, r.sourceId, r.start, r.end, paths).map((c) => ({ codeId: c.codeId, codePath: c.codePath }));
    const codeIds = new Set<number>([...(r.codeId !== null ? [r.codeId] : []), ...covering.map((c) => c.codeId)]);
    return {
      id: r.id,
      sourceId: r.sourceId,
      sourceTitle: src.title,
      mode: src.mode,
      start: r.start,
      end: r.end,
      cuts,
      codingId: r.codingId,
      codeId: r.codeId,
      codePath: r.codeId === null ? null : (paths.get(r.codeId) ?? null),
      codePaths: [...codeIds].map((c) => paths.get(c)).filter((p): p is string => !!p),
      coveringCodes: covering,
      speakers,
      original: assembleQuoteText(src, { start: r.start, end: r.end, cuts }),
      raw: src.text.slice(r.start, r.end),
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    };
  });
}
