/**
 * Coder copies and coder identity. A coder's copy is a complete online backup of the project with
 * `team.copy` = { coder, madeAt, from } in its settings, so GUIDs match when it is merged back.
 * The team's fixed list of coders lives in the project (`team.coders`); the person's own name and
 * whether they confirmed it live in the app's preferences.
 */
import { basename, extname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { TeamInfo } from '../../../shared/api/calls-team';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';

const COPY_KEY = 'team.copy';
const CODERS_KEY = 'team.coders';

function setting<T>(db: ProjectDb, key: string): T | null {
  const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (v === undefined) return null;
  try {
    return JSON.parse(v) as T;
  } catch {
    return null;
  }
}

export function copyRecord(db: ProjectDb): TeamInfo['copy'] {
  const c = setting<{ coder?: unknown; madeAt?: unknown; from?: unknown }>(db, COPY_KEY);
  return c && typeof c.coder === 'string' ? { coder: c.coder, madeAt: String(c.madeAt ?? ''), from: String(c.from ?? '') } : null;
}

export function teamCoders(db: ProjectDb): string[] {
  const list = setting<unknown>(db, CODERS_KEY);
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

export function teamInfo(core: FocalCore): TeamInfo {
  const db = core.project?.db;
  const prefs = core.state.prefs;
  return {
    coder: prefs.userName,
    coderConfirmed: prefs.coderConfirmed === true || !!process.env.FOCAL_USER,
    copy: db ? copyRecord(db) : null,
    coders: db ? teamCoders(db) : [],
    knownCoders: db ? (db.prepare('SELECT name FROM coders ORDER BY name').pluck().all() as string[]) : [],
  };
}

/** The closest name in the list (case and spacing ignored), for "did you mean". */
function closest(name: string, list: string[]): string | undefined {
  const k = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return list.find((x) => k(x) === k(name));
}

export function setCoder(core: FocalCore, name: string): TeamInfo {
  const nfc = name.normalize('NFC');
  const list = core.project ? teamCoders(core.project.db) : [];
  if (list.length && !list.includes(nfc)) {
    const near = closest(nfc, list);
    throw new FocalError('bad-input', `"${nfc}" is not on this project's team list${near ? `: did you mean "${near}"?` : ''} The team's coders are ${list.join(', ')}; ask the lead to add a new coder.`);
  }
  core.state.setPrefs({ userName: nfc, coderConfirmed: true });
  core.emit('changed', { kinds: ['project'] });
  return teamInfo(core);
}

export function setTeamCoders(core: FocalCore, coders: string[]): TeamInfo {
  const p = core.requireProject();
  const list = [...new Set(coders.map((c) => c.normalize('NFC')))];
  p.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(CODERS_KEY, JSON.stringify(list));
  p.audit(core.actor, 'team-coders-set', { coders: list.length }, core.now());
  core.emit('changed', { kinds: ['project'] });
  return teamInfo(core);
}

export async function saveCoderCopy(core: FocalCore, coder: string, given?: string): Promise<{ path: string; coder: string } | null> {
  const p = core.requireProject();
  const name = coder.normalize('NFC');
  const list = teamCoders(p.db);
  if (list.length && !list.includes(name)) throw new FocalError('bad-input', `"${name}" is not on this project's team list (${list.join(', ')}); add them to the list first.`);
  const chosen = given ?? (await core.host.chooseExportPath(`${basename(p.path, '.focal')} - ${name}.focal`, ['focal']));
  if (!chosen) return null;
  const target = resolve(extname(chosen) ? chosen : `${chosen}.focal`);
  if (target === resolve(p.path)) throw new FocalError('bad-input', `${basename(target)} is the open project itself; choose another name for the coder's copy.`);
  await p.backup(target);
  const copy = new Database(target);
  try {
    copy.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(COPY_KEY, JSON.stringify({ coder: name, madeAt: core.now(), from: basename(p.path) }));
    copy.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    copy.close();
  }
  p.audit(core.actor, 'team-copy-saved', { coder: name }, core.now());
  return { path: target, coder: name };
}
