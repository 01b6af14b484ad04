/** Reading participants and groups. */
import type { Consent, Participant, ParticipantDetail, ParticipantKind } from '../../../shared/domain/project';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';

type Row = Omit<Participant, 'groupIds'>;

const SELECT = /* sql */ `
SELECT id, kind, name, pseudonym, role, mode, notes, kaitiaki_id AS kaitiakiId, attribution FROM participants`;

const collator = new Intl.Collator('en-NZ', { sensitivity: 'base', numeric: true });

/** People first, then groups, each by name (macrons sort with their plain letter). */
export function byKindThenName(a: { kind: ParticipantKind; name: string; id: number }, b: { kind: ParticipantKind; name: string; id: number }): number {
  if (a.kind !== b.kind) return a.kind === 'person' ? -1 : 1;
  return collator.compare(a.name, b.name) || a.id - b.id;
}

export function listParticipants(db: ProjectDb): Participant[] {
  const rows = db.prepare(SELECT).all() as Row[];
  const groupIds = new Map<number, number[]>();
  const links = db.prepare('SELECT member_id AS memberId, group_id AS groupId FROM group_members ORDER BY group_id').all() as Array<{ memberId: number; groupId: number }>;
  for (const l of links) groupIds.set(l.memberId, [...(groupIds.get(l.memberId) ?? []), l.groupId]);
  return rows.map((r) => ({ ...r, groupIds: groupIds.get(r.id) ?? [] })).sort(byKindThenName);
}

export function participantNotFound(id: number): FocalError {
  return new FocalError('not-found', `There is no participant with id ${id} in this project; it may have been deleted, so reload the list.`);
}

export function requireParticipant(db: ProjectDb, id: number): Row {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw participantNotFound(id);
  return row;
}

/** The participant of this kind with exactly this (clean) name, the first one if there are several. */
export function findByName(db: ProjectDb, kind: ParticipantKind, name: string): Row | undefined {
  return db.prepare(`${SELECT} WHERE kind = ? AND name = ? ORDER BY id LIMIT 1`).get(kind, name) as Row | undefined;
}

export function readConsent(db: ProjectDb, participantId: number): Consent | null {
  const row = db
    .prepare(
      `SELECT recording, quote, named, withdrawn_on AS withdrawnOn, review_sent_on AS reviewSentOn,
              review_returned_on AS reviewReturnedOn, review_approved_on AS reviewApprovedOn, conditions
       FROM consents WHERE participant_id = ?`,
    )
    .get(participantId) as Consent | undefined;
  return row ?? null;
}

export function readAttributeValues(db: ProjectDb, participantId: number): Record<string, string> {
  const rows = db
    .prepare('SELECT a.name, pa.value FROM participant_attributes pa JOIN attributes a ON a.id = pa.attribute_id WHERE pa.participant_id = ? ORDER BY a.id')
    .all(participantId) as Array<{ name: string; value: string }>;
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

/**
 * The mode a group's sessions give it: every session tikanga-based → 'tikanga', every one
 * mainstream → 'mainstream'; null when it has none or they are mixed (then the mode is a choice).
 */
export function groupSessionsMode(db: ProjectDb, groupId: number): 'tikanga' | 'mainstream' | null {
  const modes = db.prepare('SELECT DISTINCT mode FROM sources WHERE group_id = ?').pluck().all(groupId) as Array<'tikanga' | 'mainstream'>;
  return modes.length === 1 ? modes[0]! : null;
}

export function getParticipant(db: ProjectDb, id: number): ParticipantDetail {
  const row = requireParticipant(db, id);
  const ids = (sql: string) => (db.prepare(sql).pluck().all(id) as number[]);
  const speakers = db
    .prepare(
      `SELECT sp.id AS speakerId, sp.label, sp.source_id AS sourceId, s.title AS sourceTitle
       FROM speakers sp JOIN sources s ON s.id = sp.source_id
       WHERE sp.participant_id = ? ORDER BY sp.source_id, sp.id`,
    )
    .all(id) as ParticipantDetail['speakers'];
  return {
    ...row,
    groupIds: ids('SELECT group_id FROM group_members WHERE member_id = ? ORDER BY group_id'),
    consent: readConsent(db, id),
    attributes: readAttributeValues(db, id),
    memberIds: ids('SELECT member_id FROM group_members WHERE group_id = ? ORDER BY member_id'),
    ...(row.kind === 'group' ? { sessionsMode: groupSessionsMode(db, id) } : {}),
    speakers,
  };
}
