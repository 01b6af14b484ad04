/**
 * The kaitiaki key's life: created (the first key of a group, once its kaitiaki is named), unlocked
 * for a session, handed on (signed by the outgoing key), or replaced after a loss by a new
 * collective consent record naming the new kaitiaki. Decisions signed by an earlier key stay
 * valid; nothing is re-approved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { dropKey, heldKey, holdKey, requireKaitiakiKey } from './authority';
import { createKeyFile, parseKeyFile, unlockKeyFile, type KeyFile, type UnlockedKey } from './key-crypto';
import { consentRecordHash, groupStatements, storeStatement } from './statements';
import type { KaitiakiKeyStatus } from '../../../shared/domain/kaitiaki';
import { verifiedReaders } from './verified-decisions';
import { createRecovery, recoveryKeyFrom, recoveryProof } from './recovery-code';

export interface KeyFileInput {
  /** The key file's path; only from the command line and tests (the app asks through its dialog). */
  keyFile?: string | undefined;
  passphrase: string;
}

function group(core: FocalCore, groupId: number): { id: number; name: string; kaitiakiId: number | null; kaitiakiName: string | null } {
  const db = core.requireProject().db;
  const g = db.prepare("SELECT id, name, kind, kaitiaki_id AS kaitiakiId FROM participants WHERE id = ?").get(groupId) as { id: number; name: string; kind: string; kaitiakiId: number | null } | undefined;
  if (!g || g.kind !== 'group') throw new FocalError('not-found', `There is no group with id ${groupId} in this project.`);
  const kaitiakiName = g.kaitiakiId === null ? null : (db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(g.kaitiakiId) as string);
  return { id: g.id, name: g.name, kaitiakiId: g.kaitiakiId, kaitiakiName };
}

async function keyPath(core: FocalCore, purpose: 'save' | 'open', given: string | undefined, suggested: string): Promise<string | null> {
  if (given !== undefined) {
    if (core.host.platform !== 'cli') throw new FocalError('bad-input', 'The app chooses the key file through its own dialog; a path is taken only on the command line.');
    return given;
  }
  if (!core.host.chooseKeyFile) throw new FocalError('bad-input', 'Say where the key file is (--key-file).');
  return core.host.chooseKeyFile(purpose, suggested);
}

function writeKeyFile(path: string, file: KeyFile): void {
  try {
    // Never overwrite: a key file replaced by mistake is a key lost.
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FocalError(code === 'EEXIST' ? 'conflict' : 'bad-input', code === 'EEXIST' ? `${path} already exists; choose a new file for the key (an existing key file is never overwritten).` : `The key file could not be written to ${path} (${code ?? (e as Error).message}).`);
  }
}

