/**
 * The sessions a bulk coding covers (auto-code, code all results): by default the frame's own, so
 * the two ways of working stay apart unless a person chooses to mix them. A kaupapa Māori frame →
 * tikanga-based sessions and sessions that chose it; a mainstream frame → sessions open to it (a
 * tikanga-based one only once its kaitiaki opened it to the frame). An explicit mode ('both',
 * 'tikanga', 'mainstream') or list of sessions is the person's choice; the coding rules still apply.
 */
import type { CodingScope, HitRef, ScopeMode, ScopeSourceHits } from '../../../shared/domain/coding';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { frameAppliesTo } from './frame-sources';

type SourceRow = { id: number; title: string; mode: 'mainstream' | 'tikanga' };

export function codingScope(db: ProjectDb, frameId: number, input: { mode?: ScopeMode | undefined; sourceIds?: number[] | undefined }): CodingScope {
  const frame = db.prepare('SELECT id, name, kind FROM code_frames WHERE id = ?').get(frameId) as { id: number; name: string; kind: 'mainstream' | 'kaupapa-maori' } | undefined;
  if (!frame) throw new FocalError('not-found', `There is no code frame with id ${frameId}.`);
  let rows = db.prepare('SELECT id, title, mode FROM sources ORDER BY id').all() as SourceRow[];
  if (input.sourceIds) {
    const want = new Set(input.sourceIds);
    rows = rows.filter((r) => want.has(r.id));
  }
  const chosenHere = new Set(db.prepare('SELECT source_id FROM frame_sources WHERE frame_id = ?').pluck().all(frameId) as number[]);
  const defaultMode: ScopeMode = frame.kind === 'kaupapa-maori' ? 'tikanga' : 'mainstream';
  const mode = input.mode ?? defaultMode;
  let sources: SourceRow[];
  if (input.mode === undefined) {
    sources = frame.kind === 'kaupapa-maori' ? rows.filter((r) => r.mode === 'tikanga' || chosenHere.has(r.id)) : rows.filter((r) => frameAppliesTo(db, frameId, r.id).applies);
  } else {
    sources = mode === 'both' ? rows : rows.filter((r) => r.mode === mode);
  }
  const modeLabel = mode === 'both' ? 'both modes (mainstream and tikanga-based sessions mixed)' : mode === 'tikanga' ? 'tikanga-based sessions' : 'mainstream sessions';
  const label =
    input.mode === undefined
      ? `Sessions of the frame "${frame.name}": ${frame.kind === 'kaupapa-maori' ? 'tikanga-based sessions and sessions that chose it' : 'sessions open to it (not tikanga-based ones unless the kaitiaki opened them to it)'}`
      : `Chosen: ${modeLabel}`;
  return { frameId, frameName: frame.name, frameKind: frame.kind, mode, chosen: input.mode !== undefined || input.sourceIds !== undefined, label: input.sourceIds ? `${label}, ${sources.length} chosen session${sources.length === 1 ? '' : 's'}` : label, sources };
}

/** Hits per session, in the scope's order. */
export function hitsPerSource(scope: CodingScope, hits: Array<{ sourceId: number; exists: boolean }>): ScopeSourceHits[] {
  const out = new Map<number, ScopeSourceHits>();
  for (const s of scope.sources) out.set(s.id, { sourceId: s.id, sourceTitle: s.title, mode: s.mode, hits: 0, alreadyCoded: 0 });
  for (const h of hits) {
    const row = out.get(h.sourceId);
    if (!row) continue;
    row.hits++;
    if (h.exists) row.alreadyCoded++;
  }
  return [...out.values()].filter((r) => r.hits > 0);
}

/** keptHits as a test for one hit at a time (for a search that streams over the transcripts). */
export function hitFilter(input: { keep?: HitRef[] | undefined; skip?: HitRef[] | undefined }): (h: HitRef) => boolean {
  if (input.keep && input.skip) throw new FocalError('bad-input', 'Give either the hits to keep or the hits to skip, not both.');
  const key = (h: HitRef) => `${h.sourceId}:${h.start}:${h.end}`;
  if (input.keep) {
    const want = new Set(input.keep.map(key));
    return (h) => want.has(key(h));
  }
  if (input.skip) {
    const drop = new Set(input.skip.map(key));
    return (h) => !drop.has(key(h));
  }
  return () => true;
}

/** Which found hits a person kept: exactly the kept ones that were found, or every found one but the unticked. */
export function keptHits<T extends HitRef>(found: T[], input: { keep?: HitRef[] | undefined; skip?: HitRef[] | undefined }): T[] {
  if (input.keep && input.skip) throw new FocalError('bad-input', 'Give either the hits to keep or the hits to skip, not both.');
  const key = (h: HitRef) => `${h.sourceId}:${h.start}:${h.end}`;
  if (input.keep) {
    const want = new Set(input.keep.map(key));
    return found.filter((f) => want.has(key(f)));
  }
  if (input.skip) {
    const drop = new Set(input.skip.map(key));
    return found.filter((f) => !drop.has(key(f)));
  }
  return found;
}
