/** Handlers for tikanga-based sessions, kaitiaki decisions, frame templates and frame applicability. */
import { createFrameFromTemplate, listTemplates } from '../frames/frame-templates';
import { getSourceFrames, setSourceFrames } from '../frames/frame-sources';
import { listApprovals, recordDecision, revokeDecision } from '../tikanga/approvals';
import { deleteCollectiveConsent, recordCollectiveConsent, updateCollectiveConsent } from '../tikanga/collective-consent';
import { getGroupTikanga, setMemberRole } from '../tikanga/groups';
import { groupKaitiakiStatus, sourceKaitiakiStatus } from '../tikanga/kaitiaki';
import { listLabels, removeLabel, setLabel } from '../tikanga/sensitivity';
import { addPart, deletePart, listParts, updatePart } from '../tikanga/session-parts';
import { handlers } from './handler-types';

export const tikangaHandlers = handlers({
  'session-parts-list': (i, core) => listParts(core.requireProject().db, i.sourceId),
  'session-part-add': ({ sourceId, ...f }, core) => addPart(core, sourceId, f),
  'session-part-update': ({ id, ...f }, core) => updatePart(core, id, f),
  'session-part-delete': (i, core) => deletePart(core, i.id),

  'group-tikanga-get': (i, core) => getGroupTikanga(core.requireProject().db, i.groupId),
  'group-member-role': (i, core) => setMemberRole(core, i.groupId, i.memberId, i.role),
  'collective-consent-record': ({ groupId, ...f }, core) => recordCollectiveConsent(core, groupId, f),
  'collective-consent-update': ({ id, ...f }, core) => updateCollectiveConsent(core, id, f),
  'collective-consent-delete': (i, core) => deleteCollectiveConsent(core, i.id),

  'kaitiaki-status': (i, core) =>
    i.sourceId !== undefined
      ? sourceKaitiakiStatus(core, i.sourceId)
      : groupKaitiakiStatus(core, i.groupId ?? null, 'This group'),
  'sensitivity-list': (i, core) => listLabels(core.requireProject().db, i.sourceId),
  'sensitivity-set': (i, core) => setLabel(core, i),
  'sensitivity-remove': (i, core) => removeLabel(core, i.id),

  'approvals-list': (i, core) => listApprovals(core.requireProject().db, i),
  'approval-record': (i, core) => recordDecision(core, i),
  'approval-revoke': (i, core) => revokeDecision(core, i.id),

  'frame-templates-list': () => listTemplates(),
  'frame-from-template': (i, core) => createFrameFromTemplate(core, i),
  'source-frames-get': (i, core) => getSourceFrames(core.requireProject().db, i.sourceId),
  'source-frames-set': (i, core) => setSourceFrames(core, i.sourceId, i.frameIds),
});

