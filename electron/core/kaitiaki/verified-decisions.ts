/**
 * The kaitiaki decisions that carry authority, read from the signed statements of every group:
 * approvals and refusals (per quote, per export), part releases, revocations, collective consent
 * and the readers list. Only statements that verify against the group's key history count; the
 * readable tables (approvals, collective_consents) can only take authority away (a row revoked or
 * removed there no longer counts), never add it.
 */
import type { ProjectDb } from '../db/open-project';
import { groupsWithStatements, groupStatements, type StoredStatement } from './statements';
import type { QuoteSubject } from './subjects';

export interface VerifiedApproval {
  hash: string;
  groupId: number;
  scope: 'quote' | 'export';
  decision: 'approved' | 'refused';
  quote: QuoteSubject | null;
  exportLabel: string | null;
  at: string;
  revokedAt: string | null;
  recordId: number | null;
}

export interface VerifiedPartDecision {
  hash: string;
  groupId: number;
  decision: 'approved' | 'refused';
  part: { source: string; start: number; end: number; kind: string };
  at: string;
  revokedAt: string | null;
}

export interface VerifiedConsent {
  consentId: number;
  groupId: number;
  givenOn: string;
  forAnalysis: boolean;
  forQuotes: boolean;
  forGroupAttribution: boolean;
  forReturn: boolean;
  revokedOn: string | null;
}

export interface VerifiedDecisions {
  approvals: VerifiedApproval[];
  parts: VerifiedPartDecision[];
  consents: Map<number, VerifiedConsent>;
  readers: Map<number, string[]>;
  invalid: Array<{ groupId: number; id: number; kind: string; why: string; recordTable: string | null; recordId: number | null }>;
  /** Groups whose record of signed statements has a gap (a statement was removed), by statements affected. */
  gaps: Map<number, number>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function verifiedDecisions(db: ProjectDb): VerifiedDecisions {
  const out: VerifiedDecisions = { approvals: [], parts: [], consents: new Map(), readers: new Map(), invalid: [], gaps: new Map() };
  type Row = { id: number; revokedAt: string | null; scope: string; quoteId: number | null; exportLabel: string | null; partId: number | null; decision: string };
  const approvalRows = new Map((db.prepare('SELECT id, revoked_at AS revokedAt, scope, quote_id AS quoteId, export_label AS exportLabel, part_id AS partId, decision FROM approvals').all() as Row[]).map((r) => [r.id, r]));
  // The readable row a statement stands behind must still be about the same thing (ids can be reused).
  const sameRecord = (s: StoredStatement, r: Row): boolean => {
    const sub = s.body.subject as { scope?: string; decision?: string; quote?: { id?: number }; exportLabel?: string; part?: { id?: number } };
    if (r.decision !== sub.decision) return false;
    if (s.body.kind === 'part-release') return r.scope === 'part' && (r.partId === null || r.partId === sub.part?.id);
    return r.scope === sub.scope && (r.scope === 'quote' ? r.quoteId === sub.quote?.id : r.exportLabel === sub.exportLabel);
  };
  for (const groupId of groupsWithStatements(db)) {
    const g = groupStatements(db, groupId);
    for (const { statement: s, why } of g.invalid) out.invalid.push({ groupId, id: s.id, kind: s.body.kind, why, recordTable: s.recordTable, recordId: s.recordId });
    if (g.gaps.length) out.gaps.set(groupId, g.gaps.length);
    const revoked = new Map<string, string>();
    for (const s of g.valid) if (s.body.kind === 'revoke') revoked.set(String(s.body.subject.statement), s.body.at);
    const revokedAt = (s: StoredStatement): string | null => {
      const byStatement = revoked.get(s.hash) ?? null;
      if (s.recordTable !== 'approvals' || s.recordId === null) return byStatement;
      // The readable row can only take authority away: removed or revoked there, it no longer counts.
      const row = approvalRows.get(s.recordId);
      if (!row || !sameRecord(s, row)) return byStatement ?? s.body.at;
      return byStatement ?? row.revokedAt ?? null;
    };
    for (const s of g.valid) {
      const sub = s.body.subject;
      const decision = sub.decision === 'approved' ? 'approved' : 'refused';
      if (s.body.kind === 'approval') {
        const scope = sub.scope === 'export' ? 'export' : 'quote';
        out.approvals.push({ hash: s.hash, groupId, scope, decision, quote: scope === 'quote' ? (sub.quote as QuoteSubject) : null, exportLabel: scope === 'export' ? str(sub.exportLabel) : null, at: s.body.at, revokedAt: revokedAt(s), recordId: s.recordId });
      } else if (s.body.kind === 'part-release') {
        out.parts.push({ hash: s.hash, groupId, decision, part: sub.part as VerifiedPartDecision['part'], at: s.body.at, revokedAt: revokedAt(s) });
      } else if (s.body.kind === 'collective-consent') {
        const c = sub as unknown as VerifiedConsent;
        out.consents.set(c.consentId, { ...c, groupId });
      } else if (s.body.kind === 'readers') {
        out.readers.set(groupId, Array.isArray(sub.readers) ? sub.readers.map((r) => String((r as { name?: unknown }).name ?? r)) : []);
      }
    }
  }
  return out;
}

/** The readers list of one group (people the kaitiaki allowed to read restricted passages). */
export function verifiedReaders(db: ProjectDb, groupId: number): string[] {
  // A gap in the group's record (a statement removed, perhaps a narrower list) leaves the kaitiaki alone as reader.
  const g = groupStatements(db, groupId);
  if (g.gaps.length) return [];
  const last = g.valid.filter((s) => s.body.kind === 'readers').pop();
  const readers = last?.body.subject.readers;
  return Array.isArray(readers) ? readers.map((r) => String((r as { name?: unknown }).name ?? r)) : [];
}
