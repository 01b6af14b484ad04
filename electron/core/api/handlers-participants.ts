/** Handlers for participants, groups, typed attributes, the register CSV and the speaker review. */
import { defineAttribute } from '../participants/attribute-edits';
import { listAttributes } from '../participants/attribute-types';
import { createParticipant, deleteParticipant, updateParticipant } from '../participants/participant-edits';
import { getParticipant, listParticipants } from '../participants/participant-queries';
import { exportRegister } from '../participants/register-export';
import { importRegister, registerBytes } from '../participants/register-import';
import { mapSpeakers, reviewSpeakers } from '../participants/speaker-review';
import { acceptAllSuggestions } from '../participants/speaker-accept-all';
import { markNotSpeaker, mergeLabels, reassignTurns } from '../participants/speaker-edits';
import { previewGroupSetup, setupGroupFromSource } from '../participants/group-setup';
import { addMembers, removeMember } from '../participants/memberships';
import { handlers } from './handler-types';

export const participantHandlers = handlers({
  'participants-list': (_i, core) => listParticipants(core.requireProject().db),
  'participant-get': (i, core) => getParticipant(core.requireProject().db, i.id),
  'participant-create': (i, core) => createParticipant(core, i),
  'participant-update': (i, core) => updateParticipant(core, i),
  'participant-delete': (i, core) => deleteParticipant(core, i.id),

  'attributes-list': (_i, core) => listAttributes(core.requireProject().db),
  'attribute-define': (i, core) => defineAttribute(core, i),

  'participants-import-csv': (i, core) => importRegister(core, i.fileName, i.csv ?? registerBytes(i.fileName, i.dataBase64 ?? '')),
  'participants-export-csv': (_i, core) => exportRegister(core.requireProject().db),

  'speakers-review': (i, core) => reviewSpeakers(core.requireProject().db, i),
  'speakers-map': (i, core) => mapSpeakers(core, i),
  'speakers-accept-all': (i, core) => acceptAllSuggestions(core, i),
  'speakers-not-speaker': (i, core) => markNotSpeaker(core, i),
  'speakers-merge': (i, core) => mergeLabels(core, i),
  'speakers-reassign': (i, core) => reassignTurns(core, i),
  'group-setup-preview': (i, core) => previewGroupSetup(core.requireProject().db, i.sourceId),
  'group-setup-from-source': (i, core) => setupGroupFromSource(core, i),
  'group-members-add': (i, core) => addMembers(core, i.groupId, i.memberIds, i.role),
  'group-member-remove': (i, core) => removeMember(core, i.groupId, i.memberId),
});
