/**
 * What the gate needs from pseudonymisation (electron/core/pseudonyms): the candidates detected in a
 * text and the text with every rule applied to a copy. Kept behind this small interface so the gate's
 * rows read the same whatever the detectors do.
 */
import type { Candidate } from '../../../shared/domain/pseudonyms';
import type { ProjectDb } from '../db/open-project';
import { detectIdentifiers, loadPseudoContext, pseudonymise } from '../pseudonyms/index';

export interface PseudoPort {
  detect(text: string): Candidate[];
  /** The text with rules applied (a copy; stored text is never changed) and what is still unresolved. */
  pseudonymise(text: string, before?: string): { text: string; unresolved: Candidate[] };
}

/** The project's rules, decisions and register, loaded once for a batch of quotes. */
export function pseudoPort(db: ProjectDb): PseudoPort {
  const ctx = loadPseudoContext(db);
  return {
    detect: (text) => detectIdentifiers(ctx, text),
    // `before`: the source text just before a fragment, so a name opening a fragment cut mid-sentence is still seen as a name.
    pseudonymise: (text, before) => {
      const r = pseudonymise(ctx, text, before ? { before } : {});
      return { text: r.text, unresolved: r.unresolved };
    },
  };
}
