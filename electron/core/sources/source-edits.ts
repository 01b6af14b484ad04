/** Editing a transcript's details, and removing a transcript. Its text never changes after import. */
import type { SourceDetail } from '../../../shared/domain/project';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { governingGroups, requireGoverningKaitiaki } from '../kaitiaki/authority';
import { storeStatement } from '../kaitiaki/statements';
import { sourceSha } from '../kaitiaki/subjects';
import { getSource } from './source-queries';

export interface SourcePatch {
  sourceId: number;
  title?: string | undefined;
  sessionDate?: string | null | undefined;
  mode?: 'mainstream' | 'tikanga' | undefined;
  kind?: string | undefined;
  groupId?: number | null | undefined;
  facilitators?: string | undefined;
  location?: string | undefined;
  round?: string | undefined;
  notes?: string | undefined;
}

const COLUMNS: Record<Exclude<keyof SourcePatch, 'sourceId'>, string> = {
  title: 'title',
  sessionDate: 'session_date',
  mode: 'mode',
  kind: 'kind',
  groupId: 'group_id',
  facilitators: 'facilitators',
  location: 'location',
  round: 'round',
  notes: 'notes',
};

export function updateSource(core: FocalCore, patch: SourcePatch): SourceDetail {
  const p = core.requireProject();
  const before = getSource(p.db, patch.sourceId);
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    if (patch[key] === undefined) continue;
    sets.push(`${column} = ?`);
    values.push(patch[key]);
  }
  if (patch.groupId) {
    const g = p.db.prepare("SELECT kind FROM participants WHERE id = ?").get(patch.groupId) as { kind: string } | undefined;
    if (g?.kind !== 'group') throw new FocalError('bad-input', `Participant ${patch.groupId} is not a group; a transcript's group must be a group.`);
  }
  // Taking a tikanga-based source out of its mode or its group removes its protections: only its
  // kaitiaki can, with their key (a signed statement). Making a source tikanga-based adds them: anyone.
  // Naming as its group the one group that already governs it (by its speakers) changes nothing.
  const governing = governingGroups(p.db, patch.sourceId);
  const confirmsGroup = before.groupId === null && patch.groupId != null && governing.length === 1 && governing[0] === patch.groupId;
  const unprotect = before.mode === 'tikanga' && ((patch.mode !== undefined && patch.mode !== 'tikanga') || (patch.groupId !== undefined && patch.groupId !== before.groupId && !confirmsGroup));
  const kaitiaki = unprotect ? requireGoverningKaitiaki(core, patch.sourceId, `"${before.title}" is a tikanga-based session`) : [];
  if (sets.length) {
    p.db.transaction(() => {
      for (const a of kaitiaki) {
        storeStatement(p.db, a.key, {
          groupId: a.groupId,
          kind: 'source-change',
          by: a.kaitiakiName,
          at: core.now(),
          subject: { source: { id: before.id, sha256: sourceSha(p.db, before.id) }, from: { mode: before.mode, groupId: before.groupId }, to: { mode: patch.mode ?? before.mode, groupId: patch.groupId !== undefined ? patch.groupId : before.groupId } },
        });
      }
      p.db.prepare(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`).run(...values, patch.sourceId);
      const changed = Object.fromEntries(Object.keys(COLUMNS).filter((k) => patch[k as keyof SourcePatch] !== undefined).map((k) => [k, { from: before[k as keyof SourceDetail] ?? null, to: patch[k as keyof SourcePatch] }]));
      p.audit(core.actor, 'source-updated', { sourceId: patch.sourceId, changed }, core.now());
    })();
    core.emit('changed', { kinds: ['sources'] });
  }
  return getSource(p.db, patch.sourceId);
}

export function deleteSource(core: FocalCore, sourceId: number): null {
  const p = core.requireProject();
  const src = getSource(p.db, sourceId);
  p.db.transaction(() => {
    p.db.prepare('DELETE FROM search_index WHERE block_id IN (SELECT id FROM blocks WHERE source_id = ?)').run(sourceId);
    // Memos about the transcript or its coded segments go with it (they have no foreign key to cascade).
    p.db.prepare("DELETE FROM memos WHERE target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE source_id = ?)").run(sourceId);
    p.db.prepare("DELETE FROM memos WHERE target_kind = 'source' AND target_id = ?").run(sourceId);
    p.db.prepare('DELETE FROM sources WHERE id = ?').run(sourceId);
    p.audit(core.actor, 'source-deleted', { sourceId, title: src.title, fileName: src.fileName }, core.now());
  })();
  // Its codings, quotes, passage marks and memos went with it: every view listing those reloads.
  core.emit('changed', { kinds: ['sources', 'codings', 'codes', 'quotes', 'memos'] });
  return null;
}
