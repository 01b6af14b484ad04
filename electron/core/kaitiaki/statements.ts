/**
 * Signed kaitiaki statements: how they are made, stored and verified.
 *
 * A statement's body is canonical JSON: { v, kind, group, key (fingerprint), at, by, subject }.
 * The subject names what is decided by content (source SHA-256, range, quote text hash, export
 * label). The group's keys are statements too: the first `key-register` (signed by the key it
 * registers), then `key-handover` (signed by the outgoing key, naming the new public key) or
 * `key-recovery` (after a lost key: signed by the new key, citing a collective consent record
 * naming the new kaitiaki). A handover or recovery lists the hashes of the outgoing key's
 * statements that stay valid, so a superseded key cannot sign anything new, even backdated.
 *
 * Nothing in the tables is believed: every read recomputes hashes and checks signatures
 * (each signature is checked once per process and remembered with the exact bytes it signed).
 */
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { canonicalJson, fingerprintOf, sha256Hex, signBody, verifyBody, type UnlockedKey } from './key-crypto';
import { recoveryProofHolds, type RecoveryPublic } from './recovery-code';

export type StatementKind =
  | 'key-register'
  | 'key-handover'
  | 'key-recovery'
  | 'approval'
  | 'part-release'
  | 'revoke'
  | 'label-set'
  | 'label-remove'
  | 'collective-consent'
  | 'source-change'
  | 'part-change'
  | 'readers'
  | 'frame-open'
  | 'gap-ack'
  | 'source-correct';

export const KEY_KINDS: StatementKind[] = ['key-register', 'key-handover', 'key-recovery'];

export interface StatementBody {
  v: 1;
  kind: StatementKind;
  group: number;
  key: string;
  at: string;
  by: string;
  subject: Record<string, unknown>;
  /**
   * The hash of the group's latest statement when this one was signed in the project (absent on the
   * first, and on decisions signed elsewhere from a review pack): a chain, so a statement removed
   * from the middle of a group's record shows as a gap (`gaps`).
   */
  prev?: string;
}

export interface StoredStatement {
  id: number;
  groupId: number;
  body: StatementBody;
  bodyText: string;
  signature: string;
  hash: string;
  recordTable: string | null;
  recordId: number | null;
}

export interface ChainKey {
  publicKey: string;
  fingerprint: string;
  kaitiakiId: number | null;
  kaitiakiName: string;
  from: string;
  until: string | null;
  how: 'registered' | 'handed on' | 'recovered by collective consent';
  statementHash: string;
  /** For a superseded key: the statements it signed that stay valid. */
  closes: Set<string> | null;
  /** The public half of the key its recovery code derives (recovery-code.ts); null for keys made before codes. */
  recovery: RecoveryPublic | null;
}

export interface GroupStatements {
  groupId: number;
  keys: ChainKey[];
  current: ChainKey | null;
  valid: StoredStatement[];
  invalid: Array<{ statement: StoredStatement; why: string }>;
  /**
   * Statements whose predecessor (`prev`) is missing from the project: a signed statement was
   * removed. Not acknowledged by a later `gap-ack` of the kaitiaki. Only computed on a full read.
   */
  gaps: Array<{ statementId: number; missing: string }>;
}

const memo = new Map<string, { body: string; publicKey: string; ok: boolean }>();

function verified(body: string, signature: string, publicKey: string): boolean {
  const m = memo.get(signature);
  if (m && m.body === body && m.publicKey === publicKey) return m.ok;
  const ok = verifyBody(body, signature, publicKey);
  if (memo.size > 200_000) memo.clear();
  memo.set(signature, { body, publicKey, ok });
  return ok;
}

function parse(row: { id: number; group_id: number; body: string; signature: string; record_table: string | null; record_id: number | null }): StoredStatement | null {
  try {
    const body = JSON.parse(row.body) as StatementBody;
    if (body?.v !== 1 || typeof body.kind !== 'string' || typeof body.subject !== 'object' || body.subject === null) return null;
    return { id: row.id, groupId: row.group_id, body, bodyText: row.body, signature: row.signature, hash: sha256Hex(row.body), recordTable: row.record_table, recordId: row.record_id };
  } catch {
    return null;
  }
}

