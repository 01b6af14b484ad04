/**
 * Which code a quote is filed under (its heading in a Word or Markdown bank). A quote made from
 * a selection takes the code whose codings cover the whole selection; when several codes do, the
 * person chooses (the active frame's codes first); a quote can be re-filed under any code that
 * covers it, or Uncoded.
 */
import type { FilingCandidate } from '../../../shared/domain/quotes';
import type { ProjectDb } from '../db/open-project';
import { codePaths } from './quote-store';

/**
 * Codes whose codings cover [start, end) of a source (several codings of one code together count,
 * across gaps of white space only, such as the break between two coded turns), by frame then path.
 */
export function coveringCodes(db: ProjectDb, sourceId: number, start: number, end: number, paths = codePaths(db)): FilingCandidate[] {
  const rows = db
    .prepare(
      `SELECT c.code_id AS codeId, c.start, c.end, k.frame_id AS frameId, f.name AS frameName
       FROM codings c JOIN codes k ON k.id = c.code_id JOIN code_frames f ON f.id = k.frame_id
       WHERE c.source_id = ? AND c.start < ? AND c.end > ? ORDER BY c.code_id, c.start`,
    )
    .all(sourceId, end, start) as Array<{ codeId: number; start: number; end: number; frameId: number; frameName: string }>;
  if (!rows.length) return [];
  const text = db.prepare('SELECT substr(text, ? + 1, ? - ?) FROM sources WHERE id = ?').pluck().get(start, end, start, sourceId) as string;
  const blank = (from: number, to: number) => /^\s*$/.test(text.slice(from - start, to - start));
  const out: FilingCandidate[] = [];
  for (let i = 0; i < rows.length; ) {
    const code = rows[i]!;
    let at = start;
    let covered = true;
    for (; i < rows.length && rows[i]!.codeId === code.codeId; i++) {
      const r = rows[i]!;
      if (r.start > at && !blank(at, r.start)) covered = false;
      at = Math.max(at, r.end);
    }
    if (covered && (at >= end || blank(at, end))) out.push({ codeId: code.codeId, codePath: paths.get(code.codeId) ?? '', frameId: code.frameId, frameName: code.frameName });
  }
  return out.sort((a, b) => a.frameId - b.frameId || a.codePath.localeCompare(b.codePath, 'en-NZ'));
}

/**
 * The code a new quote from a selection is filed under: the one covering code (of the active
 * frame, when it has any); null when none covers it; `candidates` when several do and the person
 * must choose.
 */
export function fileSelection(candidates: FilingCandidate[], frameId: number | undefined): { codeId: number | null; candidates: FilingCandidate[] } {
  const inFrame = frameId === undefined ? [] : candidates.filter((c) => c.frameId === frameId);
  const pool = inFrame.length ? inFrame : candidates;
  if (pool.length === 0) return { codeId: null, candidates: [] };
  if (pool.length === 1) return { codeId: pool[0]!.codeId, candidates: [] };
  return { codeId: null, candidates: [...pool, ...candidates.filter((c) => !pool.includes(c))] };
}
