/**
 * Inter-coder agreement per code × source, pooled per code and overall (agreement-stats.ts has the
 * formulas). Units are characters (UTF-16 code units, the unit of every offset) or turns. Which
 * rows: the codes asked for (default: every code one of the coders used) × the sources asked for
 * (default: every source in which one of the coders coded anything, so a transcript nobody on
 * the team has read does not count as perfect agreement on absence).
 */
import type { AgreementReport, AgreementRow } from '../../../shared/api/calls-team';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { addCounts, figures, kappaBand, type Counts } from './agreement-stats';
import { coverageHistogram, mergeRanges, rangesLength, turnHistogram, type Range } from './intervals';

export interface AgreementInput {
  coders: string[];
  codeIds?: number[] | undefined;
  sourceIds?: number[] | undefined;
  unit: 'character' | 'turn';
}

export function codePaths(db: ProjectDb): Map<number, { path: string; frameId: number }> {
  const rows = db.prepare('SELECT id, parent_id AS parentId, name, frame_id AS frameId FROM codes').all() as Array<{ id: number; parentId: number | null; name: string; frameId: number }>;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<number, { path: string; frameId: number }>();
  const pathOf = (id: number, depth = 0): string => {
    const hit = out.get(id);
    if (hit) return hit.path;
    const r = byId.get(id)!;
    const p = r.parentId !== null && byId.has(r.parentId) && depth < 200 ? `${pathOf(r.parentId, depth + 1)}/${r.name}` : r.name;
    out.set(id, { path: p, frameId: r.frameId });
    return p;
  };
  for (const r of rows) pathOf(r.id);
  return out;
}

export function computeAgreement(db: ProjectDb, input: AgreementInput): AgreementReport {
  const coders = [...new Set(input.coders.map((c) => c.normalize('NFC')))];
  if (coders.length < 2) throw new FocalError('bad-input', 'Agreement needs at least two different coders.');
  const hasCodings = db.prepare('SELECT 1 FROM codings WHERE coder = ? LIMIT 1').pluck();
  const unknown = coders.filter((c) => !hasCodings.get(c));
  if (unknown.length) {
    const known = (db.prepare('SELECT DISTINCT coder FROM codings').pluck().all() as string[]).sort();
    throw new FocalError('bad-input', `No codings by ${unknown.map((u) => `"${u}"`).join(', ')} in this project; coders here: ${known.join(', ') || 'none'}.`);
  }

  const paths = codePaths(db);
  for (const id of input.codeIds ?? []) if (!paths.has(id)) throw new FocalError('not-found', `No code with id ${id}.`);
  // code -> source -> per-coder ranges, read as raw rows (no object per coding).
  const byCode = new Map<number, Map<number, Range[][]>>();
  const touched = new Set<number>();
  const read = db.prepare('SELECT code_id, source_id, start, end FROM codings WHERE coder = ?').raw();
  coders.forEach((coder, ci) => {
    for (const [codeId, sourceId, start, end] of read.iterate(coder) as Iterable<[number, number, number, number]>) {
      touched.add(sourceId);
      let bySource = byCode.get(codeId);
      if (!bySource) byCode.set(codeId, (bySource = new Map()));
      let per = bySource.get(sourceId);
      if (!per) bySource.set(sourceId, (per = coders.map(() => [])));
      per[ci]!.push([start, end]);
    }
  });
  const codeIds = input.codeIds?.length ? [...new Set(input.codeIds)] : [...byCode.keys()].sort((a, b) => paths.get(a)!.path.localeCompare(paths.get(b)!.path));
  const sourceIds = input.sourceIds?.length ? [...new Set(input.sourceIds)] : [...touched].sort((a, b) => a - b);
  const sourceInfo = new Map<number, { title: string; units: number; turns: Range[] }>();
  const getText = db.prepare('SELECT title, text FROM sources WHERE id = ?');
  const getTurns = db.prepare("SELECT start, end FROM blocks WHERE source_id = ? AND kind = 'turn' ORDER BY start");
  for (const id of sourceIds) {
    const s = getText.get(id) as { title: string; text: string } | undefined;
    if (!s) throw new FocalError('not-found', `No source with id ${id}.`);
    const turns = input.unit === 'turn' ? (getTurns.raw().all(id) as Array<[number, number]>) : [];
    sourceInfo.set(id, { title: s.title, units: input.unit === 'turn' ? turns.length : s.text.length, turns });
  }

  const rows: AgreementRow[] = [];
  const pooled: AgreementRow[] = [];
  let overall: Counts | null = null;
  for (const codeId of codeIds) {
    const { path, frameId } = paths.get(codeId)!;
    let perCode: Counts | null = null;
    for (const sourceId of sourceIds) {
      const info = sourceInfo.get(sourceId)!;
      const raw = byCode.get(codeId)?.get(sourceId) ?? coders.map(() => []);
      const length = input.unit === 'turn' ? (info.turns[info.turns.length - 1]?.[1] ?? 0) : info.units;
      const merged = raw.map((r) => mergeRanges(r, input.unit === 'turn' ? Number.MAX_SAFE_INTEGER : length));
      let counts: Counts;
      if (input.unit === 'turn') {
        const t = turnHistogram(merged, info.turns);
        counts = { units: info.units, hist: t.hist, coded: t.coded };
      } else {
        counts = { units: info.units, hist: coverageHistogram(merged, info.units), coded: merged.map(rangesLength) };
      }
      rows.push(row(path, codeId, frameId, sourceId, info.title, coders, counts));
      perCode = addCounts(perCode, counts);
      overall = addCounts(overall, counts);
    }
    if (perCode) pooled.push(row(path, codeId, frameId, null, null, coders, perCode));
  }
  return {
    coders,
    unit: input.unit,
    rows,
    pooled,
    overall: overall ? row(null, null, null, null, null, coders, overall) : null,
    note:
      input.unit === 'turn'
        ? 'Units are turns: a coder coded a turn when any of their codings of the code overlaps it. Turns nobody coded count as agreement on absence.'
        : 'Units are characters (UTF-16 code units, as offsets count). Text nobody coded counts as agreement on absence, so per-code figures on long sources run high; agreement over coded units only leaves it out.',
  };
}

function row(code: string | null, codeId: number | null, frameId: number | null, sourceId: number | null, sourceTitle: string | null, coders: string[], c: Counts): AgreementRow {
  const f = figures(c);
  return { code, codeId, frameId, sourceId, sourceTitle, coders, ...f, band: kappaBand(f.kappa ?? f.alpha), codedBy: c.coded };
}
