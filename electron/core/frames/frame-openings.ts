/**
 * Opening a tikanga-based session to a frame that is not kaupapa Māori. Such a session is open
 * only to kaupapa Māori frames until the kaitiaki of a group governing it opens it to another
 * frame, with their key: a signed `frame-open` statement naming the session (by the SHA-256 of its
 * text) and the frame. The frame_sources row alone is not believed: an opening counts only while
 * a verified statement stands behind it.
 */
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { governingGroups, requireGoverningKaitiaki, type KaitiakiAuthority } from '../kaitiaki/authority';
import { groupStatements, storeStatement } from '../kaitiaki/statements';
import { sourceSha } from '../kaitiaki/subjects';

/**
 * The texts this session had that lead to its text now through corrections its group's kaitiaki
 * signed (`source-correct`, corrections/): the kaitiaki attested each step as the same session,
 * corrected. An opening (about the whole session, not about particular words) signed over an
 * earlier text still counts through such a chain; a correction nobody signed breaks it.
 */
export function signedTextLineage(db: ProjectDb, sourceId: number, groupId: number, sha: string): Set<string> {
  const out = new Set([sha]);
  const steps = groupStatements(db, groupId, ['source-correct'])
    .valid.filter((s) => s.body.kind === 'source-correct')
    .map((s) => s.body.subject as { source?: { id?: number; sha256?: string }; to?: { sha256?: string } })
    .filter((sub) => sub.source?.id === sourceId && typeof sub.source.sha256 === 'string' && typeof sub.to?.sha256 === 'string');
  for (let grew = true; grew; ) {
    grew = false;
    for (const st of steps) {
      if (out.has(st.to!.sha256!) && !out.has(st.source!.sha256!)) {
        out.add(st.source!.sha256!);
        grew = true;
      }
    }
  }
  return out;
}

/** Frame ids a governing kaitiaki has opened this (tikanga-based) session to, by verified statement. */
export function signedOpenings(db: ProjectDb, sourceId: number): Set<number> {
  const sha = sourceSha(db, sourceId);
  const out = new Set<number>();
  for (const g of governingGroups(db, sourceId)) {
    const texts = signedTextLineage(db, sourceId, g, sha);
    for (const s of groupStatements(db, g, ['frame-open']).valid) {
      if (s.body.kind !== 'frame-open') continue;
      const sub = s.body.subject as { source?: { id?: number; sha256?: string }; frame?: { id?: number } };
      if (sub.source?.id === sourceId && typeof sub.source.sha256 === 'string' && texts.has(sub.source.sha256) && typeof sub.frame?.id === 'number') out.add(sub.frame.id);
    }
  }
  return out;
}

/** Whether any group governing the session has a kaitiaki named (then only they open it to other frames). */
export function governingKaitiakiNamed(db: ProjectDb, sourceId: number): boolean {
  return governingGroups(db, sourceId).some((g) => db.prepare('SELECT kaitiaki_id FROM participants WHERE id = ?').pluck().get(g) != null);
}

/** Who can open a tikanga-based session to other frames: its governing kaitiaki, by name (or what to do first). */
export function whoCanOpen(core: FocalCore | null, db: ProjectDb, sourceId: number): { names: string[]; text: string } {
  const names: string[] = [];
  for (const g of governingGroups(db, sourceId)) {
    const row = db.prepare('SELECT p.name AS groupName, k.name AS kaitiaki FROM participants p LEFT JOIN participants k ON k.id = p.kaitiaki_id WHERE p.id = ?').get(g) as { groupName: string; kaitiaki: string | null };
    if (row.kaitiaki) names.push(`${row.kaitiaki}, kaitiaki of '${row.groupName}'`);
  }
  void core;
  if (!names.length) return { names, text: "no kaitiaki is named for it yet, so the project can open it to another frame on purpose (once the group's kaitiaki is named, only they can)" };
  return { names, text: `only ${names.join(' and ')}, can open it to another frame, with their kaitiaki key` };
}

/**
 * The authorities needed to open a tikanga-based session to frames that are not kaupapa Māori:
 * every governing group's kaitiaki, with their key unlocked (none when no kaitiaki is named).
 */
export function requireOpeningKaitiaki(core: FocalCore, sourceId: number, title: string): KaitiakiAuthority[] {
  const db = core.requireProject().db;
  const what = `"${title}" is a tikanga-based session, open only to kaupapa Māori frames`;
  // Groups with no kaitiaki named give nobody to ask and do not block (as for a change of mode or group).
  void db;
  return requireGoverningKaitiaki(core, sourceId, what);
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
