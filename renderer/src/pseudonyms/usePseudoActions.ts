/**
 * The four things a person does with a detected identifier, as one hook shared by the project-wide
 * review and the per-quote DetectionReview: accept the suggested replacement, accept an edited one,
 * add it as a rule (with variants and a category), or mark it not identifying (and undo that).
 * Every action is saved at once in the core and remembered for the whole project.
 */
import { useCallback, useState } from 'react';
import { categoryForKind, type CandidateKind, type RuleCategory } from '../../../shared/domain/pseudonyms';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';

export interface Detected {
  text: string;
  kind: CandidateKind;
  suggestion: string;
  participantId?: number;
  spellings?: string[];
}

export interface RuleDraft {
  id?: number;
  term: string;
  variants: string[];
  replacement: string;
  category: RuleCategory;
  participantId?: number | null;
}

export function draftFor(c: Detected): RuleDraft {
  return {
    term: c.text,
    variants: (c.spellings ?? []).filter((s) => s !== c.text),
    replacement: c.suggestion,
    category: categoryForKind(c.kind),
    ...(c.participantId ? { participantId: c.participantId } : {}),
  };
}

export function usePseudoActions() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const run = useCallback(async (what: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await what();
      setError(null);
      setNote(done);
      return true;
    } catch (e) {
      setError(describeError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const saveRule = useCallback(
    (d: RuleDraft) =>
      run(
        () =>
          api['pseudo-rule-save']({
            ...(d.id ? { id: d.id } : {}),
            term: d.term,
            variants: d.variants,
            replacement: d.replacement,
            category: d.category,
            ...(d.participantId ? { participantId: d.participantId } : {}),
          }),
        `Rule saved: ${d.term} → ${d.replacement}, everywhere in the project.`,
      ),
    [api, run],
  );
  const accept = useCallback((c: Detected, replacement = c.suggestion) => saveRule({ ...draftFor(c), replacement }), [saveRule]);
  const notIdentifying = useCallback(
    (text: string) => run(() => api['pseudo-decide']({ text, decision: 'not-identifying' }), `“${text}” marked not identifying, everywhere in the project.`),
    [api, run],
  );
  const clearDecision = useCallback((text: string) => run(() => api['pseudo-decide']({ text, decision: 'clear' }), `“${text}” is to be reviewed again.`), [api, run]);
  const deleteRule = useCallback((id: number, term: string) => run(() => api['pseudo-rule-delete']({ id }), `Rule for ${term} deleted.`), [api, run]);

  return { busy, error, note, setError, setNote, saveRule, accept, notIdentifying, clearDecision, deleteRule };
}

export type PseudoActions = ReturnType<typeof usePseudoActions>;
