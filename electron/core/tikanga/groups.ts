/**
 * A group's tikanga page: the kaitiaki of its data, its members and their roles in the group
 * (kaumātua, kaitiaki, facilitator, participant, analyst), its collective consent, how its
 * collective kōrero is attributed, and the kaitiaki's decisions.
 */
import type { GroupTikanga } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { listApprovals } from './approvals';
import { listCollectiveConsents } from './collective-consent';
import { groupSessionsMode } from '../participants/participant-queries';
import { requireGroup } from './kaitiaki';

/**
 * An example attribution, for a hint only (its name and the kind of session, e.g. "Rōpū A, group
 * interview"): the group decides its attribution, and until it does quotes say it is not set.
 */
export function defaultAttribution(db: ProjectDb, groupId: number, name: string): string {
  const kinds = db.prepare("SELECT kind FROM sources WHERE group_id = ? AND kind <> '' ORDER BY id").pluck().all(groupId) as string[];
  const kind = kinds.find((k) => /\b(hui|wānanga|wananga)\b/i.test(k)) ? kinds.find((k) => /\b(hui|wānanga|wananga)\b/i.test(k))! : 'group interview';
  return `${name}, ${kind.replace(/^tikanga-based\s+/i, '').replace(/\s+under tikanga$/i, '')}`;
}

export function getGroupTikanga(db: ProjectDb, groupId: number): GroupTikanga {
  const g = requireGroup(db, groupId);
  const kaitiaki = g.kaitiaki_id === null ? null : { id: g.kaitiaki_id, name: db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(g.kaitiaki_id) as string };
  const members = db
    .prepare('SELECT p.id, p.name, p.role, gm.role AS groupRole FROM group_members gm JOIN participants p ON p.id = gm.member_id WHERE gm.group_id = ? ORDER BY p.name')
    .all(groupId) as GroupTikanga['members'];
  return {
    groupId,
    name: g.name,
    mode: g.mode,
    kaitiaki,
    attribution: g.attribution,
    attributionIsDefault: g.attribution === null,
    attributionExample: defaultAttribution(db, groupId, g.name),
    sessionsMode: groupSessionsMode(db, groupId),
    members,
    consents: listCollectiveConsents(db, groupId),
    approvals: listApprovals(db, { groupId }),
    sourceIds: db.prepare('SELECT id FROM sources WHERE group_id = ? ORDER BY id').pluck().all(groupId) as number[],
  };
}

export function setMemberRole(core: FocalCore, groupId: number, memberId: number, role: string | null): GroupTikanga {
  const db = core.requireProject().db;
  const g = requireGroup(db, groupId);
  const r = db.prepare('UPDATE group_members SET role = ? WHERE group_id = ? AND member_id = ?').run(role?.normalize('NFC').trim() || null, groupId, memberId);
  if (r.changes === 0) throw new FocalError('not-found', `That person is not a member of '${g.name}'; add them to the group first.`);
  core.requireProject().audit(core.actor, 'group-role-set', { groupId, memberId, role }, core.now());
  core.emit('changed', { kinds: ['participants'] });
  return getGroupTikanga(db, groupId);
}
