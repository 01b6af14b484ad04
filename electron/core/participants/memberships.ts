/** Group membership: who belongs to which group (rōpū, whānau, organisation, focus group). */
import type { GroupTikanga } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { governingGroups } from '../kaitiaki/authority';
import { getGroupTikanga } from '../tikanga/groups';
import { requireGroup } from '../tikanga/kaitiaki';
import { commit } from './commit';
import { requireParticipant } from './participant-queries';

/** Every participant inside this group, directly or through groups within it. */
function everyoneInside(db: ProjectDb, groupId: number): Set<number> {
  const ids = db
    .prepare(
      `WITH RECURSIVE inside(id) AS (
         SELECT member_id FROM group_members WHERE group_id = ?
         UNION SELECT gm.member_id FROM group_members gm JOIN inside ON gm.group_id = inside.id)
       SELECT id FROM inside`,
    )
    .pluck()
    .all(groupId) as number[];
  return new Set(ids);
}

/**
 * Makes `groupIds` exactly the groups this participant belongs to (memberships kept keep their
 * role). Only groups can have members, and no group can end up inside itself.
 */
export function setGroups(db: ProjectDb, memberId: number, groupIds: number[]): void {
  const member = db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(memberId) as string;
  const wanted = [...new Set(groupIds)];
  const inside = everyoneInside(db, memberId);
  for (const gid of wanted) {
    const g = db.prepare('SELECT kind, name FROM participants WHERE id = ?').get(gid) as { kind: string; name: string } | undefined;
    if (!g) throw new FocalError('not-found', `There is no group with id ${gid} in this project; it may have been deleted, so reload the list.`);
    if (g.kind !== 'group') throw new FocalError('bad-input', `'${g.name}' is a person, not a group; only groups can have members.`);
    if (gid === memberId) throw new FocalError('bad-input', `'${g.name}' cannot be a member of itself; choose another group.`);
    if (inside.has(gid)) throw new FocalError('bad-input', `'${g.name}' is already inside '${member}', so '${member}' cannot also be inside '${g.name}'.`);
  }
  const keep = new Set(wanted);
  const current = db.prepare('SELECT group_id FROM group_members WHERE member_id = ?').pluck().all(memberId) as number[];
  for (const gid of current) if (!keep.has(gid)) db.prepare('DELETE FROM group_members WHERE group_id = ? AND member_id = ?').run(gid, memberId);
  for (const gid of wanted) db.prepare('INSERT OR IGNORE INTO group_members (group_id, member_id) VALUES (?, ?)').run(gid, memberId);
}

/**
 * A tikanga-based session with no group set is governed by the group most of its speakers belong
 * to, so a membership change can hand it from a group with a kaitiaki to another. That removes a
 * protection, which only the kaitiaki may do: `keepGovernance` snapshots who governs such sessions,
 * and `assertGovernanceKept` refuses a change after which a group with a kaitiaki no longer does.
 */
export function governanceSnapshot(db: ProjectDb): Map<number, number[]> {
  const ids = db.prepare("SELECT id FROM sources WHERE mode = 'tikanga' AND group_id IS NULL").pluck().all() as number[];
  return new Map(ids.map((id) => [id, governingGroups(db, id)]));
}

export function assertGovernanceKept(db: ProjectDb, before: Map<number, number[]>): void {
  for (const [sourceId, groups] of before) {
    const after = new Set(governingGroups(db, sourceId));
    for (const g of groups) {
      if (after.has(g)) continue;
      const row = db.prepare('SELECT p.name, k.name AS kaitiaki FROM participants p JOIN participants k ON k.id = p.kaitiaki_id WHERE p.id = ?').get(g) as
        | { name: string; kaitiaki: string }
        | undefined;
      if (!row) continue;
      const title = db.prepare('SELECT title FROM sources WHERE id = ?').pluck().get(sourceId) as string;
      throw new FocalError(
        'forbidden',
        `This would take the tikanga-based session "${title}" out of '${row.name}' (whose kaitiaki is ${row.kaitiaki}): its group is read from its speakers. Set the transcript's group (rōpū) in its details first, or ask ${row.kaitiaki}.`,
      );
    }
  }
}

/** Adds members to a group (keeping the role of anyone already in it), audited. */
export function addMembers(core: FocalCore, groupId: number, memberIds: number[], role?: string): GroupTikanga {
  commit(core, ['participants'], (w) => {
    const g = requireGroup(w.db, groupId);
    const before = governanceSnapshot(w.db);
    const added: number[] = [];
    for (const id of [...new Set(memberIds)]) {
      const current = w.db.prepare('SELECT group_id FROM group_members WHERE member_id = ?').pluck().all(id) as number[];
      if (current.includes(groupId)) continue;
      requireParticipant(w.db, id);
      setGroups(w.db, id, [...current, groupId]);
      if (role) w.db.prepare('UPDATE group_members SET role = ? WHERE group_id = ? AND member_id = ?').run(role.normalize('NFC').trim(), groupId, id);
      added.push(id);
    }
    assertGovernanceKept(w.db, before);
    if (added.length) w.audit('group-members-added', { groupId, group: g.name, memberIds: added, ...(role ? { role } : {}) });
  });
  return getGroupTikanga(core.requireProject().db, groupId);
}

/** Removes one member from a group; their speaker labels and the transcripts are untouched. */
export function removeMember(core: FocalCore, groupId: number, memberId: number): GroupTikanga {
  commit(core, ['participants'], (w) => {
    const g = requireGroup(w.db, groupId);
    const before = governanceSnapshot(w.db);
    const name = w.db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(memberId) as string | undefined;
    const r = w.db.prepare('DELETE FROM group_members WHERE group_id = ? AND member_id = ?').run(groupId, memberId);
    if (r.changes === 0) throw new FocalError('not-found', `${name ? `'${name}'` : 'That person'} is not a member of '${g.name}'; reload the group's page.`);
    assertGovernanceKept(w.db, before);
    w.audit('group-member-removed', { groupId, group: g.name, memberId, name });
  });
  return getGroupTikanga(core.requireProject().db, groupId);
}
