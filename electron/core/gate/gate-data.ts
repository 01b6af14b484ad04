/**
 * Everything the gate reads, loaded from the project once per batch of quotes (per source lazily):
 * the register and consent, speakers and turns, passage marks, withdrawal notes, sensitivity labels,
 * tikanga parts, collective consents and kaitiaki approvals. Read-only.
 */
import type { Consent } from '../../../shared/domain/project';
import type { SourceMode } from '../../../shared/domain/transcript';
import type { ProjectDb } from '../db/open-project';
import { isWithdrawalNote } from '../consent/withdrawal-notes';
import { FocalError } from '../errors';
import { textSha, type QuoteSubject } from '../kaitiaki/subjects';
import { verifiedDecisions, type VerifiedPartDecision } from '../kaitiaki/verified-decisions';

export interface PersonRow {
  id: number;
  kind: 'person' | 'group';
  name: string;
  pseudonym: string | null;
  role: string;
  kaitiakiId: number | null;
  attribution: string | null;
  consent: Consent | null;
  groupIds: number[];
}

export interface BlockRow {
  id: number;
  kind: 'turn' | 'note' | 'heading' | 'text';
  start: number;
  end: number;
  speakerId: number | null;
}

export interface SpeakerRow {
  id: number;
  label: string;
  participantId: number | null;
  role: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface SourceData {
  id: number;
  title: string;
  mode: SourceMode;
  kind: string;
  groupId: number | null;
  text: string;
  /** SHA-256 of the stored text: what signed kaitiaki decisions name the source by. */
  sha256: string;
  blocks: BlockRow[];
  speakers: Map<number, SpeakerRow>;
  annotations: Array<Span & { text: string }>;
  marks: Array<Span & { id: number; kind: 'withdrawn' | 'restricted'; reason: string }>;
  /** Turns holding a note that the talk was withdrawn (`[Kōrero withdrawn from the record …]`): withdrawn as a whole. */
  withdrawalNotes: Array<Span & { note: string }>;
  labels: Array<{ start: number | null; end: number | null; label: 'open' | 'community' | 'restricted'; setAt: string; id: number }>;
  parts: Array<Span & { id: number; kind: string; phase: 'opening' | 'korero' | 'closing'; releasedByApprovalId: number | null }>;
}

export interface CollectiveConsentRow {
  id: number;
  groupId: number;
  givenOn: string;
  forQuotes: boolean;
  forGroupAttribution: boolean;
  forReturn: boolean;
  revokedOn: string | null;
}

/** A kaitiaki decision on a quote or an export whose signed statement verifies (../kaitiaki/). */
export interface ApprovalRow {
  id: number;
  hash: string;
  groupId: number;
  scope: 'quote' | 'export';
  quoteId: number | null;
  /** What the signed decision names: the quote's source hash, range, cuts and text hash. */
  quote: QuoteSubject | null;
  exportLabel: string | null;
  decision: 'approved' | 'refused';
  decidedAt: string;
  revokedAt: string | null;
}


export class GateData {
  readonly people = new Map<number, PersonRow>();
  readonly collective: CollectiveConsentRow[];
  readonly approvals: ApprovalRow[];
  /** Groups whose record of kaitiaki statements has a gap: none of their tikanga kōrero leaves (row 9). */
  readonly statementGaps: Map<number, number>;
  /** Verified decisions on tikanga parts (release or refusal), by content. */
  readonly partDecisions: VerifiedPartDecision[];
  private readonly sources = new Map<number, SourceData>();