/** Every statement of a group, verified: its key history, and which decisions carry authority. */
export function groupStatements(db: ProjectDb, groupId: number, only?: StatementKind[]): GroupStatements {
  // With `only`, just those kinds (by the indexed column) and the key history; their bodies are still checked.
  const kinds = only ? [...KEY_KINDS, ...only].map((k) => `'${k}'`).join(', ') : null;
  const rows = db
    .prepare(`SELECT id, group_id, body, signature, record_table, record_id FROM kaitiaki_statements WHERE group_id = ? ${kinds ? `AND kind IN (${kinds})` : ''} ORDER BY id`)
    .all(groupId) as Parameters<typeof parse>[0][];
  const keys: ChainKey[] = [];
  const valid: StoredStatement[] = [];
  const invalid: GroupStatements['invalid'] = [];
  const decisions: StoredStatement[] = [];
  for (const row of rows) {
    const s = parse(row);
    if (!s) {
      invalid.push({ statement: { id: row.id, groupId, body: { v: 1, kind: 'approval', group: groupId, key: '', at: '', by: '', subject: {} }, bodyText: row.body, signature: row.signature, hash: sha256Hex(row.body), recordTable: row.record_table, recordId: row.record_id }, why: 'it is not a readable statement' });
      continue;
    }
    if (s.body.group !== groupId || canonicalJson(s.body) !== s.bodyText) {
      invalid.push({ statement: s, why: s.body.group !== groupId ? 'it names another group' : 'its text is not in canonical form' });
      continue;
    }
    if (!KEY_KINDS.includes(s.body.kind)) {
      decisions.push(s);
      continue;
    }
    const current = keys[keys.length - 1] ?? null;
    const sub = s.body.subject as { publicKey?: string; kaitiakiId?: number | null; kaitiakiName?: string; closes?: string[] };
    let fp: string;
    try {
      fp = fingerprintOf(String(sub.publicKey));
    } catch {
      invalid.push({ statement: s, why: 'it names no valid public key' });
      continue;
    }
    const signer = s.body.kind === 'key-handover' ? current : { publicKey: String(sub.publicKey), fingerprint: fp };
    if (!signer) {
      invalid.push({ statement: s, why: 'it hands on a key the group never had' });
      continue;
    }
    if (s.body.kind === 'key-register' && current) {
      invalid.push({ statement: s, why: 'the group already had a key: a new one comes by handover or by collective consent' });
      continue;
    }
    if (s.body.key !== signer.fingerprint || !verified(s.bodyText, s.signature, signer.publicKey)) {
      invalid.push({ statement: s, why: 'its signature does not verify' });
      continue;
    }
    if (s.body.kind === 'key-recovery' && !recoveryConsentHolds(db, groupId, s)) {
      invalid.push({ statement: s, why: 'the collective consent record it cites is missing or was changed' });
      continue;
    }
    // A recovery counts only with a proof signed by the key the group's recovery code derives.
    if (s.body.kind === 'key-recovery') {
      const consentHash = (s.body.subject as { consent?: { hash?: string } }).consent?.hash ?? null;
      if (!recoveryProofHolds((s.body.subject as { recoveryProof?: unknown }).recoveryProof, current?.recovery ?? null, String(sub.publicKey), consentHash)) {
        invalid.push({ statement: s, why: "it carries no valid proof of the group's recovery code (anyone can record a consent; only the code replaces a key)" });
        continue;
      }
    }
    if (current) {
      current.until = s.body.at;
      current.closes = new Set(Array.isArray(sub.closes) ? sub.closes.map(String) : []);
    }
    keys.push({
      publicKey: String(sub.publicKey),
      fingerprint: fp,
      kaitiakiId: typeof sub.kaitiakiId === 'number' ? sub.kaitiakiId : null,
      kaitiakiName: String(sub.kaitiakiName ?? ''),
      from: s.body.at,
      until: null,
      how: s.body.kind === 'key-register' ? 'registered' : s.body.kind === 'key-handover' ? 'handed on' : 'recovered by collective consent',
      statementHash: s.hash,
      closes: null,
      recovery: recoveryOf(sub),
    });
    valid.push(s);
  }
  const byFp = new Map(keys.map((k) => [k.fingerprint, k]));
  for (const s of decisions) {
    const k = byFp.get(s.body.key);
    if (!k) invalid.push({ statement: s, why: 'it is signed by no key the group has had' });
    else if (!verified(s.bodyText, s.signature, k.publicKey)) invalid.push({ statement: s, why: 'its signature does not verify' });
    else if (k.closes && !k.closes.has(s.hash)) invalid.push({ statement: s, why: `it was signed with a superseded key (${k.fingerprint}) after the key was replaced` });
    else valid.push(s);
  }
  valid.sort((a, b) => a.id - b.id);
  return { groupId, keys, current: keys[keys.length - 1] ?? null, valid, invalid, gaps: only ? [] : chainGaps(rows, valid) };
}

