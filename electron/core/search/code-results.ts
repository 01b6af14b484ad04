/**
 * "Code all results": every search hit (the matched words, or the whole turns they are in)
 * coded with one code in one undoable step, with a preview first. Same rules as coding-apply and
 * coding-apply-blocks: a range already coded with the code is not coded twice; empty ranges skip.
 * The sessions covered default to the code's frame's own (frames/frame-scope.ts); the preview lists
 * the hits per session and the person can untick some: applying takes the kept (or unticked) hits.
 */
import type { CodeResultsPreview, CodeResultsScope, SearchFilters } from '../../../shared/domain/analysis';
import type { HitRef, ScopeMode } from '../../../shared/domain/coding';
import { codingScope, hitsPerSource, keptHits } from '../frames/frame-scope';
import type { FocalCore } from '../app/focal-core';
import { requireCode } from '../codes/code-edits';
import { codableCheck } from '../tikanga/coding-guard';
import type { ProjectDb } from '../db/open-project';
import { undoable } from '../history/history';
import type { Job } from '../jobs/jobs';
import { allMatches, textReader } from './search';

export const MAX_CODE_ALL = 100_000;
const PREVIEW_MAX = 500;

export interface CodeResultsInput {
  query: string;
  filters?: SearchFilters | undefined;
  codeId: number;
  scope: CodeResultsScope;
  /** Which sessions (default: the code's frame's own); 'both' mixes modes on purpose. */
  mode?: ScopeMode | undefined;
  keep?: HitRef[] | undefined;
  skip?: HitRef[] | undefined;
}

interface Planned {
  sourceId: number;
  sourceTitle: string;
  speaker: string | null;
  start: number;
  end: number;
  blockStart: number;
  blockEnd: number;
  exists: boolean;
}

/** Ranges of a source this viewer may not read (restricted passages); a hit in one is dropped, as search drops it. */
export type HiddenRanges = (sourceId: number) => Array<{ start: number; end: number }>;
const NONE_HIDDEN: HiddenRanges = () => [];

function plan(db: ProjectDb, input: CodeResultsInput, hidden: HiddenRanges = NONE_HIDDEN): { planned: Planned[]; turns: number; notCodable: number; notCodableReason: string | null; scope: ReturnType<typeof codingScope> } {
  const frameId = requireCode(db, input.codeId).frame_id;
  const check = codableCheck(db, frameId);
  const scope = codingScope(db, frameId, { mode: input.mode ?? input.filters?.mode, sourceIds: input.filters?.sourceIds });
  let notCodable = 0;
  let notCodableReason: string | null = null;
  // A hit whose matched words lie in a passage the viewer may not read is dropped before anything
  // is counted: the preview must answer exactly as for a word that is nowhere (no yes/no oracle).
  const rows = allMatches(db, input.query, { ...input.filters, sourceIds: scope.sources.map((x) => x.id) }, MAX_CODE_ALL).filter((r) => {
    const h = hidden(r.sourceId);
    return !h.length || !r.matches.some((m) => h.some((x) => m.start < x.end && x.start < m.end));
  });
  const exists = db.prepare('SELECT 1 FROM codings WHERE code_id = ? AND source_id = ? AND start = ? AND end = ?').pluck();
  const seen = new Set<string>();
  const planned: Planned[] = [];
  for (const r of rows) {
    const ranges = input.scope === 'turns' ? [{ start: r.start, end: r.end }] : r.matches;
    for (const g of ranges) {
      if (g.end <= g.start) continue;
      const key = `${r.sourceId}:${g.start}:${g.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const why = check(r.sourceId, g);
      if (why) {
        notCodable++;
        notCodableReason ??= why.message;
        continue;
      }
      planned.push({ sourceId: r.sourceId, sourceTitle: r.sourceTitle, speaker: r.name ?? r.label, start: g.start, end: g.end, blockStart: r.start, blockEnd: r.end, exists: !!exists.get(input.codeId, r.sourceId, g.start, g.end) });
    }
  }
  return { planned, turns: rows.length, notCodable, notCodableReason, scope };
}

/** `textOf`: the text the sample is cut from (the caller's masked view of restricted passages, tikanga/mask-calls.ts). */
export function previewCodeResults(db: ProjectDb, input: CodeResultsInput, textOf: (sourceId: number) => string = textReader(db), hidden: HiddenRanges = NONE_HIDDEN): CodeResultsPreview {
  requireCode(db, input.codeId);
  const { planned, turns, notCodable, notCodableReason, scope } = plan(db, input, hidden);
  const fresh = planned.filter((p) => !p.exists);
  const context = (p: Planned) => {
    const text = textOf(p.sourceId);
    const long = p.end - p.start > 200;
    return {
      text: long ? `${text.slice(p.start, p.start + 200)}…` : text.slice(p.start, p.end),
      before: long ? '' : (p.start - 60 > p.blockStart ? '…' : '') + text.slice(Math.max(p.blockStart, p.start - 60), p.start),
      after: long ? '' : text.slice(p.end, Math.min(p.blockEnd, p.end + 60)) + (p.end + 60 < p.blockEnd ? '…' : ''),
    };
  };
  return {
    hits: fresh.slice(0, PREVIEW_MAX).map((p) => ({ sourceId: p.sourceId, sourceTitle: p.sourceTitle, start: p.start, end: p.end, speaker: p.speaker, ...context(p) })),
    truncated: fresh.length > PREVIEW_MAX,
    scope,
    perSource: hitsPerSource(scope, planned),
    ranges: fresh.length,
    alreadyCoded: planned.length - fresh.length,
    notCodable,
    notCodableReason,
    sources: new Set(fresh.map((p) => p.sourceId)).size,
    turns,
    sample: fresh.slice(0, 5).map((p) => ({ sourceTitle: p.sourceTitle, speaker: p.speaker, ...context(p) })),
  };
}

/**
 * As a job: progress while the results are found and while they are coded; Stop after the search
 * writes nothing, and the write is one transaction and one undo step (never half the results).
 */
export async function applyCodeResults(core: FocalCore, input: CodeResultsInput, hidden: HiddenRanges = NONE_HIDDEN, job?: Job): Promise<{ coded: number; alreadyCoded: number }> {
  const db = core.requireProject().db;
  const code = requireCode(db, input.codeId);
  job?.progress(0, 2, 'Finding every result');
  await job?.tick();
  const { planned } = plan(db, input, hidden);
  const fresh = keptHits(planned.filter((p) => !p.exists), input);
  job?.progress(1, 2, `Coding ${fresh.length.toLocaleString('en-NZ')} results with “${code.name}”`);
  await job?.tick();
  if (!fresh.length) return { coded: 0, alreadyCoded: planned.length };
  const insert = db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const now = core.now();
  const what = input.scope === 'turns' ? 'turns' : 'search hits';
  undoable(db, `Code ${fresh.length} ${what} with "${code.name}"`, now, () => {
    for (const p of fresh) insert.run(code.id, p.sourceId, p.start, p.end, core.actor, now);
  });
  job?.progress(2, 2, `Coded ${fresh.length.toLocaleString('en-NZ')} results`);
  core.emit('changed', { kinds: ['codings', 'codes', 'history'] });
  return { coded: fresh.length, alreadyCoded: planned.length - fresh.length };
}
