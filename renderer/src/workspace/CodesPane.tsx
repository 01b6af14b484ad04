/** The right pane: the code tree of one frame, with a switcher when the project has several frames. */
import { useCallback, useEffect, useState } from 'react';
import type { Code, CodeFrame } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { useProjectData } from './useProjectData';
import { setWorkingFrame } from '../frames/workingFrame';

export function CodesPane({ id }: { id: string }) {
  const api = useApi();
  const loadFrames = useCallback(() => api['frames-list']({}), [api]);
  const frames = useProjectData(loadFrames, ['codes']);
  const [chosen, setFrameId] = useState<number | null>(null);
  // Keep the chosen frame while it exists; otherwise show the first (derived, so no flash of "no codes").
  const frameId = frames.data?.some((f) => f.id === chosen) ? chosen : (frames.data?.[0]?.id ?? null);
  // The transcript reads restricted passages only in a kaupapa Māori frame: tell it which frame is on show.
  useEffect(() => setWorkingFrame(frameId), [frameId]);

  const loadCodes = useCallback(
    async () => ({ frameId, codes: frameId === null ? ([] as Code[]) : await api['codes-list']({ frameId }) }),
    [api, frameId],
  );
  const codes = useProjectData(loadCodes, ['codes', 'codings']);
  // Only codes loaded for the frame on show: never a previous frame's list, nor "no codes" before frames arrive.
  const list = frames.data && codes.data?.frameId === frameId ? codes.data.codes : null;

  return (
    <aside id={id} className="pane pane-side" aria-labelledby="codes-heading">
      <PaneHeader id="codes-heading" title="Codes" count={list?.length ?? null} />
      {frames.data && frames.data.length > 1 && <FrameTabs frames={frames.data} current={frameId} onChange={setFrameId} />}
      <div className="pane-scroll">
        <ErrorMessage message={frames.error ?? codes.error} />
        {list && list.length === 0 && <EmptyState>No codes yet. Create your first code to start coding this frame.</EmptyState>}
        {list && list.length > 0 && <CodeTree codes={list} />}
      </div>
    </aside>
  );
}

function FrameTabs({ frames, current, onChange }: { frames: CodeFrame[]; current: number | null; onChange: (id: number) => void }) {
  return (
    <div className="frame-tabs" role="group" aria-label="Code frame">
      {frames.map((f) => (
        <button
          key={f.id}
          type="button"
          className={f.kind === 'kaupapa-maori' ? 'frame-tab frame-kaupapa' : 'frame-tab'}
          aria-pressed={f.id === current}
          title={f.description || f.name}
          onClick={() => onChange(f.id)}
        >
          {f.name}
        </button>
      ))}
    </div>
  );
}

function CodeTree({ codes }: { codes: Code[] }) {
  // codes-list returns parents before children, so depth is one more than the parent's.
  const depth = new Map<number, number>();
  for (const c of codes) depth.set(c.id, c.parentId === null ? 0 : (depth.get(c.parentId) ?? 0) + 1);
  return (
    <ul className="code-list" aria-labelledby="codes-heading">
      {codes.map((c) => (
        <li key={c.id} className="code-item" style={{ paddingLeft: 12 + (depth.get(c.id) ?? 0) * 16 }} title={c.description || c.name}>
          <span className="code-swatch" style={{ background: c.color }} aria-hidden="true" />
          <span className="code-name">{c.name}</span>
          <span className="code-count" aria-label={`${c.counts.segments} coded segments`}>
            {c.counts.segments}
          </span>
        </li>
      ))}
    </ul>
  );
}
