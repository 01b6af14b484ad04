/**
 * The speaker labels under review and the ways to link them. The labels are fixed when the review
 * opens (the unlinked labels of the chosen transcripts, `unmappedOnly`), so a label stays on show,
 * marked as linked, after it is linked; suggestions follow the register as it changes.
 */
import { useCallback, useRef, useState } from 'react';
import type { SpeakerReviewRow } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';
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

  /** Every unlinked label to its suggestion; labels with the same suggestion and role go together. */
  const acceptAll = useCallback(
    async (roleOf: (r: SpeakerReviewRow) => string) => {
      const batches = new Map<string, { rows: SpeakerReviewRow[]; role: string }>();
      for (const r of rows ?? []) {
        if (r.participantId !== null) continue;
        const who = r.suggestion.participantId !== null ? `#${r.suggestion.participantId}` : `new:${fold(r.suggestion.name)}`;
        const role = roleOf(r);
        const key = `${who}|${role}`;
        const batch = batches.get(key) ?? { rows: [], role };
        batch.rows.push(r);
        batches.set(key, batch);
      }
      setBusy(true);
      const created = new Map<string, number>();
      for (const { rows: group, role } of batches.values()) {
        const first = group[0] as SpeakerReviewRow;
        const speakerIds = group.map((r) => r.speakerId);
        const existing = first.suggestion.participantId ?? created.get(fold(first.suggestion.name));
        const target: LinkTarget = existing != null ? { participantId: existing } : { create: { name: first.suggestion.name, role } };
        try {
          const result = await api['speakers-map']({ speakerIds, ...target, role });
          const madeId = result.find((r) => r.speakerId === first.speakerId)?.participantId;
          if (existing == null && madeId != null) created.set(fold(first.suggestion.name), madeId);
          clear(speakerIds);
        } catch (e) {
          fail(speakerIds, e);
        }
      }
      setBusy(false);
      reload();
    },
    [api, rows, reload],
  );

  return { rows, error, errors, busy, link, acceptAll };
}
