/**
 * Quotes "by query": every segment a coding query returns, or every search hit (its sentence or
 * its whole turn), added to the quote bank in one step. Only quote rows are made (in-app); nothing
 * here returns transcript or pseudonymised text: text leaves the app only through the gate.
 *
 * - A range that already has a quote (same transcript, start and end) is skipped, so running the
 *   same query twice adds nothing the second time.
 * - Outside the kaupapa Māori frame (and unless the user is the kaitiaki), a range touching a
 *   restricted (tapu) passage is refused: the quote bank shows a quote's original words, which the
 *   masking keeps from such a viewer. The gate blocks restricted talk from export in any case.
 */
import type { CodingQuery, SearchFilters } from '../../../shared/domain/analysis';
import type { QuotesAdded, SearchQuoteScope } from '../../../shared/domain/quotes-from';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { queryRanges } from '../queries/coding-query';
import { allMatches, textReader } from '../search/search';
import { mayReadRestricted, restrictedRanges } from '../tikanga/sensitivity';
import { sourceTextLength } from '../sources/source-length';

export const MAX_QUOTES_AT_ONCE = 100_000;

interface Candidate {
  sourceId: number;
  start: number;
  end: number;
  codeId: number | null;
  codingId: number | null;
}

const REFUSED_REASON =
  'These passages touch a restricted (tapu) passage; they can be quoted only by someone working in a kaupapa Māori frame or by the kaitiaki.';

/** The frame the viewer works in: the one given, else the frame of the first code named. */
function viewerFrame(db: ProjectDb, frameId: number | undefined, codeIds: number[]): number | undefined {
  if (frameId !== undefined) return frameId;
  const first = codeIds[0];
  if (first === undefined) return undefined;
  return (db.prepare('SELECT frame_id FROM codes WHERE id = ?').pluck().get(first) as number | undefined) ?? undefined;
}

/** Per source: whether a range may be quoted by this viewer (false when it touches a tapu passage they may not read). */
function restrictedCheck(core: FocalCore, frameId: number | undefined): (c: { sourceId: number; start: number; end: number }) => boolean {
  const db = core.requireProject().db;
  const has = db.prepare("SELECT 1 FROM sensitivity_labels WHERE source_id = ? AND label = 'restricted' LIMIT 1").pluck();
  const cache = new Map<number, Array<{ start: number; end: number }>>();
  return (c) => {
    let ranges = cache.get(c.sourceId);
    if (!ranges) {
      ranges = has.get(c.sourceId) && !mayReadRestricted(core, c.sourceId, frameId) ? restrictedRanges(db, c.sourceId, sourceTextLength(db, c.sourceId)?.length ?? 0) : [];
      cache.set(c.sourceId, ranges);
    }
    return ranges.some((r) => c.start < r.end && r.start < c.end);
  };
}

