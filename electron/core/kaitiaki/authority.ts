/**
 * Who may act as a group's kaitiaki: whoever has unlocked the group's current kaitiaki key in this
 * session (with the passphrase). The name someone works under gives no authority. Unlocked keys
 * live in memory, per core, for the session only; they are never written anywhere.
 */
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import type { UnlockedKey } from './key-crypto';
import { groupStatements, type ChainKey } from './statements';

const unlocked = new WeakMap<FocalCore, Map<string, UnlockedKey>>();

export function holdKey(core: FocalCore, key: UnlockedKey): void {
  let m = unlocked.get(core);
  if (!m) unlocked.set(core, (m = new Map()));
  m.set(key.fingerprint, key);
}

export function dropKey(core: FocalCore, fingerprint: string): boolean {
  return unlocked.get(core)?.delete(fingerprint) ?? false;
}

/** Whether this session holds any unlocked key (then what it may read differs from a fresh session's). */
export function hasUnlockedKeys(core: FocalCore): boolean {
  return (unlocked.get(core)?.size ?? 0) > 0;
}

export function heldKey(core: FocalCore, fingerprint: string | null | undefined): UnlockedKey | null {
  return fingerprint ? (unlocked.get(core)?.get(fingerprint) ?? null) : null;
}

export function currentKey(db: ProjectDb, groupId: number): ChainKey | null {
  return groupStatements(db, groupId, []).current;
}

/** The group's current key, if this session has unlocked it. */
export function unlockedGroupKey(core: FocalCore, groupId: number): UnlockedKey | null {
  if (!unlocked.get(core)?.size) return null;
  return heldKey(core, currentKey(core.requireProject().db, groupId)?.fingerprint);
}

interface GroupRow {
  id: number;
  kind: string;
  name: string;
  kaitiaki_id: number | null;
}

function groupRow(db: ProjectDb, groupId: number): GroupRow {
  const g = db.prepare('SELECT id, kind, name, kaitiaki_id FROM participants WHERE id = ?').get(groupId) as GroupRow | undefined;
  if (!g) throw new FocalError('not-found', `There is no group with id ${groupId} in this project; it may have been deleted.`);
  if (g.kind !== 'group') throw new FocalError('bad-input', `'${g.name}' is a person, not a group.`);
  return g;
}

export interface KaitiakiAuthority {
  groupId: number;
  groupName: string;
  kaitiakiId: number;
  kaitiakiName: string;
  key: UnlockedKey;
}

/** Why this session cannot act as the group's kaitiaki, or null when it can. */
export function authorityProblem(core: FocalCore, groupId: number): { problem: string | null; kaitiaki: { id: number; name: string } | null; groupName: string; key: UnlockedKey | null } {
  const db = core.requireProject().db;
  const g = groupRow(db, groupId);
  if (g.kaitiaki_id === null) return { problem: `No kaitiaki is named for '${g.name}': name the kaitiaki of the group's data on the group's page first.`, kaitiaki: null, groupName: g.name, key: null };
  const name = db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(g.kaitiaki_id) as string;
  const kaitiaki = { id: g.kaitiaki_id, name };
  const current = currentKey(db, groupId);
  if (!current) {
    return { problem: `Only ${name}, kaitiaki of '${g.name}', can do this, and '${g.name}' has no kaitiaki key yet: ${name} creates one on the group's page (Create kaitiaki key…) or with \`focal kaitiaki init\`.`, kaitiaki, groupName: g.name, key: null };
  }
  const key = heldKey(core, current.fingerprint);
  if (!key) {
    return { problem: `Only ${name}, kaitiaki of '${g.name}', can do this. It needs the kaitiaki key (${current.fingerprint}) unlocked with ${name}'s passphrase (Unlock key… on the group's page); the name you work under is not enough.`, kaitiaki, groupName: g.name, key: null };
  }
  return { problem: null, kaitiaki, groupName: g.name, key };
}

/** The kaitiaki's authority over a group, or a 'forbidden' error naming who can act. */
export function requireKaitiakiKey(core: FocalCore, groupId: number | null, what: string): KaitiakiAuthority {
  if (groupId === null) throw new FocalError('forbidden', `${what} has no group, so it has no kaitiaki: choose its group (rōpū) in the transcript's details, then name the group's kaitiaki.`);
  const a = authorityProblem(core, groupId);
  if (a.problem || !a.key || !a.kaitiaki) throw new FocalError('forbidden', a.problem ?? 'Only the kaitiaki can do this.');
  return { groupId, groupName: a.groupName, kaitiakiId: a.kaitiaki.id, kaitiakiName: a.kaitiaki.name, key: a.key };
}

/**
 * The groups whose kaitiaki govern a tikanga-based source: its group; when none is set, the group
 * most of its mapped speakers belong to (ties give every tied group), as the export gate reads it.
 */
export function governingGroups(db: ProjectDb, sourceId: number): number[] {
  const s = db.prepare('SELECT group_id FROM sources WHERE id = ?').get(sourceId) as { group_id: number | null } | undefined;
  if (!s) return [];
  if (s.group_id !== null) return [s.group_id];
  const counts = db
    .prepare(
      `SELECT gm.group_id AS g, count(DISTINCT sp.participant_id) AS n FROM speakers sp
       JOIN group_members gm ON gm.member_id = sp.participant_id JOIN participants p ON p.id = gm.group_id AND p.kind = 'group'
       WHERE sp.source_id = ? AND sp.participant_id IS NOT NULL GROUP BY gm.group_id`,
    )
    .all(sourceId) as Array<{ g: number; n: number }>;
  const most = Math.max(0, ...counts.map((c) => c.n));
  return counts.filter((c) => c.n === most && most > 0).map((c) => c.g);
}

/**
 * Removing a protection from a tikanga-based source (its mode, its group, a recorded part): the
 * kaitiaki of every group governing it must have their key unlocked. Groups with no kaitiaki
 * named give nobody to ask and do not block. Returns the authorities, to sign with.
 */
export function requireGoverningKaitiaki(core: FocalCore, sourceId: number, what: string): KaitiakiAuthority[] {
  const db = core.requireProject().db;
  const out: KaitiakiAuthority[] = [];
  for (const g of governingGroups(db, sourceId)) {
    const row = groupRow(db, g);
    if (row.kaitiaki_id === null) continue;
    const a = authorityProblem(core, g);
    if (a.problem || !a.key) throw new FocalError('forbidden', `${what}: ${a.problem}`);
    out.push({ groupId: g, groupName: a.groupName, kaitiakiId: a.kaitiaki!.id, kaitiakiName: a.kaitiaki!.name, key: a.key });
  }
  return out;
}