/**
 * Links of the chain that point at a statement no longer in the project. Every stored row counts as
 * present (its hash recomputed from its text), valid or not: a gap is about removal, not about
 * signatures. A gap the kaitiaki acknowledged (a valid `gap-ack` naming the missing hash) is closed.
 */
function chainGaps(rows: Array<{ id: number; body: string }>, valid: StoredStatement[]): GroupStatements['gaps'] {
  const present = new Set(rows.map((r) => sha256Hex(r.body)));
  const acknowledged = new Set(valid.filter((s) => s.body.kind === 'gap-ack').flatMap((s) => (Array.isArray(s.body.subject.missing) ? s.body.subject.missing.map(String) : [])));
  const gaps: GroupStatements['gaps'] = [];
  for (const s of valid) {
    const prev = s.body.prev;
    if (typeof prev === 'string' && !present.has(prev) && !acknowledged.has(prev)) gaps.push({ statementId: s.id, missing: prev });
  }
  return gaps;
}

export function recoveryConsentHolds(db: ProjectDb, groupId: number, s: StoredStatement): boolean {
  const c = (s.body.subject as { consent?: { id?: number; hash?: string } }).consent;
  if (!c || typeof c.id !== 'number') return false;
  return consentRecordHash(db, c.id, groupId) === c.hash;
}

/** The content hash of a collective consent record as stored. */
export function consentRecordHash(db: ProjectDb, consentId: number, groupId: number): string | null {
  const row = db.prepare('SELECT group_id, given_by_id, given_by_label, given_on, for_analysis, for_quotes, for_group_attribution, for_return, conditions FROM collective_consents WHERE id = ?').get(consentId) as Record<string, unknown> | undefined;
  if (!row || row.group_id !== groupId) return null;
  return sha256Hex(canonicalJson(row));
}

/** Groups that have statements at all (for the check and the gate). */
export function groupsWithStatements(db: ProjectDb): number[] {
  return db.prepare('SELECT DISTINCT group_id FROM kaitiaki_statements ORDER BY group_id').pluck().all() as number[];
}

export interface NewStatement {
  groupId: number;
  kind: StatementKind;
  by: string;
  at: string;
  subject: Record<string, unknown>;
  record?: { table: string; id: number } | undefined;
}

/** Sign and store a statement (inside the caller's transaction). Returns its hash. */
export function storeStatement(db: ProjectDb, key: UnlockedKey, s: NewStatement): { id: number; hash: string } {
  const last = db.prepare('SELECT body FROM kaitiaki_statements WHERE group_id = ? ORDER BY id DESC LIMIT 1').pluck().get(s.groupId) as string | undefined;
  const body: StatementBody = { v: 1, kind: s.kind, group: s.groupId, key: key.fingerprint, at: s.at, by: s.by.normalize('NFC'), subject: s.subject, ...(last !== undefined ? { prev: sha256Hex(last) } : {}) };
  const text = canonicalJson(body);
  return insertSigned(db, s.groupId, text, signBody(text, key), s.record, s.at);
}

/** Store a statement signed elsewhere (a decisions file); verified on every read like any other. */
export function insertSigned(db: ProjectDb, groupId: number, bodyText: string, signature: string, record: { table: string; id: number } | undefined, now: string): { id: number; hash: string } {
  const hash = sha256Hex(bodyText);
  const body = JSON.parse(bodyText) as StatementBody;
  if (db.prepare('SELECT 1 FROM kaitiaki_statements WHERE hash = ?').get(hash)) throw new FocalError('conflict', 'This decision is already in the project.');
  const id = Number(
    db
      .prepare('INSERT INTO kaitiaki_statements (group_id, kind, body, signature, fingerprint, hash, record_table, record_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(groupId, body.kind, bodyText, signature, body.key, hash, record?.table ?? null, record?.id ?? null, now).lastInsertRowid,
  );
  return { id, hash };
}

function recoveryOf(sub: unknown): RecoveryPublic | null {
  const r = (sub as { recovery?: { publicKey?: unknown; salt?: unknown } }).recovery;
  return r && typeof r.publicKey === 'string' && typeof r.salt === 'string' ? { publicKey: r.publicKey, salt: r.salt } : null;
}
