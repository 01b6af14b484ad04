/**
 * "Frames for this session": which code frames apply to it. None chosen means every frame applies;
 * once some are chosen, coding in another frame is refused by the core with a clear message.
 */
import { useCallback, useId } from 'react';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAction } from '../tikanga/useAction';
import { useProjectData } from '../workspace/useProjectData';

export function SessionFrames({ sourceId }: { sourceId: number }) {
  const api = useApi();
  const action = useAction();
  const headingId = useId();
  const load = useCallback(() => api['source-frames-get']({ sourceId }), [api, sourceId]);
  const { data } = useProjectData(load, ['codes', 'sources']);
  if (!data) return null;
  const chosen = data.allFrames ? [] : data.frames.filter((f) => f.applies).map((f) => f.id);
  const set = (frameIds: number[]) => void action.run(() => api['source-frames-set']({ sourceId, frameIds }));

  return (
    <section className="tk-section" aria-labelledby={headingId}>
      <h4 id={headingId} className="tk-section-title">
        Frames for this session
      </h4>
      <div className="tk-frames" role="group" aria-labelledby={headingId}>
        <label className="tk-check">
          <input type="radio" name={`${headingId}-all`} checked={data.allFrames} onChange={() => set([])} />
          Every frame
        </label>
        <label className="tk-check">
          <input type="radio" name={`${headingId}-all`} checked={!data.allFrames} onChange={() => data.allFrames && set(data.frames.map((f) => f.id))} />
          Only these:
        </label>
        {data.frames.map((f) => (
          <label key={f.id} className={f.kind === 'kaupapa-maori' ? 'tk-check tk-frame-kaupapa' : 'tk-check'}>
            <input
              type="checkbox"
              checked={f.applies}
              disabled={data.allFrames || action.busy}
              onChange={(e) => {
                const next = e.target.checked ? [...chosen, f.id] : chosen.filter((x) => x !== f.id);
                if (next.length) set(next);
              }}
            />
            {f.name}
          </label>
        ))}
      </div>
      <ErrorMessage message={action.error} onDismiss={action.clear} />
    </section>
  );
}
