/**
 * Correcting a transcript's text ("Correct transcript"): a person's edits, applied in one
 * transaction and one undo step, with every range that points into the text carried by the
 * offset map (plan.ts). Focal itself never rewrites stored text; only this call changes it.
 *
 * Who may correct what:
 * - an edit must lie inside one turn (or note, heading, paragraph): speakers are not text, and
 *   who said what is changed in the speaker review, never here;
 * - a tikanga-based session, a restricted (tapu) passage or a recorded opening/closing part is
 *   corrected only by someone who may read it (the kaitiaki with their key unlocked, or a reader
 *   on their signed list working in a kaupapa Māori frame); anyone else is refused with a message
 *   naming the kaitiaki. With no kaitiaki named there is nobody to ask (as for a change of mode),
 *   except for a restricted passage, which has a kaitiaki by construction.
 *
 * What happens to signed kaitiaki decisions: every statement names the source by the SHA-256 of
 * its text, so after a correction none of them matches any more: approvals of its quotes and part
 * releases (decisions about particular words) stop counting (protections stay: labels and marks
 * are carried as rows, and masking reads the rows). Nothing signed ever covers words it was not
 * signed over; the kaitiaki decides again. A quote whose words changed also has its approval rows
 * revoked, so it shows as waiting for a decision. When the kaitiaki corrects with their key, the
 * correction itself is signed (`source-correct`: hashes before and after, ranges, no words), and
 * an opening of the whole session to another frame carries through that signed step
 * (frames/frame-openings.ts); a correction nobody signed (a reader's) breaks the chain.
 * Undo restores the text, and with it the hash: the earlier statements match again.
 */
import type { CorrectionEdit, CorrectionResult } from '../../../shared/domain/corrections';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { logChange } from '../history/change-capture';
import { undoable } from '../history/history';
import { governingGroups, requireGoverningKaitiaki, unlockedGroupKey, type KaitiakiAuthority } from '../kaitiaki/authority';
import { sha256Hex } from '../kaitiaki/key-crypto';
import { storeStatement } from '../kaitiaki/statements';
import { codePaths } from '../quotes/quote-store';
import { mayReadRestricted, restrictedRanges } from '../tikanga/sensitivity';
import { fold } from '../../../shared/text/fold';
import { planCorrection, type CorrectionPlan } from './plan';
import { applySourceTextChange } from './source-text';

export interface CorrectInput {
  sourceId: number;
  edits: CorrectionEdit[];
  /** The frame the person works in (for a reader on the kaitiaki's list). */
  frameId?: number | undefined;
  /** SHA-256 of the text the edits were made against: refused if the text has changed since. */
  expectSha256?: string | undefined;
  /** Only report what the correction would do. */
  preview?: boolean | undefined;
}

/** Refuses a correction this person may not make; returns the kaitiaki keys to sign it with. */
function authorise(core: FocalCore, source: { id: number; title: string; mode: string; text: string }, plan: CorrectionPlan, frameId: number | undefined): KaitiakiAuthority[] {
  const db = core.requireProject().db;
  const restricted = restrictedRanges(db, source.id, source.text.length).some((r) => plan.map.touches(r.start, r.end));
  const parts = (db.prepare("SELECT start, end FROM session_parts WHERE source_id = ? AND recorded = 1 AND phase <> 'korero'").all(source.id) as Array<{ start: number; end: number }>).some((p) => plan.map.touches(p.start, p.end));
  const tikanga = source.mode === 'tikanga';
  const signers = (): KaitiakiAuthority[] => {
    try {
      return requireGoverningKaitiaki(core, source.id, '');
    } catch {
      return [];
    }
  };
  if (!restricted && !parts && !tikanga) return signers();
  const what = restricted ? `This correction touches a restricted (tapu) passage of "${source.title}"` : parts ? `This correction touches a recorded opening or closing part of "${source.title}"` : `"${source.title}" is a tikanga-based session`;
  if (mayReadRestricted(core, source.id, frameId)) return governingGroups(db, source.id).some((g) => unlockedGroupKey(core, g)) ? signers() : [];
  // Not allowed to read it: refused, naming the kaitiaki who can (requireGoverningKaitiaki throws).
  const authorities = requireGoverningKaitiaki(core, source.id, `${what}; only its kaitiaki (or a reader they named, working in a kaupapa Māori frame) can correct it`);
  if (restricted && !authorities.length) throw new FocalError('forbidden', `${what}, and no kaitiaki is named for its group: name the group's kaitiaki, who can then correct it with their key.`);
  return authorities;
}

