/**
 * Kaitiaki decisions: approving or refusing a quote, an export (by its label), or the release of a
 * recorded tikanga part for coding and export. Refusals are recorded like approvals; revoking keeps
 * the record and dates it. Only the named kaitiaki of the group whose kōrero it is decides, and
 * every decision is audited. The export gate (rows 9 and 11) reads these rows: an approval counts
 * while revoked_at is NULL; a part counts as released while released_by_approval_id is set.
 */
import type { Approval, ApprovalDecision, ApprovalScope } from '../../../shared/domain/tikanga';
import { partKindLabel } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { storeStatement } from '../kaitiaki/statements';
import { decisionSubject } from '../kaitiaki/decision-subjects';
import { requireKaitiaki, requireSourceRow } from './kaitiaki';
import { getPart } from './session-parts';

const COLUMNS = `a.id, a.group_id AS groupId, g.name AS groupName, a.kaitiaki_id AS kaitiakiId, k.name AS kaitiakiName,
  a.scope, a.quote_id AS quoteId, a.export_label AS exportLabel, a.part_id AS partId, a.decision, a.output, a.conditions,
  a.decided_at AS decidedAt, a.revoked_at AS revokedAt
  FROM approvals a JOIN participants g ON g.id = a.group_id JOIN participants k ON k.id = a.kaitiaki_id`;

export function getApproval(db: ProjectDb, id: number): Approval {
  const row = db.prepare(`SELECT ${COLUMNS} WHERE a.id = ?`).get(id) as Approval | undefined;
  if (!row) throw new FocalError('not-found', `There is no kaitiaki decision with id ${id}.`);
  return row;
}

export function listApprovals(db: ProjectDb, filter: { groupId?: number | undefined; quoteId?: number | undefined; partId?: number | undefined; scope?: ApprovalScope | undefined; sourceId?: number | undefined }): Approval[] {
  return db
    .prepare(
      `SELECT ${COLUMNS}
       WHERE (@groupId IS NULL OR a.group_id = @groupId) AND (@quoteId IS NULL OR a.quote_id = @quoteId)
         AND (@partId IS NULL OR a.part_id = @partId) AND (@scope IS NULL OR a.scope = @scope)
         AND (@sourceId IS NULL OR a.quote_id IN (SELECT id FROM quotes WHERE source_id = @sourceId)
              OR a.part_id IN (SELECT id FROM session_parts WHERE source_id = @sourceId))
       ORDER BY a.decided_at, a.id`,
    )
    .all({ groupId: filter.groupId ?? null, quoteId: filter.quoteId ?? null, partId: filter.partId ?? null, scope: filter.scope ?? null, sourceId: filter.sourceId ?? null }) as Approval[];
}

export interface DecisionInput {
  scope: ApprovalScope;
  decision: ApprovalDecision;
  quoteId?: number | undefined;
  partId?: number | undefined;
  /** For scope 'export': the group and the export's label, e.g. "Report to the funder, March 2026". */
  groupId?: number | undefined;
  exportLabel?: string | undefined;
  /** For which output the decision is made (report, presentation, return to the rōpū...). */
  output?: string | undefined;
  conditions?: string | undefined;
}

/** What the decision is about: its group, and a description for messages and the audit log. */
function subject(db: ProjectDb, input: DecisionInput): { groupId: number | null; what: string; detail: Record<string, unknown> } {
  if (input.scope === 'quote') {
    if (input.quoteId === undefined) throw new FocalError('bad-input', 'Say which quote the decision is about (quoteId).');
    const q = db.prepare('SELECT id, source_id, start, end FROM quotes WHERE id = ?').get(input.quoteId) as { id: number; source_id: number; start: number; end: number } | undefined;
    if (!q) throw new FocalError('not-found', `There is no quote with id ${input.quoteId}; it may have been removed from the quote bank.`);
    const s = requireSourceRow(db, q.source_id);
    if (s.mode !== 'tikanga') throw new FocalError('bad-input', `Quote ${q.id} is from "${s.title}", a mainstream session; kaitiaki approval is for tikanga-based kōrero.`);
    return { groupId: s.group_id, what: `"${s.title}"`, detail: { quoteId: q.id, sourceId: s.id, start: q.start, end: q.end } };
  }
  if (input.scope === 'part') {
    if (input.partId === undefined) throw new FocalError('bad-input', 'Say which session part the decision is about (partId).');
    const part = getPart(db, input.partId);
    if (!part.recorded) throw new FocalError('bad-input', `The ${partKindLabel(part.kind)} was not recorded; there is nothing to release.`);
    if (part.phase === 'korero') throw new FocalError('bad-input', 'The kōrero is coded as usual; only opening and closing parts are released by the kaitiaki.');
    const s = requireSourceRow(db, part.sourceId);
    return { groupId: s.group_id, what: `"${s.title}"`, detail: { partId: part.id, kind: part.kind, sourceId: s.id } };
  }
  if (input.groupId === undefined || !input.exportLabel?.trim()) throw new FocalError('bad-input', 'An export decision names the group (groupId) and the export (exportLabel).');
  return { groupId: input.groupId, what: 'This export', detail: { exportLabel: input.exportLabel.trim() } };
}

