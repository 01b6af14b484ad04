/** Reading participants and groups. */
import type { Participant } from '../../../shared/domain/project';
import type { ProjectDb } from '../db/open-project';

export function listParticipants(db: ProjectDb): Participant[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.kind, p.name, p.pseudonym, p.role, p.mode, p.notes, p.kaitiaki_id AS kaitiakiId, p.attribution,
              (SELECT json_group_array(gm.group_id) FROM group_members gm WHERE gm.member_id = p.id) AS groupIds
       FROM participants p
       ORDER BY p.kind = 'group', p.name COLLATE NOCASE`,
    )
    .all() as Array<Omit<Participant, 'groupIds'> & { groupIds: string }>;
  return rows.map((r) => ({ ...r, groupIds: JSON.parse(r.groupIds) as number[] }));
}
