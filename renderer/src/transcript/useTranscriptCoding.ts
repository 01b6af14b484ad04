/**
 * The transcript as a coding surface: the active frame's codings in this source become
 * highlights (in the code's colour, hover: code, coder and date) and stripes (one per code per
 * turn); the view's selection becomes the coding target (the range and the turns it touches, or
 * the turn holding the caret). The pure parts are in coding-plan.ts.
 */
import { useCallback, useMemo, useRef } from 'react';
import type { Code, SourceDetail } from '../../../shared/domain/project';
import type { Coding } from '../../../shared/domain/coding';
import type { FocalEvents } from '../../../shared/api/events';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';
import { highlightsFor } from './coding-plan';
import type { TranscriptHighlight } from './offsets';

export function useTranscriptCoding(source: SourceDetail | null, frameId: number | null, codes: Code[] | null, dateFormat: 'nz' | 'iso') {
  const api = useApi();
  const sourceId = source?.id ?? null;
  const load = useCallback(
    async () => ({ key: `${sourceId}:${frameId}`, codings: sourceId === null || frameId === null ? [] : await api['codings-list']({ sourceId, frameId }) }),
    [api, sourceId, frameId],
  );
  // A coding or un-coding patches the list from its own result (no reload of every coding); an
  // undo, a merge or anything else reloads it.
  const patch = useCallback(
    (change: FocalEvents['changed'], on: { key: string; codings: Coding[] }) => {
      const p = change.codings;
      if (!p) return undefined;
      if (p.sourceId !== sourceId) return on;
      const touched = new Set([...p.removed, ...p.upserted.map((c) => c.id)]);
      const frameCodes = new Set((codesRef.current ?? []).map((c) => c.id));
      const added = p.upserted.filter((c) => frameCodes.has(c.codeId));
      if (!on.codings.some((c) => touched.has(c.id)) && added.length === 0) return on;
      const codings = [...on.codings.filter((c) => !touched.has(c.id)), ...added].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
      return { key: on.key, codings };
    },
    [sourceId],
  );
  const codesRef = useRef(codes);
  codesRef.current = codes;
  const { data, error } = useProjectData(load, ['codings', 'codes'], patch);
  const codings = data?.key === `${sourceId}:${frameId}` ? data.codings : null;
  const codeMap = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [codes]);
  // Counts change with every coding; highlights only care about names and colours.
  const looks = codes ? codes.map((c) => `${c.id}:${c.color}:${c.name}`).join('\n') : null;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lookMap = useMemo(() => codeMap, [looks]);
  const fresh = useMemo(() => (codings && looks !== null ? highlightsFor(codings, lookMap, dateFormat) : null), [codings, looks, lookMap, dateFormat]);
  // While another frame's codings load, the last ones stay on screen: switching frames never
  // unmounts the transcript (scroll position, selection). Null only before the first load; if
  // the codings cannot be loaded, the text is still shown, without highlights.
  const last = useRef<{ sourceId: number | null; highlights: TranscriptHighlight[] } | null>(null);
  if (fresh) last.current = { sourceId, highlights: fresh };
  const highlights = fresh ?? (last.current?.sourceId === sourceId ? last.current.highlights : error ? [] : null);
  const turns = useMemo(
    () => (source ? source.blocks.filter((b) => b.kind === 'turn').map((b) => ({ id: b.id, start: b.start, end: b.end })).sort((a, b) => a.start - b.start) : []),
    [source],
  );
  return { codings: codings ?? [], highlights, turns, codeMap };
}