export function recordDecision(core: FocalCore, input: DecisionInput): Approval {
  const db = core.requireProject().db;
  const subj = subject(db, input);
  const { groupId, kaitiakiId, kaitiakiName, key } = requireKaitiaki(core, subj.groupId, subj.what);
  const id = db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO approvals (group_id, kaitiaki_id, scope, quote_id, export_label, part_id, decision, output, conditions, decided_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          groupId,
          kaitiakiId,
          input.scope,
          input.scope === 'quote' ? input.quoteId : null,
          input.scope === 'export' ? input.exportLabel!.normalize('NFC').trim() : null,
          input.scope === 'part' ? input.partId : null,
          input.decision,
          input.output?.normalize('NFC').trim() ?? '',
          input.conditions?.normalize('NFC') ?? '',
          core.now(),
        ).lastInsertRowid,
    );
    const signed = decisionSubject(db, { ...input, exportLabel: input.exportLabel?.normalize('NFC').trim(), output: input.output?.normalize('NFC').trim() ?? '', conditions: input.conditions?.normalize('NFC') ?? '' });
    storeStatement(db, key, { groupId, kind: signed.kind, by: kaitiakiName, at: core.now(), subject: signed.subject, record: { table: 'approvals', id } });
    if (input.scope === 'part') {
      // A release sets the part's link; a refusal clears a standing release (the latest decision holds).
      db.prepare('UPDATE session_parts SET released_by_approval_id = ? WHERE id = ?').run(input.decision === 'approved' ? id : null, input.partId);
    }
    core.requireProject().audit(core.actor, input.decision === 'approved' ? 'kaitiaki-approved' : 'kaitiaki-refused', { approvalId: id, scope: input.scope, kaitiaki: kaitiakiName, groupId, output: input.output ?? '', conditions: input.conditions ?? '', ...subj.detail }, core.now());
    return id;
  })();
  core.emit('changed', { kinds: input.scope === 'part' ? ['consent', 'sources'] : ['consent'] });
  return getApproval(db, id);
}

export function revokeDecision(core: FocalCore, id: number): Approval {
  const db = core.requireProject().db;
  const a = getApproval(db, id);
  if (a.revokedAt !== null) throw new FocalError('conflict', `This decision was already revoked on ${a.revokedAt.slice(0, 10)}.`);
  const { kaitiakiName, key } = requireKaitiaki(core, a.groupId, `'${a.groupName}'`);
  db.transaction(() => {
    db.prepare('UPDATE approvals SET revoked_at = ? WHERE id = ?').run(core.now(), id);
    const statement = db.prepare("SELECT hash FROM kaitiaki_statements WHERE record_table = 'approvals' AND record_id = ? AND kind IN ('approval', 'part-release') ORDER BY id DESC LIMIT 1").pluck().get(id) as string | undefined;
    storeStatement(db, key, { groupId: a.groupId, kind: 'revoke', by: kaitiakiName, at: core.now(), subject: { statement: statement ?? null, approvalId: id }, record: { table: 'approvals', id } });
    db.prepare('UPDATE session_parts SET released_by_approval_id = NULL WHERE released_by_approval_id = ?').run(id);
    core.requireProject().audit(core.actor, 'kaitiaki-revoked', { approvalId: id, scope: a.scope, decision: a.decision, quoteId: a.quoteId, partId: a.partId, exportLabel: a.exportLabel, kaitiaki: kaitiakiName }, core.now());
  })();
  core.emit('changed', { kinds: a.scope === 'part' ? ['consent', 'sources'] : ['consent'] });
  return getApproval(db, id);
}
