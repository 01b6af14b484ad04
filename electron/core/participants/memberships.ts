/** Group membership: who belongs to which group (rōpū, whānau, organisation, focus group). */
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';

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
