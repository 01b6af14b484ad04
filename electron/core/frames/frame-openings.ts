/**
 * Opening a tikanga-based session to a frame that is not kaupapa Māori. Such a session is open
 * only to kaupapa Māori frames until the kaitiaki of a group governing it opens it to another
 * frame, with their key: a signed `frame-open` statement naming the session (by the SHA-256 of its
 * text) and the frame. The frame_sources row alone is not believed: an opening counts only while
 * a verified statement stands behind it.
 */
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { authorityProblem, governingGroups, requireGoverningKaitiaki, type KaitiakiAuthority } from '../kaitiaki/authority';
import { groupStatements, storeStatement } from '../kaitiaki/statements';
import { sourceSha } from '../kaitiaki/subjects';

/** Frame ids a governing kaitiaki has opened this (tikanga-based) session to, by verified statement. */
export function signedOpenings(db: ProjectDb, sourceId: number): Set<number> {
  const sha = sourceSha(db, sourceId);
  const out = new Set<number>();
  for (const g of governingGroups(db, sourceId)) {
    for (const s of groupStatements(db, g, ['frame-open']).valid) {
      if (s.body.kind !== 'frame-open') continue;
      const sub = s.body.subject as { source?: { id?: number; sha256?: string }; frame?: { id?: number } };
      if (sub.source?.id === sourceId && sub.source.sha256 === sha && typeof sub.frame?.id === 'number') out.add(sub.frame.id);
    }
  }
  return out;
}

/** Who can open a tikanga-based session to other frames: its governing kaitiaki, by name (or what to do first). */
export function whoCanOpen(core: FocalCore | null, db: ProjectDb, sourceId: number): { names: string[]; text: string } {
  const names: string[] = [];
  for (const g of governingGroups(db, sourceId)) {
    const row = db.prepare('SELECT p.name AS groupName, k.name AS kaitiaki FROM participants p LEFT JOIN participants k ON k.id = p.kaitiaki_id WHERE p.id = ?').get(g) as { groupName: string; kaitiaki: string | null };
    if (row.kaitiaki) names.push(`${row.kaitiaki}, kaitiaki of '${row.groupName}'`);
  }
  void core;
  if (!names.length) return { names, text: "no kaitiaki is named for it yet: choose its group (rōpū) in the session's details and name the group's kaitiaki, who can then open it" };
  return { names, text: `only ${names.join(' and ')}, can open it to another frame, with their kaitiaki key` };
}

/**
 * The authorities needed to open a tikanga-based session to the given non-kaupapa-Māori frames
 * (none needed when nothing new is opened). At least one kaitiaki must govern the session.
 */
export function requireOpeningKaitiaki(core: FocalCore, sourceId: number, title: string): KaitiakiAuthority[] {
  const db = core.requireProject().db;
  const what = `"${title}" is a tikanga-based session, open only to kaupapa Māori frames`;
  const out = requireGoverningKaitiaki(core, sourceId, what);
  if (!out.length) {
    const named = governingGroups(db, sourceId).map((g) => authorityProblem(core, g).problem).filter(Boolean);
    throw new FocalError('forbidden', `${what}; ${named.length ? named.join(' ') : whoCanOpen(core, db, sourceId).text}.`);
  }
  return out;
}

/** Sign the openings (inside the caller's transaction). */
export function signOpenings(core: FocalCore, authorities: KaitiakiAuthority[], sourceId: number, frames: Array<{ id: number; name: string; kind: string }>): void {
  const db = core.requireProject().db;
  const sha = sourceSha(db, sourceId);
  for (const a of authorities) {
    for (const f of frames) {
      storeStatement(db, a.key, { groupId: a.groupId, kind: 'frame-open', by: a.kaitiakiName, at: core.now(), subject: { source: { id: sourceId, sha256: sha }, frame: { id: f.id, name: f.name, kind: f.kind }, decision: 'opened' } });
    }
  }
}
