/**
 * What `focal check` says about kaitiaki authority: decisions that do not count (a broken
 * signature, a superseded key, a record with no signed statement behind it, a decision whose quote
 * now holds other text), tikanga groups whose kaitiaki has no key, and keys replaced by collective
 * consent (to confirm with the group). Read-only.
 */
import type { Problem } from '../../../shared/domain/quotes';
import type { ProjectDb } from '../db/open-project';
import { groupStatements } from './statements';
import { quoteSubject } from './subjects';
import { verifiedDecisions } from './verified-decisions';

const KIND_LABEL: Record<string, string> = {
  approval: 'decision',
  'part-release': 'part release',
  revoke: 'revocation',
  'label-set': 'sensitivity label',
  'label-remove': 'label removal',
  'collective-consent': 'collective consent record',
  readers: 'readers list',
  'source-change': 'change of mode or group',
  'frame-open': 'opening of a session to a frame',
  'source-correct': "correction of a session's text",
  'gap-ack': 'acknowledgement of removed statements',
  'part-change': 'change of a tikanga part',
  'key-register': 'key registration',
  'key-handover': 'key handover',
  'key-recovery': 'key replacement',
};

export function kaitiakiProblems(db: ProjectDb): Problem[] {
  const out: Problem[] = [];
  const name = (id: number) => (db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(id) as string | undefined) ?? `group ${id}`;
  const v = verifiedDecisions(db);
  for (const bad of v.invalid) {
    out.push({
      kind: 'kaitiaki-decision-unverified',
      severity: 'error',
      message: `A kaitiaki ${KIND_LABEL[bad.kind] ?? bad.kind} for ${name(bad.groupId)} (statement ${bad.id}) does not count: ${bad.why}.`,
      fix: 'Ask the kaitiaki to decide again with their key; a decision without a valid signature counts as absent.',
      participantId: bad.groupId,
    });
  }
  for (const [groupId, n] of v.gaps) {
    out.push({
      kind: 'kaitiaki-record-gap',
      severity: 'error',
      message: `The record of ${name(groupId)}'s kaitiaki decisions has a gap: ${n === 1 ? 'a signed statement refers' : `${n} signed statements refer`} to an earlier statement that is no longer in the project (removed from the file). Until it is resolved, none of the group's tikanga-based kōrero leaves the project.`,
      fix: `Restore the project from a copy made before the change; or the kaitiaki reviews the group's decisions and acknowledges the gap with their key (\`focal kaitiaki acknowledge-gap\`, or Acknowledge on the group's page).`,
      participantId: groupId,
    });
  }
  const signed = new Set((db.prepare("SELECT record_table || ':' || record_id FROM kaitiaki_statements WHERE record_id IS NOT NULL").pluck().all() as string[]));
  const validRecords = new Set<string>();
  for (const a of v.approvals) if (a.recordId !== null) validRecords.add(`approvals:${a.recordId}`);
  const approvals = db.prepare('SELECT a.id, a.group_id AS groupId, a.scope, a.quote_id AS quoteId, a.part_id AS partId FROM approvals a WHERE a.revoked_at IS NULL').all() as Array<{ id: number; groupId: number; scope: string; quoteId: number | null; partId: number | null }>;
  for (const a of approvals) {
    if (!signed.has(`approvals:${a.id}`)) {
      out.push({ kind: 'kaitiaki-decision-unverified', severity: 'error', message: `Kaitiaki decision ${a.id} (${a.scope}) for ${name(a.groupId)} has no signed statement, so it counts as absent.`, fix: 'Ask the kaitiaki to decide again with their key.', participantId: a.groupId });
    }
  }
  for (const a of v.approvals) {
    if (!a.quote || a.revokedAt !== null) continue;
    let now: ReturnType<typeof quoteSubject> | null = null;
    try {
      now = quoteSubject(db, a.quote.id);
    } catch {
      continue; // the quote is gone: nothing to export
    }
    if (now.source !== a.quote.source || now.start !== a.quote.start || now.end !== a.quote.end || now.text !== a.quote.text) {
      out.push({ kind: 'kaitiaki-decision-unverified', severity: 'error', message: `The kaitiaki's decision on quote ${a.quote.id} was made on other text than the quote now holds, so it counts as absent.`, fix: 'Ask the kaitiaki to decide on the quote as it is now.', participantId: a.groupId });
    }
  }
  const consents = db.prepare('SELECT c.id, c.group_id AS groupId FROM collective_consents c WHERE c.revoked_on IS NULL').all() as Array<{ id: number; groupId: number }>;
  for (const c of consents) {
    if (!v.consents.has(c.id) && groupStatements(db, c.groupId, []).current) {
      out.push({ kind: 'kaitiaki-decision-unverified', severity: 'warning', message: `Collective consent record ${c.id} of ${name(c.groupId)} is not signed by the kaitiaki, so the export gate does not count it.`, fix: "Ask the kaitiaki to record the group's consent with their key.", participantId: c.groupId });
    }
  }
  const groups = db.prepare("SELECT DISTINCT p.id, p.kaitiaki_id AS kaitiakiId FROM participants p JOIN sources s ON s.group_id = p.id WHERE s.mode = 'tikanga'").all() as Array<{ id: number; kaitiakiId: number | null }>;
  for (const g of groups) {
    const chain = groupStatements(db, g.id, []);
    if (g.kaitiakiId !== null && !chain.current) {
      out.push({ kind: 'kaitiaki-key-missing', severity: 'warning', message: `${name(g.kaitiakiId)}, kaitiaki of ${name(g.id)}, has no kaitiaki key yet: no decision on its kōrero can be made.`, fix: `${name(g.kaitiakiId)} creates a key on the group's page (Create kaitiaki key…) or with focal kaitiaki init.`, participantId: g.id });
    }
    for (const k of chain.keys.filter((x) => x.how === 'recovered by collective consent')) {
      out.push({ kind: 'kaitiaki-key-recovered', severity: 'warning', message: `The kaitiaki key of ${name(g.id)} was replaced on ${k.from.slice(0, 10)} by a collective consent record naming ${k.kaitiakiName} (new key ${k.fingerprint}).`, fix: 'Confirm the new kaitiaki and their key fingerprint with the group.', participantId: g.id });
    }
  }
  return out;
}
