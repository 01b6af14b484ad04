/**
 * "Accept all suggestions" as one step: every unlinked label goes to its suggestion (labels with
 * the same new name become one new participant). Labels that name only a research-team role
 * (`Facilitator`, `INTERVIEWER`) go to the one research-team person in the register; when there
 * is not exactly one, the rest are linked and a single question is returned for all of them,
 * answered with `researchTeam`. It never creates a participant called after a role, and never
 * fails on one.
 */
import type { ParsedInput } from '../../../shared/api/contract';
import type { AcceptAllResult, ResearchTeamQuestion } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';
import type { FocalCore } from '../app/focal-core';
import { cleanName, commit } from './commit';
import { insertParticipant } from './participant-edits';
import { findByName, requireParticipant } from './participant-queries';
import { assertNotRoleName, reviewSpeakers } from './speaker-review';
import { researchTeam, type Candidate } from './speaker-suggest';

type Input = ParsedInput<'speakers-accept-all'>;

export function acceptAllSuggestions(core: FocalCore, input: Input): AcceptAllResult {
  const db = core.requireProject().db;
  if (input.researchTeam && 'create' in input.researchTeam) assertNotRoleName(input.researchTeam.create.name);
  const only = input.sourceIds ? new Set(input.sourceIds) : null;
  const speakers = input.speakerIds ? new Set(input.speakerIds) : null;
  const inScope = () => reviewSpeakers(db).filter((r) => (!only || only.has(r.sourceId)) && (!speakers || speakers.has(r.speakerId)));
  const rows = inScope().filter((r) => r.participantId === null && !r.notSpeaker);
  const roleOf = (speakerId: number, fallback: string) => input.roles?.[String(speakerId)] ?? fallback;
  let question: ResearchTeamQuestion | null = null;
  const linked = commit(core, ['participants', 'sources'], (w) => {
    const update = w.db.prepare('UPDATE speakers SET participant_id = ?, role = ? WHERE id = ?');
    const created = new Map<string, number>();
    const generic = rows.filter((r) => r.suggestion.generic);
    let teamId: number | null = null;
    if (generic.length && input.researchTeam) {
      if ('participantId' in input.researchTeam) teamId = requireParticipant(w.db, input.researchTeam.participantId).id;
      else {
        const c = input.researchTeam.create;
        teamId = insertParticipant(w, { name: c.name, role: c.role ?? generic[0]!.suggestion.role });
        w.audit('participant-created', { id: teamId, name: cleanName(c.name), kind: 'person', from: 'speakers-accept-all' });
      }
    }
    let count = 0;
    const mapped: Array<{ speakerId: number; participantId: number; created: boolean }> = [];
    for (const r of rows) {
      const role = roleOf(r.speakerId, r.suggestion.role);
      let pid = r.suggestion.participantId;
      let made = false;
      if (r.suggestion.generic) {
        if (teamId === null) continue;
        pid = teamId;
      } else if (pid === null) {
        const key = fold(r.suggestion.name);
        pid = created.get(key) ?? findByName(w.db, 'person', cleanName(r.suggestion.name))?.id ?? null;
        if (pid === null) {
          pid = insertParticipant(w, { name: r.suggestion.name, role });
          created.set(key, pid);
          made = true;
          w.audit('participant-created', { id: pid, name: cleanName(r.suggestion.name), kind: 'person', from: 'speakers-accept-all' });
        }
      }
      update.run(pid, role, r.speakerId);
      mapped.push({ speakerId: r.speakerId, participantId: pid, created: made });
      count++;
    }
    if (mapped.length) w.audit('speakers-mapped', { speakerIds: mapped.map((m) => m.speakerId), participants: mapped, from: 'accept-all' });
    const left = teamId === null ? generic : [];
    if (left.length) {
      const team = researchTeam(w.db.prepare('SELECT id, kind, name, role FROM participants ORDER BY id').all() as Candidate[]);
      question = { speakerIds: left.map((r) => r.speakerId), labels: left.map((r) => r.label), candidates: team.map((c) => ({ id: c.id, name: c.name, role: c.role })) };
    }
    return count;
  });
  return { rows: inScope(), linked, question };
}