export function correctSource(core: FocalCore, input: CorrectInput): CorrectionResult {
  const p = core.requireProject();
  const db = p.db;
  const source = db.prepare('SELECT id, title, mode, text FROM sources WHERE id = ?').get(input.sourceId) as { id: number; title: string; mode: string; text: string } | undefined;
  if (!source) throw new FocalError('not-found', `There is no transcript with id ${input.sourceId} in this project.`);
  const before = sha256Hex(source.text);
  if (input.expectSha256 && input.expectSha256 !== before) throw new FocalError('conflict', `"${source.title}" has changed since these corrections were made (its text is not the one they were typed against); reload it and correct again.`);
  const plan = planCorrection(db, source, input.edits);
  const authorities = authorise(core, source, plan, input.frameId);
  const afterSha = sha256Hex(plan.after);
  const paths = codePaths(db);
  const codeOf = db.prepare('SELECT code_id FROM codings WHERE id = ?').pluck();
  const removed = plan.ranges
    .filter((r) => r.to.fate === 'removed')
    .map((r) => ({ kind: r.kind, id: r.id, start: r.from.start, end: r.from.end, ...(r.kind === 'coding' ? { code: paths.get(codeOf.get(r.id) as number) ?? '' } : {}) }));
  const trimmed = plan.ranges.filter((r) => r.to.fate === 'trimmed').map((r) => ({ kind: r.kind, id: r.id, start: r.to.start, end: r.to.end }));
  const lapsed = (db.prepare("SELECT count(*) FROM kaitiaki_statements WHERE kind <> 'source-correct' AND instr(body, ?) > 0").pluck().get(before) as number) ?? 0;
  const label = `Correct "${source.title}" (${plan.map.edits.length} ${plan.map.edits.length === 1 ? 'edit' : 'edits'})`;
  const result: CorrectionResult = {
    sourceId: source.id,
    saved: !input.preview,
    sha256Before: before,
    sha256After: afterSha,
    edits: plan.map.edits.length,
    lengthBefore: source.text.length,
    lengthAfter: plan.after.length,
    codings: plan.counts.codings,
    quotes: plan.counts.quotes,
    marks: plan.counts.marks,
    removed,
    trimmed,
    quotesSentBack: plan.quotesSentBack,
    statementsLapsed: lapsed,
    historyLabel: input.preview ? null : label,
  };
  if (input.preview) return result;

  const ranges = plan.map.edits.map((e) => ({ start: e.start, end: e.end, length: e.text.length }));
  undoable(
    db,
    label,
    core.now(),
    () => {
      // The text, as edits both ways (never two copies of it in the history).
      const textChange = { id: source.id, from: before, to: afterSha, edits: plan.map.edits.map((e) => ({ ...e })) };
      const back = { id: source.id, from: afterSha, to: before, edits: plan.map.inverse(source.text).edits.map((e) => ({ ...e })) };
      applySourceTextChange(db, textChange as never);
      logChange(db, { table: 'source_text', op: 'update', old: back, new: textChange });
      const setBlock = db.prepare('UPDATE blocks SET start = ?, end = ? WHERE id = ?');
      const indexRow = db.prepare('SELECT rowid, folded, block_id FROM search_index WHERE block_id = ?');
      const setIndex = db.prepare('UPDATE search_index SET folded = ? WHERE rowid = ?');
      for (const b of plan.blocks) {
        if (b.moved) setBlock.run(b.start, b.end, b.id);
        if (!b.textChanged) continue;
        for (const row of indexRow.all(b.id) as Array<{ rowid: number; folded: string; block_id: number }>) {
          const folded = fold(plan.after.slice(b.start, b.end));
          setIndex.run(folded, row.rowid);
          logChange(db, { table: 'search_index', op: 'update', old: row, new: { ...row, folded } });
        }
      }
      // Statements compiled once: a correction early in a long transcript moves thousands of ranges.
      const stmts = new Map<string, ReturnType<typeof db.prepare>>();
      const run = (sql: string, ...args: unknown[]) => {
        let st = stmts.get(sql);
        if (!st) stmts.set(sql, (st = db.prepare(sql)));
        (st.run as (...a: unknown[]) => unknown).apply(st, args);
      };
      for (const r of plan.ranges) {
        const gone = r.to.fate === 'removed';
        if (r.table === 'session_parts') {
          // A part is a record of what happened at the hui: its words gone, it stays, with no length.
          run('UPDATE session_parts SET start = ?, end = ? WHERE id = ?', r.to.start, gone ? r.to.start : r.to.end, r.id);
        } else if (gone) {
          if (r.table === 'codings') run("DELETE FROM memos WHERE target_kind = 'coding' AND target_id = ?", r.id);
          run(`DELETE FROM ${r.table} WHERE id = ?`, r.id);
        } else if (r.table === 'quotes') {
          run('UPDATE quotes SET start = ?, end = ?, cuts = ? WHERE id = ?', r.to.start, r.to.end, JSON.stringify(r.cuts ?? []), r.id);
        } else if (r.table === 'annotations') {
          run('UPDATE annotations SET start = ?, end = ?, text = ? WHERE id = ?', r.to.start, r.to.end, r.text ?? '', r.id);
        } else {
          run(`UPDATE ${r.table} SET start = ?, end = ? WHERE id = ?`, r.to.start, r.to.end, r.id);
        }
      }
      const revoke = db.prepare('UPDATE approvals SET revoked_at = ? WHERE quote_id = ? AND revoked_at IS NULL');
      for (const q of plan.quotesSentBack) revoke.run(core.now(), q);
      // Kept outside the undo step on purpose: the log and the audit list every correction made.
      db.prepare('INSERT INTO source_corrections (source_id, before_sha, after_sha, ranges, actor, at) VALUES (?, ?, ?, ?, ?, ?)').run(source.id, before, afterSha, JSON.stringify(ranges), core.actor, core.now());
      for (const a of authorities) {
        storeStatement(db, a.key, { groupId: a.groupId, kind: 'source-correct', by: a.kaitiakiName, at: core.now(), subject: { source: { id: source.id, sha256: before }, to: { sha256: afterSha }, ranges } });
      }
      p.audit(core.actor, 'source-corrected', { sourceId: source.id, sha256Before: before, sha256After: afterSha, ranges, codings: plan.counts.codings, quotes: plan.counts.quotes, removed: removed.length, quotesSentBack: plan.quotesSentBack, statementsLapsed: lapsed, signedBy: authorities.map((a) => a.kaitiakiName) }, core.now());
    },
    2,
  );
  core.emit('changed', { kinds: ['sources', 'codings', 'codes', 'quotes', 'memos', 'history'] });
  return result;
}
