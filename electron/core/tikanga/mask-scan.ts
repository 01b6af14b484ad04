/**
 * The project-wide identifier scan (Pseudonyms view, `focal pseudo scan`) as this viewer may see
 * it. Sources whose restricted (tapu) passages the viewer may read are scanned as always; in the
 * others, an identifier inside a restricted passage is counted (so the review knows something is
 * pending there) under one group per kind and status with no words, and every example's context
 * is cut from the masked text. Accept-all makes rules only from what the viewer can see: a rule's
 * term is listed to everyone, so a tapu word never becomes one by a click.
 */
import type { ScanGroup, ScanResult } from '../../../shared/domain/pseudonyms';
import type { FocalCore } from '../app/focal-core';
import { acceptAll, scan, scanJob, type ScanInput, type ScanView } from '../pseudonyms/scan';
import { HIDDEN_NOTE, MASK } from './mask-calls';
import { maskingFor } from './mask-results';

const HIDDEN_PREFIX = '•restricted:';

/** Whether a scan group stands for identifiers inside restricted passages (no words to act on). */
export const isHiddenGroup = (g: Pick<ScanGroup, 'folded'>) => g.folded.startsWith(HIDDEN_PREFIX);

function viewFor(core: FocalCore): ScanView {
  const masking = maskingFor(core, undefined);
  return {
    masking: (sourceId) => {
      const m = masking(sourceId);
      return m ? { ranges: m.ranges, masked: m.masked() } : null;
    },
    hiddenText: MASK,
    hiddenNote: HIDDEN_NOTE,
    hiddenPrefix: HIDDEN_PREFIX,
  };
}

export function scanForViewer(core: FocalCore, input: ScanInput = {}): ScanResult {
  return scan(core.requireProject().db, input, viewFor(core));
}

/** The same scan as a job (progress per transcript, `job-cancel` stops it): what `pseudo-scan` runs. */
export function scanForViewerJob(core: FocalCore, input: ScanInput = {}): Promise<ScanResult> {
  const db = core.requireProject().db;
  return core.jobs.run('scan', (job) => scanJob(db, job, input, viewFor(core)));
}

/** Accept-all over what this viewer sees: pending identifiers inside restricted passages stay pending. */
export function acceptAllForViewer(core: FocalCore, input: ScanInput = {}): { created: number; candidates: number } {
  const db = core.requireProject().db;
  const masking = maskingFor(core, undefined);
  const ids = input.sourceId !== undefined ? [input.sourceId] : (db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[]);
  if (!ids.some((id) => masking(id))) return acceptAll(core, input);
  return acceptAll(core, input, scanForViewer(core, { ...input, status: 'pending' }).groups.filter((g) => !isHiddenGroup(g)));
}
