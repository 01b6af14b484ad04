/** Handlers for passage marks, withdrawal effects and the project check. */
import { addPassageMark, listPassageMarks, removePassageMark } from '../consent/passage-marks';
import { projectCheck } from '../consent/project-check';
import { withdrawalEffects } from '../consent/withdrawal';
import { handlers } from './handler-types';

export const consentHandlers = handlers({
  'passage-marks-list': (i, core) => listPassageMarks(core.requireProject().db, i.sourceId),
  'passage-mark-add': (i, core) => addPassageMark(core, i),
  'passage-mark-remove': (i, core) => removePassageMark(core, i.id),
  'withdrawal-effects': (i, core) => withdrawalEffects(core.requireProject().db, i.participantId),
  'project-check': (_i, core) => projectCheck(core.requireProject().db),
});
