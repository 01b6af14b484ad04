/** Handlers for team coding (electron/core/team): coder copies, merge, identity, agreement. */
import { computeAgreement } from '../team/agreement';
import { saveCoderCopy, setCoder, setTeamCoders, teamInfo } from '../team/coder-copy';
import { mergeCopies } from '../team/merge';
import { agreementCell, resolveCoding } from '../team/resolve';
import { handlers } from './handler-types';

export const teamHandlers = handlers({
  'team-info': (_i, core) => teamInfo(core),
  'team-coder-set': (i, core) => setCoder(core, i.name),
  'team-coders-set': (i, core) => setTeamCoders(core, i.coders),
  'team-copy-save': (i, core) => saveCoderCopy(core, i.coder, i.path),
  'team-merge': async (i, core) => {
    core.requireProject();
    const files = i.files ?? (core.host.chooseCoderCopies ? await core.host.chooseCoderCopies() : null);
    if (!files?.length) return { dryRun: i.dryRun, files: [], skipped: [], totals: { codes: 0, codings: 0, memos: 0, sources: 0, participants: 0, conflicts: 0, kaitiaki: 0 }, changes: [], undoLabel: null };
    return mergeCopies(core, files, { dryRun: i.dryRun, participants: i.participants });
  },
  'team-agreement': (i, core) => computeAgreement(core.requireProject().db, { coders: i.coders, codeIds: i.codeIds, sourceIds: i.sourceIds, unit: i.unit }),
  'team-agreement-cell': (i, core) => agreementCell(core.requireProject().db, i.codeId, i.sourceId, i.coders),
  'team-resolve': (i, core) => resolveCoding(core, i),
});
