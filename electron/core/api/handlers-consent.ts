/** Handlers for passage marks, withdrawal effects and the project check. */
import { addPassageMark, listPassageMarks, removePassageMark } from '../consent/passage-marks';
import { projectCheckJob } from '../consent/project-check';
import { withdrawalEffects } from '../consent/withdrawal';
import { passageMarksForViewer, withdrawalEffectsForViewer } from '../tikanga/mask-calls';
import { handlers } from './handler-types';

export const consentHandlers = handlers({
  'passage-marks-list': (i, core) => passageMarksForViewer(core, listPassageMarks(core.requireProject().db, i.sourceId)),
  'passage-mark-add': (i, core) => addPassageMark(core, i),
  'passage-mark-remove': (i, core) => removePassageMark(core, i.id),
  'withdrawal-effects': (i, core) => withdrawalEffectsForViewer(core, withdrawalEffects(core.requireProject().db, i.participantId)),
  'project-check': (_i, core) => core.jobs.run('check', (job) => projectCheckJob(core.requireProject().db, job)),
});
