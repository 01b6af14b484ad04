/**
 * The speaker review after import: every label with its source and turn count and a suggested
 * participant; and mapping labels to participants. Mapping `GEOFF` and `Geoff` to one person is
 * how two labels for the same speaker are merged.
 */
import type { ParsedInput } from '../../../shared/api/contract';
import type { SpeakerReviewRow } from '../../../shared/domain/project';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { cleanName, commit } from './commit';
import { insertParticipant } from './participant-edits';
import { requireParticipant } from './participant-queries';
import { isResearchTeamLabel, suggest, type Candidate } from './speaker-suggest';

type Row = Omit<SpeakerReviewRow, 'suggestion'>;

export interface ReviewFilter {
  sourceId?: number | undefined;
  unmappedOnly?: boolean | undefined;
  /** Only these sources (used to answer a mapping with the sources it touched). */
  sourceIds?: number[];
}

export function reviewSpeakers(db: ProjectDb, filter: ReviewFilter = {}): SpeakerReviewRow[] {
  if (filter.sourceId !== undefined && !db.prepare('SELECT 1 FROM sources WHERE id = ?').get(filter.sourceId)) {
    throw new FocalError('not-found', `There is no transcript with id ${filter.sourceId} in this project; it may have been deleted, so reload the list.`);
  }
  const rows = db
    .prepare(
      `SELECT sp.id AS speakerId, sp.source_id AS sourceId, s.title AS sourceTitle, sp.label,
              sp.participant_id AS participantId, sp.role, sp.not_speaker AS notSpeaker,
              CASE WHEN sp.not_speaker = 1 THEN (SELECT count(*) FROM blocks b WHERE b.label_id = sp.id)
                   ELSE (SELECT count(*) FROM blocks b WHERE b.speaker_id = sp.id AND b.kind = 'turn') END AS turnCount
       FROM speakers sp JOIN sources s ON s.id = sp.source_id
       WHERE (@sourceId IS NULL OR sp.source_id = @sourceId) AND (@unmapped = 0 OR (sp.participant_id IS NULL AND sp.not_speaker = 0))
       ORDER BY sp.source_id, sp.id`,
    )
    .all({ sourceId: filter.sourceId ?? null, unmapped: filter.unmappedOnly ? 1 : 0 }) as Array<Omit<Row, 'notSpeaker'> & { notSpeaker: number }>;
  const only = filter.sourceIds ? new Set(filter.sourceIds) : undefined;
  const candidates = db.prepare('SELECT id, kind, name, role FROM participants ORDER BY id').all() as Candidate[];
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return rows
    .filter((r) => !only || only.has(r.sourceId))
    .map((r) => {
      const mapped = r.participantId === null ? undefined : byId.get(r.participantId);
      const suggestion = mapped ? { participantId: mapped.id, name: mapped.name, role: r.role } : suggest(r.label, candidates);
      return { ...r, notSpeaker: r.notSpeaker === 1, suggestion };
    });
}

type MapInput = ParsedInput<'speakers-map'>;

/** A participant is a person or a group, never a role: `Facilitator` is someone to choose, not a name. */
export function assertNotRoleName(name: string): void {
  if (isResearchTeamLabel(name)) {
    throw new FocalError('bad-input', `'${cleanName(name)}' is a role, not a name: choose the person from the register who was the ${cleanName(name).toLowerCase()}, or type their name.`);
  }
}

export function mapSpeakers(core: FocalCore, input: MapInput): SpeakerReviewRow[] {
  const speakerIds = [...new Set(input.speakerIds)];
  const sourceIds = commit(core, ['participants', 'sources'], (w) => {
    const found = w.db.prepare(`SELECT id, source_id AS sourceId, label, not_speaker AS notSpeaker FROM speakers WHERE id IN (${speakerIds.map(() => '?').join(', ')})`).all(...speakerIds) as Array<{
      id: number;
      sourceId: number;
      label: string;
      notSpeaker: number;
    }>;
    const missing = speakerIds.filter((id) => !found.some((s) => s.id === id));
    if (missing.length) {
      throw new FocalError('not-found', `Speaker label id(s) ${missing.join(', ')} are not in this project; the transcript may have been removed, so reload the speaker review.`);
    }
    const notSpeakers = found.filter((s) => s.notSpeaker === 1);
    if (notSpeakers.length && !input.unmap) {
      throw new FocalError('bad-input', `${notSpeakers.map((s) => `'${s.label}'`).join(', ')} ${notSpeakers.length === 1 ? 'is' : 'are'} marked Not a speaker; mark ${notSpeakers.length === 1 ? 'it' : 'them'} a speaker again before linking to a participant.`);
    }
    let participantId: number | null = null;
    let created = false;
    if (input.participantId !== undefined) participantId = requireParticipant(w.db, input.participantId).id;
    else if (input.create) {
      participantId = insertParticipant(w, { name: input.create.name, kind: input.create.kind, role: input.create.role });
      created = true;
      w.audit('participant-created', { id: participantId, name: cleanName(input.create.name), kind: input.create.kind ?? 'person', from: 'speakers-map' });
    }
    const update = w.db.prepare(`UPDATE speakers SET participant_id = ?${input.role ? ', role = ?' : ''} WHERE id = ?`);
    for (const s of found) update.run(...(input.role ? [participantId, input.role, s.id] : [participantId, s.id]));
    const labels = found.map((s) => s.label);
    if (input.unmap) w.audit('speakers-unmapped', { speakerIds, labels });
    else w.audit('speakers-mapped', { speakerIds, labels, participantId, created, ...(input.role ? { role: input.role } : {}) });
    return [...new Set(found.map((s) => s.sourceId))];
  });
  return reviewSpeakers(core.requireProject().db, { sourceIds });
}