export function readKeyFile(path: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FocalError('not-found', `The key file ${path} could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  return parseKeyFile(text, path);
}

export function keyStatus(core: FocalCore, groupId: number): KaitiakiKeyStatus {
  const db = core.requireProject().db;
  const g = group(core, groupId);
  const chain = groupStatements(db, groupId, []);
  const current = chain.current;
  return {
    groupId,
    groupName: g.name,
    kaitiaki: g.kaitiakiId === null ? null : { id: g.kaitiakiId, name: g.kaitiakiName! },
    fingerprint: current?.fingerprint ?? null,
    publicKey: current?.publicKey ?? null,
    unlocked: !!heldKey(core, current?.fingerprint),
    history: chain.keys.map((k) => ({ fingerprint: k.fingerprint, kaitiakiName: k.kaitiakiName, from: k.from, until: k.until, how: k.how })),
    readers: verifiedReaders(db, groupId),
    gaps: groupStatements(db, groupId).gaps.length,
  };
}

/** The first key of a group: its named kaitiaki chooses a passphrase and where to keep the file. */
export async function createGroupKey(core: FocalCore, input: KeyFileInput & { groupId: number }): Promise<KaitiakiKeyStatus & { keyFile: string | null; recoveryCode?: string }> {
  const db = core.requireProject().db;
  const g = group(core, input.groupId);
  if (g.kaitiakiId === null) throw new FocalError('bad-input', `Name the kaitiaki of '${g.name}' first; the key is theirs.`);
  const chain = groupStatements(db, g.id, []);
  if (chain.current) {
    throw new FocalError('conflict', `'${g.name}' already has a kaitiaki key (${chain.current.fingerprint}). ${g.kaitiakiName} hands it on with the key; a lost key is replaced only by a new collective consent record naming the kaitiaki.`);
  }
  const path = await keyPath(core, 'save', input.keyFile, `${g.name} kaitiaki key`);
  if (!path) return { ...keyStatus(core, g.id), keyFile: null };
  const { file, key } = createKeyFile(input.passphrase, g.name, core.now());
  const { code, recovery } = createRecovery();
  writeKeyFile(path, file);
  db.transaction(() => {
    storeStatement(db, key, { groupId: g.id, kind: 'key-register', by: g.kaitiakiName!, at: core.now(), subject: { publicKey: key.publicKey, kaitiakiId: g.kaitiakiId, kaitiakiName: g.kaitiakiName, recovery } });
    core.requireProject().audit(core.actor, 'kaitiaki-key-created', { groupId: g.id, kaitiaki: g.kaitiakiName, fingerprint: key.fingerprint }, core.now());
  })();
  holdKey(core, key);
  core.emit('changed', { kinds: ['participants', 'consent'] });
  return { ...keyStatus(core, g.id), keyFile: path, recoveryCode: code };
}

/** Unlock the group's current key for this session (memory only). */
export async function unlockGroupKey(core: FocalCore, input: KeyFileInput & { groupId: number }): Promise<KaitiakiKeyStatus> {
  const db = core.requireProject().db;
  const g = group(core, input.groupId);
  const current = groupStatements(db, g.id, []).current;
  if (!current) throw new FocalError('bad-input', `'${g.name}' has no kaitiaki key yet; create one first.`);
  const path = await keyPath(core, 'open', input.keyFile, `${g.name} kaitiaki key`);
  if (!path) return keyStatus(core, g.id);
  const file = readKeyFile(path);
  const key = unlockKeyFile(file, input.passphrase);
  if (key.fingerprint !== current.fingerprint) {
    throw new FocalError('forbidden', `This key (${key.fingerprint}) is not the current kaitiaki key of '${g.name}' (${current.fingerprint}).`);
  }
  holdKey(core, key);
  core.requireProject().audit(core.actor, 'kaitiaki-key-unlocked', { groupId: g.id, fingerprint: key.fingerprint }, core.now());
  core.emit('changed', { kinds: ['participants', 'consent'] });
  return keyStatus(core, g.id);
}

export function lockGroupKey(core: FocalCore, groupId: number): KaitiakiKeyStatus {
  const current = groupStatements(core.requireProject().db, groupId, []).current;
  if (current) dropKey(core, current.fingerprint);
  core.emit('changed', { kinds: ['participants', 'consent'] });
  return keyStatus(core, groupId);
}

/** Hashes of the statements the outgoing key signed that verify now: they stay valid after it. */
function closes(core: FocalCore, groupId: number, fingerprint: string): string[] {
  return groupStatements(core.requireProject().db, groupId)
    .valid.filter((s) => s.body.key === fingerprint)
    .map((s) => s.hash);
}

function requirePerson(core: FocalCore, id: number): string {
  const p = core.requireProject().db.prepare('SELECT name, kind FROM participants WHERE id = ?').get(id) as { name: string; kind: string } | undefined;
  if (!p || p.kind !== 'person') throw new FocalError('not-found', `There is no person with id ${id} in the register; the kaitiaki is a person.`);
  return p.name;
}

/** The kaitiaki hands the role on: signed by the outgoing key, naming the new kaitiaki's new key. */
export async function handOver(core: FocalCore, input: KeyFileInput & { groupId: number; newKaitiakiId: number }): Promise<KaitiakiKeyStatus & { keyFile: string | null; recoveryCode?: string }> {
  const db = core.requireProject().db;
  const auth = requireKaitiakiKey(core, input.groupId, 'This group');
  const newName = requirePerson(core, input.newKaitiakiId);
  const path = await keyPath(core, 'save', input.keyFile, `${auth.groupName} kaitiaki key (${newName})`);
  if (!path) return { ...keyStatus(core, auth.groupId), keyFile: null };
  const { file, key } = createKeyFile(input.passphrase, auth.groupName, core.now());
  const { code, recovery } = createRecovery();
  writeKeyFile(path, file);
  db.transaction(() => {
    storeStatement(db, auth.key, {
      groupId: auth.groupId,
      kind: 'key-handover',
      by: auth.kaitiakiName,
      at: core.now(),
      subject: { publicKey: key.publicKey, kaitiakiId: input.newKaitiakiId, kaitiakiName: newName, closes: closes(core, auth.groupId, auth.key.fingerprint), recovery },
    });
    db.prepare('UPDATE participants SET kaitiaki_id = ? WHERE id = ?').run(input.newKaitiakiId, auth.groupId);
    core.requireProject().audit(core.actor, 'kaitiaki-handed-on', { groupId: auth.groupId, from: auth.kaitiakiName, to: newName, fingerprint: key.fingerprint, previous: auth.key.fingerprint }, core.now());
  })();
  dropKey(core, auth.key.fingerprint);
  holdKey(core, key);
  core.emit('changed', { kinds: ['participants', 'consent'] });
  return { ...keyStatus(core, auth.groupId), keyFile: path, recoveryCode: code };
}

export interface RecoveryInput extends KeyFileInput {
  groupId: number;
  newKaitiakiId: number;
  givenById?: number | null | undefined;
  givenByLabel?: string | undefined;
  givenOn: string;
  conditions?: string | undefined;
  /** The recovery code shown when the lost key was made (or last handed on). */
  recoveryCode: string;
}

/**
 * A lost key: the group's record of consent names the (new) kaitiaki, and the new key is registered
 * against that record (signed by the new key, citing the record's content). Audited, and listed by
 * `focal check` so the team confirms it with the group. The old key's decisions stay valid.
 */
export async function recoverKey(core: FocalCore, input: RecoveryInput): Promise<KaitiakiKeyStatus & { keyFile: string | null; consentId: number | null; recoveryCode?: string }> {
  const db = core.requireProject().db;
  const g = group(core, input.groupId);
  const chain = groupStatements(db, g.id, []);
  if (!chain.current) throw new FocalError('bad-input', `'${g.name}' has no kaitiaki key to replace; create its first key instead.`);
  const newName = requirePerson(core, input.newKaitiakiId);
  const label = input.givenByLabel?.normalize('NFC').trim() ?? '';
  if ((input.givenById ?? null) === null && !label) throw new FocalError('bad-input', "Say who gave the group's consent to the new kaitiaki (a person in the register, or their name).");
  // Only the group's recovery code replaces a key: a consent record anyone can type is not enough.
  const lost = chain.current.recovery;
  if (!lost) throw new FocalError('forbidden', `'${g.name}''s kaitiaki key was made before recovery codes, so it cannot be replaced here; its sessions stay protected. Ask for help from the team that holds the project's records.`);
  if (recoveryKeyFrom(input.recoveryCode, lost.salt).publicKey !== lost.publicKey) {
    throw new FocalError('forbidden', `That is not the recovery code of '${g.name}''s kaitiaki key (${chain.current.fingerprint}). The code was shown once when the key was made or handed on; check the group's records.`);
  }
  const path = await keyPath(core, 'save', input.keyFile, `${g.name} kaitiaki key (${newName})`);
  if (!path) return { ...keyStatus(core, g.id), keyFile: null, consentId: null };
  const { file, key } = createKeyFile(input.passphrase, g.name, core.now());
  const next = createRecovery();
  const keep = closes(core, g.id, chain.current.fingerprint);
  writeKeyFile(path, file);
  const consentId = db.transaction(() => {
    const conditions = `Names ${newName} as kaitiaki of the group's data, with a new kaitiaki key (${key.fingerprint}), after the previous key (${chain.current!.fingerprint}) was lost.${input.conditions ? ` ${input.conditions.normalize('NFC')}` : ''}`;
    const consentId = Number(
      db
        .prepare('INSERT INTO collective_consents (group_id, given_by_id, given_by_label, given_on, conditions, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(g.id, input.givenById ?? null, label, input.givenOn, conditions, core.now()).lastInsertRowid,
    );
    const consentHash = consentRecordHash(db, consentId, g.id);
    storeStatement(db, key, {
      groupId: g.id,
      kind: 'key-recovery',
      by: newName,
      at: core.now(),
      subject: {
        publicKey: key.publicKey,
        kaitiakiId: input.newKaitiakiId,
        kaitiakiName: newName,
        consent: { id: consentId, hash: consentHash },
        closes: keep,
        recoveryProof: recoveryProof(input.recoveryCode, lost, key.publicKey, consentHash),
        recovery: next.recovery,
      },
    });
    db.prepare('UPDATE participants SET kaitiaki_id = ? WHERE id = ?').run(input.newKaitiakiId, g.id);
    core.requireProject().audit(core.actor, 'kaitiaki-key-recovered', { groupId: g.id, consentId, kaitiaki: newName, fingerprint: key.fingerprint, previous: chain.current!.fingerprint, decisionsKept: keep.length }, core.now());
    return consentId;
  })();
  holdKey(core, key);
  core.emit('changed', { kinds: ['participants', 'consent'] });
  return { ...keyStatus(core, g.id), keyFile: path, consentId, recoveryCode: next.code };
}

