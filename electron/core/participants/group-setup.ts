/**
 * Setting up a rōpū from a session, without busywork: create or choose the group, make it the
 * session's group, and add every mapped speaker as a member with the role the speaker review gave
 * them, in one transaction and one audit entry. Moving a tikanga-based session out of a group
 * whose kaitiaki is named needs that kaitiaki's key (source-update's rule, reused).
 */
import type { ParsedInput } from '../../../shared/api/contract';
import type { GroupSetupPreview, GroupSetupResult, SpeakerReviewRow } from '../../../shared/domain/project';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { updateSource } from '../sources/source-edits';
import { requireGroup, requireSourceRow } from '../tikanga/kaitiaki';
import { cleanName, commit } from './commit';
import { assertGovernanceKept, governanceSnapshot, setGroups } from './memberships';
import { insertParticipant } from './participant-edits';
import { reviewSpeakers } from './speaker-review';

type SetupInput = ParsedInput<'group-setup-from-source'>;

/** Research-team and session roles are the speaker review's; 'participant' says nothing about the group, so it is kept as the role only when no other is given. */
function mappedSpeakers(db: ProjectDb, sourceId: number): GroupSetupPreview['speakers'] {
  const rows = db
    .prepare(
      `SELECT p.id, p.name, sp.role, sp.label FROM speakers sp JOIN participants p ON p.id = sp.participant_id
       WHERE sp.source_id = ? AND p.kind = 'person' ORDER BY sp.id`,
    )
    .all(sourceId) as Array<{ id: number; name: string; role: string | null; label: string }>;
  const out = new Map<number, GroupSetupPreview['speakers'][number]>();
  for (const r of rows) {
    const seen = out.get(r.id);
    const role = r.role?.trim() || null;
    if (!seen) out.set(r.id, { id: r.id, name: r.name, role, labels: [r.label] });
    else {
      seen.labels.push(r.label);
      if (role && (!seen.role || seen.role === 'participant')) seen.role = role;
    }
  }
  return [...out.values()];
}

/** Unlinked labels whose suggestion is an existing person (not a role-only label, not a new name). */
function suggestedLinks(db: ProjectDb, sourceId: number): SpeakerReviewRow[] {
  return reviewSpeakers(db, { sourceId, unmappedOnly: true }).filter((r) => r.suggestion.participantId !== null && !r.suggestion.generic);
}

export function previewGroupSetup(db: ProjectDb, sourceId: number): GroupSetupPreview {
  const src = requireSourceRow(db, sourceId);
  const speakers = mappedSpeakers(db, sourceId);
  const suggested = suggestedLinks(db, sourceId);
  for (const r of suggested) {
    const pid = r.suggestion.participantId!;
    const seen = speakers.find((s) => s.id === pid);
    if (seen) seen.labels.push(r.label);
    else speakers.push({ id: pid, name: r.suggestion.name, role: r.suggestion.role, labels: [r.label], suggested: true });
  }
  const linkable = new Set(suggested.map((r) => r.speakerId));
  const unmappedLabels = (db.prepare('SELECT id, label FROM speakers WHERE source_id = ? AND participant_id IS NULL AND not_speaker = 0 ORDER BY id').all(sourceId) as Array<{ id: number; label: string }>)
    .filter((r) => !linkable.has(r.id))
    .map((r) => r.label);
  return { sourceId, sourceTitle: src.title, mode: src.mode, groupId: src.group_id, speakers, unmappedLabels };
}

export function setupGroupFromSource(core: FocalCore, input: SetupInput): GroupSetupResult {
  return commit(core, ['participants', 'sources'], (w) => {
    const src = requireSourceRow(w.db, input.sourceId);
    let groupId: number;
    let created = false;
    if (input.groupId !== undefined) groupId = requireGroup(w.db, input.groupId).id;
    else {
      groupId = insertParticipant(w, { name: input.newGroupName!, kind: 'group', ...(src.mode === 'tikanga' ? { mode: 'tikanga' } : {}) });
      created = true;
    }
    const group = requireGroup(w.db, groupId);
    // The session's group first: refused (nothing written) when that removes a kaitiaki's protection.
    if (src.group_id !== groupId) updateSource(core, { sourceId: src.id, groupId });
    const linked = input.linkSuggested ? suggestedLinks(w.db, src.id) : [];
    const link = w.db.prepare('UPDATE speakers SET participant_id = ?, role = ? WHERE id = ?');
    for (const r of linked) link.run(r.suggestion.participantId, r.suggestion.role, r.speakerId);
    const before = governanceSnapshot(w.db);
    const wanted = input.memberIds ? new Set(input.memberIds) : null;
    const added: GroupSetupResult['added'] = [];
    const alreadyMembers: GroupSetupResult['alreadyMembers'] = [];
    for (const s of mappedSpeakers(w.db, src.id)) {
      if (wanted && !wanted.has(s.id)) continue;
      const current = w.db.prepare('SELECT group_id FROM group_members WHERE member_id = ?').pluck().all(s.id) as number[];
      if (current.includes(groupId)) {
        alreadyMembers.push({ id: s.id, name: s.name });
        continue;
      }
      setGroups(w.db, s.id, [...current, groupId]);
      w.db.prepare('UPDATE group_members SET role = ? WHERE group_id = ? AND member_id = ?').run(s.role, groupId, s.id);
      added.push({ id: s.id, name: s.name, role: s.role });
    }
    assertGovernanceKept(w.db, before);
    if (group.mode === null && src.mode === 'tikanga') w.db.prepare("UPDATE participants SET mode = 'tikanga' WHERE id = ?").run(groupId);
    const unmappedLabels = w.db.prepare('SELECT label FROM speakers WHERE source_id = ? AND participant_id IS NULL AND not_speaker = 0 ORDER BY id').pluck().all(src.id) as string[];
    w.audit('group-set-up', { sourceId: src.id, groupId, group: cleanName(group.name), created, added: added.map((a) => ({ id: a.id, role: a.role })), linked: linked.map((r) => ({ speakerId: r.speakerId, label: r.label, participantId: r.suggestion.participantId })) });
    return { groupId, groupName: group.name, created, added, alreadyMembers, unmappedLabels };
  });
}
