/**
 * The signed subject of a kaitiaki decision on a quote, an export or a tikanga part: what it is
 * about, by content, so the same subject is made in the project and in a review pack.
 */
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import type { StatementKind } from './statements';
import { quoteSubject, sourceSha } from './subjects';

export interface DecisionSubjectInput {
  scope: 'quote' | 'export' | 'part';
  decision: 'approved' | 'refused';
  quoteId?: number | undefined;
  partId?: number | undefined;
  exportLabel?: string | undefined;
  output: string;
  conditions: string;
}

export function decisionSubject(db: ProjectDb, input: DecisionSubjectInput): { kind: StatementKind; subject: Record<string, unknown> } {
  const common = { decision: input.decision, output: input.output, conditions: input.conditions };
  if (input.scope === 'quote') return { kind: 'approval', subject: { scope: 'quote', quote: quoteSubject(db, input.quoteId!), ...common } };
  if (input.scope === 'export') return { kind: 'approval', subject: { scope: 'export', exportLabel: input.exportLabel ?? '', ...common } };
  const p = db.prepare('SELECT id, source_id AS sourceId, kind, start, end FROM session_parts WHERE id = ?').get(input.partId) as { id: number; sourceId: number; kind: string; start: number | null; end: number | null } | undefined;
  if (!p || p.start === null || p.end === null) throw new FocalError('not-found', `There is no recorded session part with id ${input.partId}.`);
  return { kind: 'part-release', subject: { part: { id: p.id, source: sourceSha(db, p.sourceId), start: p.start, end: p.end, kind: p.kind }, ...common } };
}
