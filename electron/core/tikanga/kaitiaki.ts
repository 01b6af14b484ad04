/**
 * Who the kaitiaki is, and whether this session may act as them. Kaitiaki decisions (sensitivity
 * labels, approvals, releasing a tikanga part...) need the group's kaitiaki key, unlocked with the
 * kaitiaki's passphrase (../kaitiaki/): the name the user works under gives no authority.
 */
import type { KaitiakiStatus } from '../../../shared/domain/tikanga';
import { fold } from '../../../shared/text/fold';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { authorityProblem, currentKey, requireKaitiakiKey, type KaitiakiAuthority } from '../kaitiaki/authority';

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

export function groupKaitiakiStatus(core: FocalCore, groupId: number | null, what: string): KaitiakiStatus {
  const actor = core.actor;
  const base = { actor, groupId, groupName: null as string | null, kaitiaki: null as KaitiakiStatus['kaitiaki'] };
  if (groupId === null) {
    return { ...base, actorIsKaitiaki: false, problem: `${what} has no group, so it has no kaitiaki: choose its group (rōpū) in the transcript's details, then name the group's kaitiaki.` };
  }
  requireGroup(core.requireProject().db, groupId);
  const a = authorityProblem(core, groupId);
  return { ...base, groupName: a.groupName, kaitiaki: a.kaitiaki, actorIsKaitiaki: a.problem === null, problem: a.problem };
}

export function sourceKaitiakiStatus(core: FocalCore, sourceId: number): KaitiakiStatus {
  const s = requireSourceRow(core.requireProject().db, sourceId);
  return groupKaitiakiStatus(core, s.group_id, `"${s.title}"`);
}

/** The kaitiaki's authority (their unlocked key), or a 'forbidden' error naming who can act. */
export function requireKaitiaki(core: FocalCore, groupId: number | null, what: string): KaitiakiAuthority {
  return requireKaitiakiKey(core, groupId, what);
}

/**
 * Naming a group's first kaitiaki is open to the team. Once the group has a kaitiaki key, the role
 * passes only with it (a signed handover) or, when the key is lost, by a new collective consent
 * record naming the kaitiaki; before that, only the named kaitiaki hands the role on.
 */
export function assertKaitiakiHandover(core: FocalCore, groupId: number): void {
  const db = core.requireProject().db;
  const g = requireGroup(db, groupId);
  const key = currentKey(db, groupId);
  if (key) {
    throw new FocalError('forbidden', `'${g.name}' has a kaitiaki key (${key.fingerprint}); its kaitiaki hands the role on with that key (Hand on… on the group's page, or \`focal kaitiaki handover\`), and a lost key is replaced only by a new collective consent record naming the kaitiaki.`);
  }
  if (g.kaitiaki_id === null) return;
  const name = db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(g.kaitiaki_id) as string;
  if (!sameName(core.actor, name)) {
    throw new FocalError('forbidden', `'${g.name}' already has a kaitiaki, ${name}; only ${name} can hand the role on. You are working as '${core.actor}'.`);
  }
}