  constructor(private readonly db: ProjectDb) {
    const consents = new Map(
      (db
        .prepare(
          `SELECT participant_id AS id, recording, quote, named, withdrawn_on AS withdrawnOn, review_sent_on AS reviewSentOn,
                  review_returned_on AS reviewReturnedOn, review_approved_on AS reviewApprovedOn, conditions FROM consents`,
        )
        .all() as Array<Consent & { id: number }>).map(({ id, ...c }) => [id, c]),
    );
    const groups = new Map<number, number[]>();
    for (const l of db.prepare('SELECT member_id AS m, group_id AS g FROM group_members ORDER BY group_id').all() as Array<{ m: number; g: number }>) {
      groups.set(l.m, [...(groups.get(l.m) ?? []), l.g]);
    }
    const rows = db.prepare('SELECT id, kind, name, pseudonym, role, kaitiaki_id AS kaitiakiId, attribution FROM participants').all() as Array<Omit<PersonRow, 'consent' | 'groupIds'>>;
    for (const r of rows) this.people.set(r.id, { ...r, consent: consents.get(r.id) ?? null, groupIds: groups.get(r.id) ?? [] });
    // Kaitiaki decisions count only as signed statements that verify against the group's key
    // history; the readable tables can take authority away (a record revoked, narrowed or removed), never add it.
    const verified = verifiedDecisions(db);
    this.statementGaps = verified.gaps;
    this.collective = (
      db
        .prepare(
          `SELECT id, group_id AS groupId, given_on AS givenOn, for_quotes AS forQuotes, for_group_attribution AS forGroupAttribution,
                  for_return AS forReturn, revoked_on AS revokedOn FROM collective_consents ORDER BY id`,
        )
        .all() as Array<Omit<CollectiveConsentRow, 'forQuotes' | 'forGroupAttribution' | 'forReturn'> & { forQuotes: number; forGroupAttribution: number; forReturn: number }>
    ).flatMap((r) => {
      const v = verified.consents.get(r.id);
      if (!v || v.groupId !== r.groupId) return [];
      const revoked = [r.revokedOn, v.revokedOn].filter((x): x is string => x !== null).sort()[0] ?? null;
      return [
        {
          ...r,
          givenOn: r.givenOn > v.givenOn ? r.givenOn : v.givenOn,
          forQuotes: r.forQuotes === 1 && v.forQuotes,
          forGroupAttribution: r.forGroupAttribution === 1 && v.forGroupAttribution,
          forReturn: r.forReturn === 1 && v.forReturn,
          revokedOn: revoked,
        },
      ];
    });
    const quoteIds = new Map<number, true>();
    for (const id of db.prepare('SELECT id FROM quotes').pluck().all() as number[]) quoteIds.set(id, true);
    this.approvals = verified.approvals
      .map((a, n) => ({
        id: n + 1,
        hash: a.hash,
        groupId: a.groupId,
        scope: a.scope,
        quoteId: a.quote && quoteIds.has(a.quote.id) ? a.quote.id : null,
        quote: a.quote,
        exportLabel: a.exportLabel,
        decision: a.decision,
        decidedAt: a.at,
        revokedAt: a.revokedAt,
      }))
      .sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : a.id - b.id));
    this.partDecisions = verified.parts.filter((p) => p.revokedAt === null).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** Whether a recorded tikanga part is released: the latest standing signed decision on exactly this part (by content) approves it. */
  partReleased(src: SourceData, part: Span & { kind: string }, groups: number[]): boolean {
    const on = this.partDecisions.filter((d) => groups.includes(d.groupId) && d.part?.source === src.sha256 && d.part.start === part.start && d.part.end === part.end && d.part.kind === part.kind);
    return on[on.length - 1]?.decision === 'approved';
  }

  /** Let go of a source read before (a check going through every transcript keeps one at a time). */
  forget(id: number): void {
    this.sources.delete(id);
  }

  source(id: number): SourceData {
    const cached = this.sources.get(id);
    if (cached) return cached;
    const db = this.db;
    const s = db.prepare('SELECT id, title, mode, kind, group_id AS groupId, text FROM sources WHERE id = ?').get(id) as Omit<SourceData, 'sha256' | 'blocks' | 'speakers' | 'annotations' | 'marks' | 'withdrawalNotes' | 'labels' | 'parts'> | undefined;
    if (!s) throw new FocalError('not-found', `There is no transcript with id ${id} in this project.`);
    const blocks = db.prepare('SELECT id, kind, start, end, speaker_id AS speakerId FROM blocks WHERE source_id = ? ORDER BY start').all(id) as BlockRow[];
    const speakers = new Map(
      (db.prepare('SELECT id, label, participant_id AS participantId, role FROM speakers WHERE source_id = ?').all(id) as SpeakerRow[]).map((r) => [r.id, r]),
    );
    const annotations = db.prepare('SELECT start, end, text FROM annotations WHERE source_id = ? ORDER BY start').all(id) as SourceData['annotations'];
    const withdrawalNotes: SourceData['withdrawalNotes'] = [];
    for (const a of annotations) {
      if (!isWithdrawalNote(a.text)) continue;
      const owner = blocks.find((b) => b.start <= a.start && a.end <= b.end);
      withdrawalNotes.push({ start: owner ? owner.start : a.start, end: owner ? owner.end : a.end, note: a.text });
    }
    const data: SourceData = {
      ...s,
      sha256: textSha(s.text),
      blocks,
      speakers,
      annotations,
      withdrawalNotes,
      marks: db.prepare('SELECT id, start, end, kind, reason FROM passage_marks WHERE source_id = ? ORDER BY start').all(id) as SourceData['marks'],
      labels: db.prepare('SELECT id, start, end, label, set_at AS setAt FROM sensitivity_labels WHERE source_id = ? ORDER BY set_at, id').all(id) as SourceData['labels'],
      parts: db
        .prepare(
          `SELECT id, kind, phase, start, end, released_by_approval_id AS releasedByApprovalId FROM session_parts
           WHERE source_id = ? AND recorded = 1 ORDER BY start`,
        )
        .all(id) as SourceData['parts'],
    };
    this.sources.set(id, data);
    return data;
  }
}
