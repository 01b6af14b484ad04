/**
 * One user action = one transaction, audited, then a `changed` event. Every participant write
 * goes through here so nothing half-written is ever left behind and every change is on record.
 */
import type { FocalEvents } from '../../../shared/api/events';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';

export type ChangeKind = FocalEvents['changed']['kinds'][number];

export interface WriteContext {
  db: ProjectDb;
  /** The time of this action, the same for every row it writes. */
  now: string;
  audit(action: string, detail: unknown): void;
}

export function commit<T>(core: FocalCore, kinds: ChangeKind[], fn: (w: WriteContext) => T): T {
  const session = core.requireProject();
  const now = core.now();
  const w: WriteContext = { db: session.db, now, audit: (action, detail) => session.audit(core.actor, action, detail, now) };
  const result = session.db.transaction(() => fn(w))();
  core.emit('changed', { kinds });
  return result;
}

/** Names are stored NFC (so `ā` typed two ways is one letter), trimmed, with single spaces. */
export function cleanName(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** The file name without folders, for messages: `participants.csv`, not `C:\Users\...\participants.csv`. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}
