/**
 * Settling disagreements from the Agreement view: one code × source cell, its coders' ranges and
 * where they differ; accepting one coder's coding for another (the other's codings of the code in
 * that range are replaced by the first's), or recording it as the coder `consensus`. Undoable.
 */
import type { AgreementCell } from '../../../shared/api/calls-team';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import { assertCodable } from '../tikanga/coding-guard';
import { codePaths } from './agreement';
import { mergeRanges, type Range } from './intervals';

export const CONSENSUS = 'consensus';

function rangesOf(db: ProjectDb, codeId: number, sourceId: number, coder: string, length: number): Array<[number, number]> {
  const rows = db.prepare('SELECT start, end FROM codings WHERE code_id = ? AND source_id = ? AND coder = ?').raw().all(codeId, sourceId, coder) as Array<[number, number]>;
  return mergeRanges(rows, length);
}

function sourceLength(db: ProjectDb, sourceId: number): number {
  const text = db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string | undefined;
  if (text === undefined) throw new FocalError('not-found', `No source with id ${sourceId}.`);
  return text.length;
}

/** Ranges where some but not all coders coded. */
export function disagreements(per: ReadonlyArray<readonly Range[]>): Array<[number, number]> {
  const events: Array<[number, number]> = [];
  for (const rs of per) for (const [s, e] of rs) events.push([s, 1], [e, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  let depth = 0;
  let at = 0;
  for (const [pos, d] of events) {
    if (pos > at && depth > 0 && depth < per.length) {
      const last = out[out.length - 1];
      if (last && last[1] === at) last[1] = pos;
      else out.push([at, pos]);
    }
    at = pos;
    depth += d;
  }
  return out;
}

export function agreementCell(db: ProjectDb, codeId: number, sourceId: number, coders: string[]): AgreementCell {
  const path = codePaths(db).get(codeId);
  if (!path) throw new FocalError('not-found', `No code with id ${codeId}.`);
  const length = sourceLength(db, sourceId);
  const ranges = coders.map((c) => rangesOf(db, codeId, sourceId, c.normalize('NFC'), length));
  return { codeId, code: path.path, sourceId, coders, ranges, disagreements: disagreements(ranges), consensus: rangesOf(db, codeId, sourceId, CONSENSUS, length) };
}

export function resolveCoding(core: FocalCore, i: { codeId: number; sourceId: number; from: string; to?: string | undefined; consensus: boolean; range?: [number, number] | undefined }): { removed: number; added: number; undoLabel: string | null } {
  const db = core.requireProject().db;
  const path = codePaths(db).get(i.codeId);
  if (!path) throw new FocalError('not-found', `No code with id ${i.codeId}.`);
  const length = sourceLength(db, i.sourceId);
  const [lo, hi] = i.range ?? [0, length];
  if (hi > length) throw new FocalError('bad-input', `The range ends at ${hi}, after the end of the source (${length}).`);
  const from = i.from.normalize('NFC');
  const to = i.consensus ? CONSENSUS : i.to!.normalize('NFC');
  if (from === to) throw new FocalError('bad-input', 'Accepting a coder\'s coding for themselves changes nothing; choose the other coder.');
  const source = rangesOf(db, i.codeId, i.sourceId, from, length)
    .map(([s, e]) => [Math.max(s, lo), Math.min(e, hi)] as [number, number])
    .filter(([s, e]) => e > s);
  const frameId = path.frameId;
  assertCodable(db, frameId, i.sourceId, source.map(([start, end]) => ({ start, end })));
  const label = i.consensus ? `Record ${from}'s coding of ${path.path} as consensus` : `Accept ${from}'s coding of ${path.path} for ${to}`;
  let removed = 0;
  let added = 0;
  const before = db.prepare('SELECT count(*) FROM history').pluck().get() as number;
  undoable(db, label, core.now(), () => {
    // The target coder's codings in the range: trimmed to outside it, then the accepted ranges added.
    const rows = db.prepare('SELECT id, start, end, created_at FROM codings WHERE code_id = ? AND source_id = ? AND coder = ? AND start < ? AND end > ?').all(i.codeId, i.sourceId, to, hi, lo) as Array<{ id: number; start: number; end: number; created_at: string }>;
    const ins = db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of rows) {
      db.prepare('DELETE FROM codings WHERE id = ?').run(r.id);
      removed++;
      if (r.start < lo) ins.run(i.codeId, i.sourceId, r.start, lo, to, r.created_at);
      if (r.end > hi) ins.run(i.codeId, i.sourceId, hi, r.end, to, r.created_at);
    }
    for (const [s, e] of source) {
      ins.run(i.codeId, i.sourceId, s, e, to, core.now());
      added++;
    }
  });
  const recorded = (db.prepare('SELECT count(*) FROM history').pluck().get() as number) !== before || removed + added > 0;
  core.emit('changed', { kinds: ['codings', 'history'] });
  return { removed, added, undoLabel: recorded && removed + added > 0 ? label : null };
}
