/**
 * Who the kaitiaki is, and whether the acting user is them. Kaitiaki decisions (sensitivity
 * labels, approvals, releasing a tikanga part) are made only by the person named as kaitiaki of
 * the group whose data it is: the acting user's name (preferences) must match that person's name,
 * folded (macrons, double vowels, case), so "Koro Hemi" and "koro hemi" are the same person.
 */
import type { KaitiakiStatus } from '../../../shared/domain/tikanga';
import { fold } from '../../../shared/text/fold';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';

export interface SourceRow {
  id: number;
  title: string;
  mode: 'mainstream' | 'tikanga';
  group_id: number | null;
  text: string;
}

export function requireSourceRow(db: ProjectDb, sourceId: number): SourceRow {
  const row = db.prepare('SELECT id, title, mode, group_id, text FROM sources WHERE id = ?').get(sourceId) as SourceRow | undefined;
  if (!row) throw new FocalError('not-found', `There is no transcript with id ${sourceId} in this project.`);
  return row;
}

export function requireGroup(db: ProjectDb, groupId: number): { id: number; name: string; kaitiaki_id: number | null; attribution: string | null; mode: 'mainstream' | 'tikanga' | null } {
  const g = db.prepare('SELECT id, kind, name, kaitiaki_id, attribution, mode FROM participants WHERE id = ?').get(groupId) as
    | { id: number; kind: string; name: string; kaitiaki_id: number | null; attribution: string | null; mode: 'mainstream' | 'tikanga' | null }
    | undefined;
  if (!g) throw new FocalError('not-found', `There is no group with id ${groupId} in this project; it may have been deleted.`);
  if (g.kind !== 'group') throw new FocalError('bad-input', `'${g.name}' is a person, not a group.`);
  return g;
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => fold(s).replace(/\s+/g, ' ').trim();
  return norm(a) !== '' && norm(a) === norm(b);
}

export function groupKaitiakiStatus(db: ProjectDb, actor: string, groupId: number | null, what: string): KaitiakiStatus {
  const base = { actor, groupId, groupName: null as string | null, kaitiaki: null as KaitiakiStatus['kaitiaki'] };
  if (groupId === null) {
    return { ...base, actorIsKaitiaki: false, problem: `${what} has no group, so it has no kaitiaki: choose its group (rōpū) in the transcript's details, then name the group's kaitiaki.` };
  }
  const g = requireGroup(db, groupId);
  if (g.kaitiaki_id === null) {
    return { ...base, groupName: g.name, actorIsKaitiaki: false, problem: `No kaitiaki is named for '${g.name}': name the kaitiaki of the group's data on the group's page first.` };
  }
  const name = db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(g.kaitiaki_id) as string;
  const kaitiaki = { id: g.kaitiaki_id, name };
  if (!sameName(actor, name)) {
    const who = actor.trim() === '' ? 'No user name is set' : `You are working as '${actor}'`;
    return { ...base, groupName: g.name, kaitiaki, actorIsKaitiaki: false, problem: `Only ${name}, kaitiaki of '${g.name}', can do this. ${who}; ${name} must make this decision under their own name.` };
  }
  return { ...base, groupName: g.name, kaitiaki, actorIsKaitiaki: true, problem: null };
}

export function sourceKaitiakiStatus(db: ProjectDb, actor: string, sourceId: number): KaitiakiStatus {
  const s = requireSourceRow(db, sourceId);
  return groupKaitiakiStatus(db, actor, s.group_id, `"${s.title}"`);
}

/** The kaitiaki participant, or a 'forbidden' error naming who can act. */
export function requireKaitiaki(core: FocalCore, groupId: number | null, what: string): { groupId: number; kaitiakiId: number; kaitiakiName: string } {
  const status = groupKaitiakiStatus(core.requireProject().db, core.actor, groupId, what);
  if (!status.actorIsKaitiaki || !status.kaitiaki || status.groupId === null) throw new FocalError('forbidden', status.problem ?? 'Only the kaitiaki can do this.');
  return { groupId: status.groupId, kaitiakiId: status.kaitiaki.id, kaitiakiName: status.kaitiaki.name };
}

/**
 * Naming a group's first kaitiaki is open to the team; once named, only that kaitiaki hands the
 * role on (or clears it), so nobody takes over the decisions by renaming the kaitiaki to themselves.
 */
export function assertKaitiakiHandover(core: FocalCore, groupId: number): void {
  const status = groupKaitiakiStatus(core.requireProject().db, core.actor, groupId, 'This group');
  if (status.kaitiaki && !status.actorIsKaitiaki) {
    const name = status.kaitiaki.name;
    throw new FocalError('forbidden', `'${status.groupName}' already has a kaitiaki, ${name}; only ${name} can hand the role on. You are working as '${core.actor}'.`);
  }
}
