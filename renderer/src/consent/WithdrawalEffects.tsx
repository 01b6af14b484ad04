/** What a withdrawal affects, shown on the participant's page: their transcripts, coded segments and quotes (nothing deleted). */
import { useCallback, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';
import '../quotes/quotes.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function WithdrawalEffects({ participantId }: { participantId: number }) {
  const api = useApi();
  const load = useCallback(() => api['withdrawal-effects']({ participantId }), [api, participantId]);
  const { data, error } = useProjectData(load, ['consent', 'participants', 'codings', 'quotes', 'sources']);
  const [open, setOpen] = useState(false);
  if (error) return <ErrorMessage message={error} />;
  if (!data) return null;
  return (
    <div className="withdrawal-effects" role="group" aria-label="What the withdrawal affects">
      <p>
        Affected: {plural(data.sources.length, 'transcript')} ({data.sources.map((s) => `${s.title}, ${plural(s.turns, 'turn')}`).join('; ') || 'none'}),{' '}
        {plural(data.segments.length, 'coded segment')} and {plural(data.quotes.length, 'quote')}. None of it can be exported; nothing was deleted, and nobody else&rsquo;s talk is touched.
      </p>
      {data.segments.length > 0 && (
        <button type="button" className="button button-small button-ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide' : 'Show'} affected segments
        </button>
      )}
      {open && (
        <ul className="withdrawal-list">
          {data.segments.map((s) => (
            <li key={s.codingId}>
              <span className="quote-code">{s.codePath}</span> <q>{s.text.length > 160 ? `${s.text.slice(0, 160)}…` : s.text}</q>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
