/**
 * "Frames for this session": which code frames apply to it. For a mainstream session, none chosen
 * means every frame applies; once some are chosen, coding in another frame is refused by the core
 * with a clear message. A tikanga-based session is open to kaupapa Māori frames only until its
 * kaitiaki (with the unlocked key) opens it to another frame; narrowing needs nobody.
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
  const tikanga = data.mode === 'tikanga';
  const chosen = data.allFrames ? [] : data.frames.filter((f) => f.applies).map((f) => f.id);
  // A tikanga session with nothing chosen: the kaupapa Māori frames apply, nothing else.
  const unchosen = tikanga && data.frames.every((f) => f.applies === (f.kind === 'kaupapa-maori')) && data.kaupapaOnly;
  const set = (frameIds: number[]) => void action.run(() => api['source-frames-set']({ sourceId, frameIds }));

  return (
    <section className="tk-section" aria-labelledby={headingId}>
      <h4 id={headingId} className="tk-section-title">
        Frames for this session
      </h4>
      {tikanga && (
        <p className="tk-note" data-testid="frames-apart">
          {data.kaupapaOnly ? 'Open to kaupapa Māori frames only — the kaitiaki can open it to other frames' : 'Opened by the kaitiaki to the frames ticked below'}
          {data.openedBy.length ? ` (${data.openedBy.join('; ')}, with the kaitiaki key).` : '. No kaitiaki is named for it yet: name the group’s kaitiaki first.'}
        </p>
      )}
      <div className="tk-frames" role="group" aria-labelledby={headingId}>
        <label className="tk-check">
          <input type="radio" name={`${headingId}-all`} checked={tikanga ? unchosen : data.allFrames} onChange={() => set([])} />
          {tikanga ? 'Kaupapa Māori frames only' : 'Every frame'}
        </label>
        <label className="tk-check">
          <input type="radio" name={`${headingId}-all`} checked={!(tikanga ? unchosen : data.allFrames)} onChange={() => (tikanga ? unchosen : data.allFrames) && set(data.frames.filter((f) => f.applies || !tikanga).map((f) => f.id))} />
          Only these:
        </label>
        {data.frames.map((f) => (
          <label key={f.id} className={f.kind === 'kaupapa-maori' ? 'tk-check tk-frame-kaupapa' : 'tk-check'}>
            <input
              type="checkbox"
              checked={f.applies}
              disabled={(tikanga ? unchosen : data.allFrames) || action.busy}
              onChange={(e) => {
                const next = e.target.checked ? [...chosen, f.id] : chosen.filter((x) => x !== f.id);
                if (next.length) set(next);
              }}
            />
            {f.name}
            {tikanga && f.kind !== 'kaupapa-maori' && !f.applies && <span className="tk-frame-hint"> (the kaitiaki opens it)</span>}
          </label>
        ))}
      </div>
      <ErrorMessage message={action.error} onDismiss={action.clear} />
    </section>
  );
}