/** The people the kaitiaki allows to read restricted passages (in a kaupapa Māori frame). Signed. */
export function setReaders(core: FocalCore, groupId: number, readers: string[]): KaitiakiKeyStatus {
  const db = core.requireProject().db;
  const auth = requireKaitiakiKey(core, groupId, 'This group');
  const names = [...new Set(readers.map((r) => r.normalize('NFC').trim()).filter(Boolean))];
  db.transaction(() => {
    storeStatement(db, auth.key, { groupId, kind: 'readers', by: auth.kaitiakiName, at: core.now(), subject: { readers: names.map((name) => ({ name })) } });
    core.requireProject().audit(core.actor, 'kaitiaki-readers-set', { groupId, readers: names.length, kaitiaki: auth.kaitiakiName }, core.now());
  })();
  core.emit('changed', { kinds: ['participants', 'sources'] });
  return keyStatus(core, groupId);
}

/**
 * The kaitiaki acknowledges the gaps in the group's record (statements removed from the file) after
 * reviewing its decisions: a signed `gap-ack` naming each missing statement's hash. The decisions
 * that are still there count again; what was removed stays gone (decide again where needed).
 */
export function acknowledgeGaps(core: FocalCore, groupId: number): { acknowledged: number } {
  const db = core.requireProject().db;
  const auth = requireKaitiakiKey(core, groupId, 'This group');
  const gaps = groupStatements(db, groupId).gaps;
  if (!gaps.length) return { acknowledged: 0 };
  const missing = [...new Set(gaps.map((g) => g.missing))];
  db.transaction(() => {
    storeStatement(db, auth.key, { groupId, kind: 'gap-ack', by: auth.kaitiakiName, at: core.now(), subject: { missing } });
    core.requireProject().audit(core.actor, 'kaitiaki-gap-acknowledged', { groupId, missing: missing.length, kaitiaki: auth.kaitiakiName }, core.now());
  })();
  core.emit('changed', { kinds: ['participants', 'quotes'] });
  return { acknowledged: missing.length };
}

export type { UnlockedKey };
