/**
 * Memos on the project, a source, a code, a coding or a participant. The body is Lexical's JSON;
 * body_text is its plain text, searched with folding (macrons optional), never rewritten.
 * Saving (autosave) is not an undo step, so Ctrl+Z never eats a sentence; deleting is.
 */
import type { Memo, MemoTarget, MemoTargetKind } from '../../../shared/domain/memos';
import { fold } from '../../../shared/text/fold';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import { memoBodyProblem } from './lexical-body';

interface MemoRow {
  id: number;
  target_kind: MemoTargetKind;
  target_id: number | null;
  title: string;
  body: string;
  body_text: string;
  author: string;
  created_at: string;
  updated_at: string;
}

const KIND_WORD: Record<MemoTargetKind, string> = { project: 'Project', source: 'Transcript', code: 'Code', coding: 'Coded passage', participant: 'Participant' };

/** What a target is, in words, and (for a coding) where it is. Null when the target no longer exists. */
function describeTarget(db: ProjectDb, t: MemoTarget): { label: string; source: Memo['targetSource'] } | null {
  const one = (sql: string) => db.prepare(sql).get(t.id) as Record<string, unknown> | undefined;
  switch (t.kind) {
    case 'project': {
      const p = db.prepare('SELECT name FROM project WHERE id = 1').get() as { name: string } | undefined;
      return { label: `Project${p ? `: ${p.name}` : ''}`, source: null };
    }
    case 'source': {
      const r = one('SELECT title FROM sources WHERE id = ?');
      return r ? { label: `Transcript: ${r.title as string}`, source: null } : null;
    }
    case 'code': {
      const r = one('SELECT name FROM codes WHERE id = ?');
      return r ? { label: `Code: ${r.name as string}`, source: null } : null;
    }
    case 'participant': {
      const r = one('SELECT name FROM participants WHERE id = ?');
      return r ? { label: `Participant: ${r.name as string}`, source: null } : null;
    }
    case 'coding': {
      const r = one('SELECT cd.source_id AS sourceId, cd.start, cd.end, c.name AS code, s.title, s.text FROM codings cd JOIN codes c ON c.id = cd.code_id JOIN sources s ON s.id = cd.source_id WHERE cd.id = ?');
      if (!r) return null;
      // Offsets are UTF-16, as in JavaScript: slice here, not with SQLite's character-based substr.
      const quoted = String(r.text).slice(r.start as number, r.end as number);
      return {
        label: `Coded passage (${r.code as string}) in ${r.title as string}: “${quoted.length > 60 ? `${quoted.slice(0, 60)}…` : quoted}”`,
        source: { sourceId: r.sourceId as number, start: r.start as number, end: r.end as number },
      };
    }
  }
}

function toMemo(db: ProjectDb, r: MemoRow): Memo {
  const target = { kind: r.target_kind, id: r.target_id };
  const d = describeTarget(db, target);
  // A stored body the editor cannot load is never handed to it: the view shows the problem and the plain text.
  const problem = memoBodyProblem(r.body);
  return {
    id: r.id,
    target,
    targetLabel: d?.label ?? `${KIND_WORD[r.target_kind]} (deleted)`,
    targetSource: d?.source ?? null,
    title: r.title,
    body: problem ? '' : r.body,
    bodyProblem: problem ? `This memo's stored text is not in the editor's format (${problem}); its plain text is shown instead. Copy what you need into a new memo.` : null,
    bodyText: r.body_text,
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listMemos(db: ProjectDb, f: { targetKind?: MemoTargetKind | undefined; targetId?: number | undefined; query?: string | undefined }): Memo[] {
  const rows = db
    .prepare(
      `SELECT * FROM memos WHERE (@kind IS NULL OR target_kind = @kind) AND (@tid IS NULL OR target_id = @tid) ORDER BY updated_at DESC, id DESC`,
    )
    .all({ kind: f.targetKind ?? null, tid: f.targetId ?? null }) as MemoRow[];
  const q = fold(f.query?.trim() ?? '');
  const words = q.split(/\s+/).filter(Boolean);
  const hit = (r: MemoRow) => {
    if (!words.length) return true;
    const hay = fold(`${r.title}\n${r.body_text}`);
    return words.every((w) => hay.includes(w));
  };
  return rows.filter(hit).map((r) => toMemo(db, r));
}

function requireMemo(db: ProjectDb, id: number): MemoRow {
  const r = db.prepare('SELECT * FROM memos WHERE id = ?').get(id) as MemoRow | undefined;
  if (!r) throw new FocalError('not-found', `There is no memo with id ${id}; it may have been deleted.`);
  return r;
}

export function getMemo(db: ProjectDb, id: number): Memo {
  return toMemo(db, requireMemo(db, id));
}

export function saveMemo(core: FocalCore, input: { id?: number | undefined; target: MemoTarget; title?: string | undefined; body: string; bodyText: string }): Memo {
  const db = core.requireProject().db;
  if (!describeTarget(db, input.target)) throw new FocalError('not-found', `There is no ${KIND_WORD[input.target.kind].toLowerCase()} with id ${input.target.id} to write a memo about.`);
  const problem = memoBodyProblem(input.body);
  if (problem) throw new FocalError('bad-input', `The memo was not saved: its text is not in the memo editor's format (${problem}). Reload the memo and try again.`);
  const now = core.now();
  const bodyText = input.bodyText.normalize('NFC');
  let id: number;
  if (input.id !== undefined) {
    const old = requireMemo(db, input.id);
    if (old.target_kind !== input.target.kind || old.target_id !== input.target.id) throw new FocalError('bad-input', 'A memo cannot move to another target.');
    db.prepare('UPDATE memos SET title = coalesce(?, title), body = ?, body_text = ?, updated_at = ? WHERE id = ?').run(input.title ?? null, input.body, bodyText, now, input.id);
    id = input.id;
  } else {
    id = Number(
      db
        .prepare('INSERT INTO memos (target_kind, target_id, title, body, body_text, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.target.kind, input.target.id, input.title ?? '', input.body, bodyText, core.actor, now, now).lastInsertRowid,
    );
  }
  core.emit('changed', { kinds: ['memos'] });
  return getMemo(db, id);
}

export function deleteMemo(core: FocalCore, id: number): null {
  const db = core.requireProject().db;
  const m = toMemo(db, requireMemo(db, id));
  undoable(db, `Delete memo on ${m.targetLabel.split(':')[0]}`, core.now(), () => db.prepare('DELETE FROM memos WHERE id = ?').run(id));
  core.emit('changed', { kinds: ['memos', 'history'] });
  return null;
}
