/**
 * State behind CodingContext. The active frame is remembered per project (localStorage), recent
 * codes likewise; frames and codes reload on `changed` events so counts follow every coding.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Code } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { publishChange, useProjectData } from '../workspace/useProjectData';
import type { ApplyMode, CodingSession, CodingTarget, MemoRequest } from './CodingContext';

const RECENT_MAX = 5;

function stored<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

function store(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or off: the choice just is not remembered.
  }
}

interface Options {
  projectPath: string;
  openSource(sourceId: number, range?: { start: number; end: number }, opts?: { play?: boolean }): void;
  openMemo(target: MemoRequest): void;
  openPicker(mode: ApplyMode): void;
  notify(message: string): void;
}

export function useCodingSession({ projectPath, openSource, openMemo, openPicker, notify }: Options): CodingSession & { error: string | null } {
  const api = useApi();
  const loadFrames = useCallback(() => api['frames-list']({}), [api]);
  // A coding changes counts only: the frames stay as they are.
  const frames = useProjectData(loadFrames, ['codes'], (change, on) => (change.codings ? on : undefined));
  const frameKey = `focal.frame:${projectPath}`;
  const recentKey = `focal.recent-codes:${projectPath}`;
  const [chosen, setChosen] = useState<number | null>(() => stored<number | null>(frameKey, null));
  // The chosen frame while it exists; otherwise the first.
  const frameId = frames.data?.some((f) => f.id === chosen) ? chosen : (frames.data?.[0]?.id ?? null);
  const setFrameId = useCallback(
    (id: number) => {
      setChosen(id);
      store(frameKey, id);
    },
    [frameKey],
  );

  const loadCodes = useCallback(async () => ({ frameId, codes: frameId === null ? ([] as Code[]) : await api['codes-list']({ frameId }) }), [api, frameId]);
  // A coding or un-coding brings the new counts of the codes it touched: no reload of the tree.
  const codesData = useProjectData(loadCodes, ['codes', 'codings'], (change, on) => {
    const p = change.codings;
    if (!p) return undefined;
    if (!p.counts.length) return on;
    const next = new Map(p.counts.map((c) => [c.codeId, c.counts]));
    if (!on.codes.some((c) => next.has(c.id))) return on;
    return { frameId: on.frameId, codes: on.codes.map((c) => (next.has(c.id) ? { ...c, counts: next.get(c.id)! } : c)) };
  });
  const codes = frames.data && codesData.data?.frameId === frameId ? codesData.data.codes : null;

  const [selectedCodeId, selectCode] = useState<number | null>(null);
  const [target, setTarget] = useState<CodingTarget | null>(null);
  const [recent, setRecent] = useState<number[]>(() => stored<number[]>(recentKey, []));
  useEffect(() => {
    if (selectedCodeId !== null && codes && !codes.some((c) => c.id === selectedCodeId)) selectCode(null);
  }, [codes, selectedCodeId]);

  const remember = useCallback(
    (id: number) => {
      setRecent((r) => {
        const next = [id, ...r.filter((x) => x !== id)].slice(0, RECENT_MAX);
        store(recentKey, next);
        return next;
      });
    },
    [recentKey],
  );

  const apply = useCallback(
    async (codeId: number, mode: ApplyMode = 'auto', name?: string, explicit?: CodingTarget): Promise<boolean> => {
      const t = explicit ?? target;
      const codeName = name ?? codes?.find((c) => c.id === codeId)?.name ?? 'the code';
      if (!t || (!t.range && t.blockIds.length === 0)) {
        notify('Select a passage in the transcript (or click in a turn) first, then apply a code.');
        return false;
      }
      try {
        if (mode === 'turn' || !t.range) {
          if (t.blockIds.length === 0) {
            notify('That selection is not in a speaker turn.');
            return false;
          }
          await api['coding-apply-blocks']({ codeId, blockIds: t.blockIds });
          notify(t.blockIds.length === 1 ? `Coded the turn with “${codeName}”.` : `Coded ${t.blockIds.length} turns with “${codeName}”.`);
        } else {
          const coded = await api['coding-apply']({ codeId, sourceId: t.sourceId, start: t.range.start, end: t.range.end });
          publishChange({ kinds: ['codings', 'codes', 'history'], codings: coded.changes });
          notify(`Coded with “${codeName}”.`);
        }
        remember(codeId);
        setTarget((cur) => (cur && cur.sourceId === t.sourceId && cur.range?.start === t.range?.start && cur.range?.end === t.range?.end ? { ...cur, armed: false } : cur));
        return true;
      } catch (e) {
        notify(describeError(e));
        return false;
      }
    },
    [api, codes, notify, remember, target],
  );

  const createAndApply = useCallback(
    async (name: string, mode: ApplyMode = 'auto'): Promise<boolean> => {
      if (frameId === null) return false;
      try {
        const code = await api['code-create']({ frameId, name });
        selectCode(code.id);
        return await apply(code.id, mode, code.name);
      } catch (e) {
        notify(describeError(e));
        return false;
      }
    },
    [api, apply, frameId, notify],
  );

  const removeFromTarget = useCallback(
    async (codeId: number) => {
      const range = target?.range ?? target?.turnRange;
      if (!target || !range) return;
      try {
        const r = await api['coding-remove']({ codeId, sourceId: target.sourceId, start: range.start, end: range.end });
        publishChange({ kinds: ['codings', 'codes', 'history'], codings: r.changes });
        const name = codes?.find((c) => c.id === codeId)?.name ?? 'the code';
        notify(r.removed + r.trimmed === 0 ? `“${name}” does not cover this passage.` : `Removed “${name}” from the passage.`);
      } catch (e) {
        notify(describeError(e));
      }
    },
    [api, codes, notify, target],
  );

  return useMemo(
    () => ({
      frames: frames.data,
      frameId,
      setFrameId,
      codes,
      selectedCodeId,
      selectCode,
      target,
      setTarget,
      recent: recent.filter((id) => codes?.some((c) => c.id === id)),
      apply: (codeId: number, mode?: ApplyMode, t?: CodingTarget) => apply(codeId, mode, undefined, t),
      createAndApply,
      removeFromTarget,
      openPicker: (mode: ApplyMode = 'auto') => openPicker(mode),
      openMemo,
      openSource,
      notify,
      error: frames.error ?? codesData.error,
    }),
    [frames.data, frames.error, frameId, setFrameId, codes, codesData.error, selectedCodeId, target, recent, apply, createAndApply, removeFromTarget, openPicker, openMemo, openSource, notify],
  );
}
