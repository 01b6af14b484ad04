/**
 * The transcript as a coding surface: the active frame's codings in this source become
 * highlights (in the code's colour, hover: code, coder and date) and stripes (one per code per
 * turn); the view's selection becomes the coding target (the range and the turns it touches, or
 * the turn holding the caret).
 */
import { useCallback, useMemo } from 'react';
import type { Coding } from '../../../shared/domain/coding';
import type { Code, SourceDetail } from '../../../shared/domain/project';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import type { CodingTarget } from '../codes/CodingContext';
import { useProjectData } from '../workspace/useProjectData';
import type { TranscriptHighlight } from './offsets';

export function highlightsFor(codings: Coding[], codes: Map<number, Code>, dateFormat: 'nz' | 'iso'): TranscriptHighlight[] {
  const out: TranscriptHighlight[] = [];
  for (const c of codings) {
    const code = codes.get(c.codeId);
    if (!code) continue;
    out.push({ id: c.id, start: c.start, end: c.end, color: code.color, label: `${code.name} — ${c.coder}, ${formatDate(c.createdAt, dateFormat)}`, stripe: String(code.id) });
  }
  return out;
}

type Turn = { id: number; start: number; end: number };

/** Turns (sorted) overlapping [start, end), or holding `start` when the range is empty. */
export function turnsAt(turns: Turn[], start: number, end: number): Turn[] {
  return turns.filter((b) => (end > start ? b.start < end && b.end > start : b.start <= start && b.end >= start));
}

export function targetFor(source: SourceDetail, turns: Turn[], range: { start: number; end: number } | null, caret: number | null): CodingTarget | null {
  const hit = range ? turnsAt(turns, range.start, range.end) : caret !== null ? turnsAt(turns, caret, caret) : [];
  if (!range && hit.length === 0) return null;
  const first = hit[0];
  const last = hit[hit.length - 1];
  return { sourceId: source.id, range, blockIds: hit.map((b) => b.id), turnRange: first && last ? { start: first.start, end: last.end } : null, armed: range !== null };
}

export function useTranscriptCoding(source: SourceDetail | null, frameId: number | null, codes: Code[] | null, dateFormat: 'nz' | 'iso') {
  const api = useApi();
  const sourceId = source?.id ?? null;
  const load = useCallback(
    async () => ({ key: `${sourceId}:${frameId}`, codings: sourceId === null || frameId === null ? [] : await api['codings-list']({ sourceId, frameId }) }),
    [api, sourceId, frameId],
  );
  const { data } = useProjectData(load, ['codings', 'codes']);
  const codings = data?.key === `${sourceId}:${frameId}` ? data.codings : null;
  const codeMap = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [codes]);
  const highlights = useMemo(() => (codings && codes ? highlightsFor(codings, codeMap, dateFormat) : null), [codings, codes, codeMap, dateFormat]);
  const turns = useMemo(
    () => (source ? source.blocks.filter((b) => b.kind === 'turn').map((b) => ({ id: b.id, start: b.start, end: b.end })).sort((a, b) => a.start - b.start) : []),
    [source],
  );
  return { codings: codings ?? [], highlights, turns, codeMap };
}
