/** Handlers for pseudonymisation: detection, scan, preview, rules, decisions and pseudonyms. */
import { readRules } from '../pseudonyms/context';
import { decide, deleteRule, listDecisions, saveRule, setPseudonym, suggestPseudonym } from '../pseudonyms/register-edits';
import { detectRange, previewRange } from '../pseudonyms/scan';
import { detectForViewer, previewForViewer } from '../tikanga/mask-calls';
import { acceptAllForViewer, scanForViewerJob } from '../tikanga/mask-scan';
import { FocalError } from '../errors';
import { handlers } from './handler-types';

/** A masked candidate's text (••••) is no term: what it stands for is only the kaitiaki's to review. */
function refuseMasked(text: string): void {
  if (/^[•\s]+$/.test(text)) throw new FocalError('forbidden', 'That identifier is inside a restricted (tapu) passage; only the kaitiaki can review it.');
}

export const pseudonymHandlers = handlers({
  // Restricted (tapu) passages are masked for a viewer who may not read them (tikanga/mask-*.ts).
  'pseudo-scan': (i, core) => scanForViewerJob(core, i),
  'pseudo-detect': (i, core) => detectForViewer(core, detectRange(core.requireProject().db, i.sourceId, i.start, i.end)),
  'pseudo-preview': (i, core) => {
    const db = core.requireProject().db;
    return previewForViewer(core, previewRange(db, i.sourceId, i.start, i.end), detectRange(db, i.sourceId, i.start, i.end));
  },
  'pseudo-rules-list': (_i, core) => readRules(core.requireProject().db),
  'pseudo-rule-save': (i, core) => {
    refuseMasked(i.term);
    return saveRule(core, i);
  },
  'pseudo-rule-delete': (i, core) => deleteRule(core, i.id),
  'pseudo-decisions-list': (_i, core) => listDecisions(core.requireProject().db),
  'pseudo-decide': (i, core) => {
    refuseMasked(i.text);
    return decide(core, i.text, i.decision);
  },
  'pseudo-suggest-pseudonym': (i, core) => ({ pseudonym: suggestPseudonym(core.requireProject().db, i.participantId ?? 0, i.exclude ?? []) }),
  'pseudo-set-pseudonym': (i, core) => setPseudonym(core, i.participantId, i.pseudonym),
  'pseudo-accept-all': (i, core) => acceptAllForViewer(core, i),
});
