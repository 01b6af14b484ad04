/**
 * For tests that set up decisions as rows (the gate's row tests, the fixture study): the
 * kaitiaki signs what is recorded. Registers a key for the group if it has none, then signs every
 * approval, part release and collective consent row of the group that has no statement yet, as
 * the app does when the kaitiaki decides. Pass another key to sign as someone who is not the kaitiaki.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { FocalCore } from '../../electron/core/app/focal-core';
import type { ProjectDb } from '../../electron/core/db/open-project';
import { dropKey, holdKey } from '../../electron/core/kaitiaki/authority';
import { decisionSubject } from '../../electron/core/kaitiaki/decision-subjects';
import { fingerprintOf, type UnlockedKey } from '../../electron/core/kaitiaki/key-crypto';
import { groupStatements, storeStatement } from '../../electron/core/kaitiaki/statements';

export function newKey(): UnlockedKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'jwk' }).x as string;
  return { publicKey: pub, fingerprint: fingerprintOf(pub), privateKey };
}

const keys = new WeakMap<ProjectDb, Map<number, UnlockedKey>>();

/** The group's test key (registered on first use). */
export function groupKey(db: ProjectDb, groupId: number): UnlockedKey {
  let m = keys.get(db);
  if (!m) keys.set(db, (m = new Map()));
  let key = m.get(groupId);
  const current = groupStatements(db, groupId, []).current;
  if (!key || (current && current.fingerprint !== key.fingerprint)) {
    key = newKey();
    m.set(groupId, key);
  }
  if (!current) {
    const k = db.prepare('SELECT kaitiaki_id FROM participants WHERE id = ?').pluck().get(groupId) as number | null;
    const name = k === null ? '' : (db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(k) as string);
    storeStatement(db, key, { groupId, kind: 'key-register', by: name, at: '2000-01-01T00:00:00.000Z', subject: { publicKey: key.publicKey, kaitiakiId: k, kaitiakiName: name } });
  }
  return key;
}

export function signRecorded(db: ProjectDb, groupId: number, signer?: UnlockedKey): void {
  const key = groupKey(db, groupId);
  const as = signer ?? key;
  const has = (table: string, id: number, kind: string) => !!db.prepare('SELECT 1 FROM kaitiaki_statements WHERE record_table = ? AND record_id = ? AND kind = ?').get(table, id, kind);
  const approvals = db.prepare('SELECT id, scope, quote_id AS quoteId, export_label AS exportLabel, part_id AS partId, decision, output, conditions, decided_at AS at FROM approvals WHERE group_id = ? ORDER BY id').all(groupId) as Array<{ id: number; scope: 'quote' | 'export' | 'part'; quoteId: number | null; exportLabel: string | null; partId: number | null; decision: 'approved' | 'refused'; output: string; conditions: string; at: string }>;
  for (const a of approvals) {
    if (a.scope === 'part' && a.partId === null) continue;
    // Row ids can be reused after a delete: signed already means a statement about this very decision.
    const same = (db.prepare("SELECT body FROM kaitiaki_statements WHERE record_table = 'approvals' AND record_id = ?").pluck().all(a.id) as string[]).some((b) => {
      const sub = (JSON.parse(b) as { subject: { scope?: string; decision?: string; quote?: { id: number }; exportLabel?: string; part?: unknown } }).subject;
      return sub.decision === a.decision && (a.scope === 'part' ? !!sub.part : sub.scope === a.scope && (a.scope === 'quote' ? sub.quote?.id === a.quoteId : sub.exportLabel === a.exportLabel));
    });
    if (same) continue;
    const s = decisionSubject(db, { scope: a.scope, decision: a.decision, quoteId: a.quoteId ?? undefined, partId: a.partId ?? undefined, exportLabel: a.exportLabel ?? undefined, output: a.output, conditions: a.conditions });
    storeStatement(db, as, { groupId, kind: s.kind, by: 'kaitiaki', at: a.at, subject: s.subject, record: { table: 'approvals', id: a.id } });
  }
  // Parts marked released by a decision row: the kaitiaki's signed release of exactly that part.
  const parts = db.prepare("SELECT sp.id FROM session_parts sp JOIN approvals a ON a.id = sp.released_by_approval_id WHERE a.group_id = ? AND sp.recorded = 1").pluck().all(groupId) as number[];
  for (const id of parts) {
    if (has('session_parts', id, 'part-release')) continue;
    const s = decisionSubject(db, { scope: 'part', decision: 'approved', partId: id, output: '', conditions: '' });
    storeStatement(db, as, { groupId, kind: s.kind, by: 'kaitiaki', at: '2000-01-02T00:00:00.000Z', subject: s.subject, record: { table: 'session_parts', id } });
  }
  const consents = db.prepare('SELECT id, given_by_label AS givenBy, given_on AS givenOn, for_analysis AS a, for_quotes AS q, for_group_attribution AS g, for_return AS r, conditions, revoked_on AS revokedOn FROM collective_consents WHERE group_id = ? ORDER BY id').all(groupId) as Array<{ id: number; givenBy: string; givenOn: string; a: number; q: number; g: number; r: number; conditions: string; revokedOn: string | null }>;
  for (const c of consents) {
    if (has('collective_consents', c.id, 'collective-consent')) continue;
    storeStatement(db, as, {
      groupId,
      kind: 'collective-consent',
      by: 'kaitiaki',
      at: '2000-01-01T00:00:01.000Z',
      subject: { consentId: c.id, givenBy: c.givenBy, givenOn: c.givenOn, forAnalysis: c.a === 1, forQuotes: c.q === 1, forGroupAttribution: c.g === 1, forReturn: c.r === 1, conditions: c.conditions, revokedOn: c.revokedOn },
      record: { table: 'collective_consents', id: c.id },
    });
  }
}

/** The kaitiaki unlocks the group's (test) key in this core, as "Unlock key…" does. */
export function unlockTestKey(core: FocalCore, groupId: number): void {
  holdKey(core, groupKey(core.requireProject().db, groupId));
}

export function lockTestKey(core: FocalCore, groupId: number): void {
  dropKey(core, groupKey(core.requireProject().db, groupId).fingerprint);
}
