/**
 * Collective consent: given on a group's behalf (by a kaumātua, a rōpū leader...), on a date, for
 * some uses (analysis, quotes in reports, quotes attributed to the group, return of findings),
 * with conditions. Revoking keeps the record and dates the revocation. Every change is audited.
 * The kaitiaki signs each record (and any change that widens it) with the kaitiaki key: the gate
 * reads a record only as far as a verified statement grants it. Narrowing, revoking or removing a
 * record takes protection back and needs no signature.
 */
import type { CollectiveConsent } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { storeStatement } from '../kaitiaki/statements';
import { requireGroup, requireKaitiaki } from './kaitiaki';

const COLUMNS = `c.id, c.group_id AS groupId, c.given_by_id AS givenById, c.given_by_label AS givenByLabel,
  coalesce(p.name, c.given_by_label) AS givenByName, c.given_on AS givenOn, c.for_analysis AS forAnalysis,
  c.for_quotes AS forQuotes, c.for_group_attribution AS forGroupAttribution, c.for_return AS forReturn,
  c.conditions, c.revoked_on AS revokedOn, c.recorded_at AS recordedAt
  FROM collective_consents c LEFT JOIN participants p ON p.id = c.given_by_id`;

type Row = Omit<CollectiveConsent, 'forAnalysis' | 'forQuotes' | 'forGroupAttribution' | 'forReturn'> & Record<'forAnalysis' | 'forQuotes' | 'forGroupAttribution' | 'forReturn', number>;

function toConsent(r: Row): CollectiveConsent {
  return { ...r, forAnalysis: r.forAnalysis === 1, forQuotes: r.forQuotes === 1, forGroupAttribution: r.forGroupAttribution === 1, forReturn: r.forReturn === 1 };
}

export function listCollectiveConsents(db: ProjectDb, groupId: number): CollectiveConsent[] {
  requireGroup(db, groupId);
  return (db.prepare(`SELECT ${COLUMNS} WHERE c.group_id = ? ORDER BY c.given_on, c.id`).all(groupId) as Row[]).map(toConsent);
}