/** Inserts the candidates not already in the bank, in one transaction. */
function addCandidates(core: FocalCore, candidates: Candidate[], frameId: number | undefined, notSpeech = 0): QuotesAdded {
  if (candidates.length > MAX_QUOTES_AT_ONCE)
    throw new FocalError('bad-input', `This would make ${candidates.length.toLocaleString('en-NZ')} quotes; narrow it (fewer codes, a filter) to at most ${MAX_QUOTES_AT_ONCE.toLocaleString('en-NZ')}.`);
  const db = core.requireProject().db;
  const touchesTapu = restrictedCheck(core, frameId);
  const exists = db.prepare('SELECT 1 FROM quotes WHERE source_id = ? AND start = ? AND end = ? LIMIT 1').pluck();
  const insert = db.prepare('INSERT INTO quotes (source_id, start, end, coding_id, code_id, cuts, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const out: QuotesAdded = { quoteIds: [], added: 0, skipped: 0, refused: 0, refusedReason: null, notSpeech };
  const now = core.now();
  const seen = new Set<string>();
  db.transaction(() => {
    for (const c of candidates) {
      if (c.end <= c.start) continue;
      const key = `${c.sourceId}:${c.start}:${c.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (touchesTapu(c)) {
        out.refused++;
        out.refusedReason = REFUSED_REASON;
        continue;
      }
      if (exists.get(c.sourceId, c.start, c.end)) {
        out.skipped++;
        continue;
      }
      out.quoteIds.push(Number(insert.run(c.sourceId, c.start, c.end, c.codingId, c.codeId, '[]', core.actor, now).lastInsertRowid));
    }
  })();
  out.added = out.quoteIds.length;
  if (out.added) core.emit('changed', { kinds: ['quotes'] });
  return out;
}

/** A quote for every segment the coding query returns (all of them, not a page). */
export function quotesFromQuery(core: FocalCore, q: CodingQuery): QuotesAdded {
  const db = core.requireProject().db;
  const { ranges, codings } = queryRanges(db, q);
  const queried = [...new Set([...(q.all ?? []), ...(q.any ?? []), ...(q.near?.codeIds ?? [])])];
  const exact = db.prepare(`SELECT id, code_id AS codeId FROM codings WHERE source_id = ? AND start = ? AND end = ? AND code_id IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 1`);
  const candidates: Candidate[] = [];
  for (const [sourceId, rs] of [...ranges].sort((a, b) => a[0] - b[0])) {
    for (const r of rs) {
      // The quote files under the first queried code that covers the segment (the quote bank groups by code).
      const cover = queried.flatMap((id) => (codings.get(id)?.get(sourceId) ?? []).filter((c) => c.start < r.end && c.end > r.start).map((c) => c.codeId));
      // A segment that is exactly one coding keeps the link to it (and files under that coding's code).
      const same = exact.get(sourceId, r.start, r.end, JSON.stringify(cover)) as { id: number; codeId: number } | undefined;
      candidates.push({ sourceId, start: r.start, end: r.end, codeId: same?.codeId ?? cover[0] ?? queried[0] ?? null, codingId: same?.id ?? null });
    }
  }
  return addCandidates(core, candidates, viewerFrame(db, q.frameId, [...queried, ...(q.none ?? [])]));
}

/** Sentence ends in a turn: after . ! ? … (and any closing quote or bracket) followed by white space. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)/g;

/**
 * The sentences of `text` (a block, starting at `base` in the source) that hold the matches,
 * overlapping ones merged, leading and trailing white space left out. Source offsets.
 */
export function sentencesAround(text: string, base: number, matches: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const ends: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) ends.push(m.index + m[0].length);
  const out: Array<{ start: number; end: number }> = [];
  for (const m of matches) {
    const ms = m.start - base;
    const me = m.end - base;
    let s = 0;
    for (const e of ends) if (e <= ms) s = e;
    let e = text.length;
    for (const x of ends)
      if (x >= me) {
        e = x;
        break;
      }
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last && s + base <= last.end) last.end = Math.max(last.end, e + base);
    else out.push({ start: s + base, end: e + base });
  }
  return out;
}

/** A quote for every search hit in speech: the sentence(s) with the matched words, or the whole turn. */
export function quotesFromSearch(core: FocalCore, input: { query: string; filters?: SearchFilters | undefined; scope: SearchQuoteScope; viewFrameId?: number | undefined }): QuotesAdded {
  const db = core.requireProject().db;
  const rows = allMatches(db, input.query, input.filters, MAX_QUOTES_AT_ONCE);
  const textOf = textReader(db);
  const codeId = input.filters?.codeId ?? null;
  const candidates: Candidate[] = [];
  let notSpeech = 0;
  for (const r of rows) {
    if (r.kind !== 'turn') {
      notSpeech++;
      continue;
    }
    const matches = [...r.matches].sort((a, b) => a.start - b.start);
    const ranges = input.scope === 'turn' ? [{ start: r.start, end: r.end }] : sentencesAround(textOf(r.sourceId).slice(r.start, r.end), r.start, matches);
    for (const g of ranges) candidates.push({ sourceId: r.sourceId, start: g.start, end: g.end, codeId, codingId: null });
  }
  return addCandidates(core, candidates, input.viewFrameId, notSpeech);
}
