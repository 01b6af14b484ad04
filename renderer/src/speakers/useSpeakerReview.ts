/**
 * The speaker labels under review and the ways to link them. The labels are fixed when the review
 * opens (the unlinked labels of the chosen transcripts, `unmappedOnly`), so a label stays on show,
 * marked as linked, after it is linked; suggestions follow the register as it changes.
 */
import { useCallback, useRef, useState } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import type { ResearchTeamQuestion, SpeakerReviewRow } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useProjectData } from '../workspace/useProjectData';

export type LinkTarget = { participantId: number } | { create: { name: string; role?: string; kind?: 'person' | 'group' } } | { unmap: true };

export function useSpeakerReview(sourceIds: number[] | null) {
  const api = useApi();
  const ids = useRef<Set<number> | null>(null);
  const [errors, setErrors] = useState<Map<number, string>>(new Map());
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const inScope = (r: SpeakerReviewRow) => !sourceIds || sourceIds.includes(r.sourceId);
    const only = sourceIds?.length === 1 ? { sourceId: sourceIds[0] } : {};
    if (!ids.current) {
      const unlinked = (await api['speakers-review']({ ...only, unmappedOnly: true })).filter(inScope);
      ids.current = new Set(unlinked.map((r) => r.speakerId));
      return unlinked;
    }
    const keep = ids.current;
    return (await api['speakers-review'](only)).filter((r) => keep.has(r.speakerId));
  }, [api, sourceIds]);
  const { data: rows, error, reload } = useProjectData(load, ['participants', 'sources']);

  const fail = (speakerIds: number[], e: unknown): string => {
    const message = describeError(e);
    setErrors((prev) => new Map([...prev, ...speakerIds.map((id) => [id, message] as const)]));
    return message;
  };
  const clear = (speakerIds: number[]) =>
    setErrors((prev) => (speakerIds.some((id) => prev.has(id)) ? new Map([...prev].filter(([id]) => !speakerIds.includes(id))) : prev));

  const link = useCallback(
    /** Resolves to the error message, or null once linked. */
    async (speakerIds: number[], target: LinkTarget, role?: string): Promise<string | null> => {
      setBusy(true);
      try {
        await api['speakers-map']({ speakerIds, ...target, ...(role ? { role } : {}) });
        clear(speakerIds);
        return null;
      } catch (e) {
        return fail(speakerIds, e);
      } finally {
        setBusy(false);
        reload();
      }
    },
    [api, reload],
  );

  /**
   * Every unlinked label to its suggestion, in one core step. Labels naming only a role
   * (`Facilitator`) go to the research-team person; when the register does not say who, the core
   * links the rest and returns one question for all of them, answered with `answer`.
   */
  const acceptAll = useCallback(
    async (roleOf: (r: SpeakerReviewRow) => string, answer?: CallInput<'speakers-accept-all'>['researchTeam']): Promise<ResearchTeamQuestion | null> => {
      const shown = (rows ?? []).filter((r) => r.participantId === null && !r.notSpeaker);
      if (!shown.length) return null;
      const roles = Object.fromEntries(shown.filter((r) => roleOf(r) !== r.suggestion.role).map((r) => [String(r.speakerId), roleOf(r)]));
      setBusy(true);
      try {
        const result = await api['speakers-accept-all']({ speakerIds: shown.map((r) => r.speakerId), roles, ...(answer ? { researchTeam: answer } : {}) });
        clear(shown.map((r) => r.speakerId).filter((id) => !result.question?.speakerIds.includes(id)));
        return result.question;
      } catch (e) {
        fail(shown.map((r) => r.speakerId), e);
        return null;
      } finally {
        setBusy(false);
        reload();
      }
    },
    [api, rows, reload],
  );

  /** One undoable step in the core; `run` answers the review rows of the transcripts it touched. */
  const edit = useCallback(
    async (speakerIds: number[], run: () => Promise<SpeakerReviewRow[]>, newLabel?: string): Promise<string | null> => {
      setBusy(true);
      try {
        const touched = await run();
        // A label made by splitting joins the labels on show.
        if (newLabel !== undefined && ids.current) for (const r of touched) if (r.label === newLabel.normalize('NFC').trim().replace(/\s+/g, ' ')) ids.current.add(r.speakerId);
        clear(speakerIds);
        return null;
      } catch (e) {
        return fail(speakerIds, e);
      } finally {
        setBusy(false);
        reload();
      }
    },
    [reload],
  );

  const notSpeaker = useCallback((r: SpeakerReviewRow, restore = false) => edit([r.speakerId], () => api['speakers-not-speaker']({ speakerIds: [r.speakerId], ...(restore ? { restore } : {}) })), [api, edit]);
  const merge = useCallback((into: SpeakerReviewRow, others: SpeakerReviewRow[]) => edit([into.speakerId, ...others.map((o) => o.speakerId)], () => api['speakers-merge']({ speakerIds: [into.speakerId, ...others.map((o) => o.speakerId)] })), [api, edit]);
  const moveTurns = useCallback(
    (from: SpeakerReviewRow, blockIds: number[], target: { speakerId: number } | { newLabel: string }) => edit([from.speakerId], () => api['speakers-reassign']({ blockIds, ...target }), 'newLabel' in target ? target.newLabel : undefined),
    [api, edit],
  );

  return { rows, error, errors, busy, link, acceptAll, notSpeaker, merge, moveTurns };
}