function getConsent(db: ProjectDb, id: number): CollectiveConsent {
  const row = db.prepare(`SELECT ${COLUMNS} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw new FocalError('not-found', `There is no collective consent record with id ${id}; it may have been removed.`);
  return toConsent(row);
}

export interface ConsentFields {
  givenById?: number | null | undefined;
  givenByLabel?: string | undefined;
  givenOn?: string | undefined;
  forAnalysis?: boolean | undefined;
  forQuotes?: boolean | undefined;
  forGroupAttribution?: boolean | undefined;
  forReturn?: boolean | undefined;
  conditions?: string | undefined;
  revokedOn?: string | null | undefined;
}

function checkGiver(db: ProjectDb, givenById: number | null, label: string): void {
  if (givenById !== null && !db.prepare('SELECT 1 FROM participants WHERE id = ?').get(givenById)) {
    throw new FocalError('not-found', `There is no participant with id ${givenById}; choose who gave consent from the register, or type their name.`);
  }
  if (givenById === null && label.trim() === '') throw new FocalError('bad-input', "Say who gave consent on the group's behalf (a person in the register, or their name).");
}

const bit = (b: boolean | undefined) => (b ? 1 : 0);

/** The signed subject of a consent record: what the kaitiaki attests the group agreed to. */
function consentSubject(c: CollectiveConsent): Record<string, unknown> {
  return {
    consentId: c.id,
    givenBy: c.givenByName,
    givenOn: c.givenOn,
    forAnalysis: c.forAnalysis,
    forQuotes: c.forQuotes,
    forGroupAttribution: c.forGroupAttribution,
    forReturn: c.forReturn,
    conditions: c.conditions,
    revokedOn: c.revokedOn,
  };
}

/** Whether a change gives more than the record gave: a use added, an earlier date, a revocation lifted or later. */
function widens(before: CollectiveConsent, next: Omit<CollectiveConsent, 'id' | 'groupId' | 'givenByName' | 'recordedAt'>): boolean {
  const uses = ['forAnalysis', 'forQuotes', 'forGroupAttribution', 'forReturn'] as const;
  if (uses.some((u) => next[u] && !before[u])) return true;
  if (next.givenOn < before.givenOn) return true;
  if (before.revokedOn !== null && (next.revokedOn === null || next.revokedOn > before.revokedOn)) return true;
  return next.conditions !== before.conditions || next.givenById !== before.givenById || next.givenByLabel !== before.givenByLabel;
}

/** A consent record a key replacement rests on cannot change or go: the key history would break. */
function assertNotKeyRecord(db: ProjectDb, id: number): void {
  const cited = (db.prepare("SELECT body FROM kaitiaki_statements WHERE kind = 'key-recovery'").pluck().all() as string[]).some((b) => {
    try {
      return (JSON.parse(b) as { subject?: { consent?: { id?: number } } }).subject?.consent?.id === id;
    } catch {
      return false;
    }
  });
  if (cited) throw new FocalError('conflict', "This consent record named the group's new kaitiaki and registered their key; it stays as it is (record a new one instead).");
}

export function recordCollectiveConsent(core: FocalCore, groupId: number, f: ConsentFields & { givenOn: string }): CollectiveConsent {
  const db = core.requireProject().db;
  const group = requireGroup(db, groupId);
  const label = f.givenByLabel?.normalize('NFC').trim() ?? '';
  checkGiver(db, f.givenById ?? null, label);
  const auth = requireKaitiaki(core, groupId, `'${group.name}'`);
  const id = db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO collective_consents (group_id, given_by_id, given_by_label, given_on, for_analysis, for_quotes, for_group_attribution, for_return, conditions, revoked_on, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(groupId, f.givenById ?? null, label, f.givenOn, bit(f.forAnalysis), bit(f.forQuotes), bit(f.forGroupAttribution), bit(f.forReturn), f.conditions?.normalize('NFC') ?? '', f.revokedOn ?? null, core.now()).lastInsertRowid,
    );
    storeStatement(db, auth.key, { groupId, kind: 'collective-consent', by: auth.kaitiakiName, at: core.now(), subject: consentSubject(getConsent(db, id)), record: { table: 'collective_consents', id } });
    core.requireProject().audit(core.actor, 'collective-consent-recorded', { groupId, group: group.name, consentId: id, ...f }, core.now());
    return id;
  })();
  core.emit('changed', { kinds: ['consent', 'participants'] });
  return getConsent(db, id);
}

export function updateCollectiveConsent(core: FocalCore, id: number, f: ConsentFields): CollectiveConsent {
  const db = core.requireProject().db;
  const before = getConsent(db, id);
  const next = {
    givenById: f.givenById !== undefined ? f.givenById : before.givenById,
    givenByLabel: f.givenByLabel !== undefined ? f.givenByLabel.normalize('NFC').trim() : before.givenByLabel,
    givenOn: f.givenOn ?? before.givenOn,
    forAnalysis: f.forAnalysis ?? before.forAnalysis,
    forQuotes: f.forQuotes ?? before.forQuotes,
    forGroupAttribution: f.forGroupAttribution ?? before.forGroupAttribution,
    forReturn: f.forReturn ?? before.forReturn,
    conditions: f.conditions !== undefined ? f.conditions.normalize('NFC') : before.conditions,
    revokedOn: f.revokedOn !== undefined ? f.revokedOn : before.revokedOn,
  };
  checkGiver(db, next.givenById, next.givenByLabel);
  assertNotKeyRecord(db, id);
  const auth = widens(before, next) ? requireKaitiaki(core, before.groupId, 'Widening this consent record') : null;
  db.transaction(() => {
    db.prepare(
      `UPDATE collective_consents SET given_by_id = ?, given_by_label = ?, given_on = ?, for_analysis = ?, for_quotes = ?, for_group_attribution = ?, for_return = ?, conditions = ?, revoked_on = ? WHERE id = ?`,
    ).run(next.givenById, next.givenByLabel, next.givenOn, bit(next.forAnalysis), bit(next.forQuotes), bit(next.forGroupAttribution), bit(next.forReturn), next.conditions, next.revokedOn, id);
    const action = before.revokedOn === null && next.revokedOn !== null ? 'collective-consent-revoked' : 'collective-consent-changed';
    if (auth) storeStatement(db, auth.key, { groupId: before.groupId, kind: 'collective-consent', by: auth.kaitiakiName, at: core.now(), subject: consentSubject(getConsent(db, id)), record: { table: 'collective_consents', id } });
    core.requireProject().audit(core.actor, action, { groupId: before.groupId, consentId: id, changes: f }, core.now());
  })();
  core.emit('changed', { kinds: ['consent', 'participants'] });
  return getConsent(db, id);
}

export function deleteCollectiveConsent(core: FocalCore, id: number): null {
  const db = core.requireProject().db;
  const before = getConsent(db, id);
  assertNotKeyRecord(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM collective_consents WHERE id = ?').run(id);
    // The record itself is kept in the audit log: a consent entered by mistake can go, but not silently.
    core.requireProject().audit(core.actor, 'collective-consent-removed', { ...before }, core.now());
  })();
  core.emit('changed', { kinds: ['consent', 'participants'] });
  return null;
}
