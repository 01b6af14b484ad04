/** The team's fixed list of coders: with a list, a coder's name is chosen from it, so a typo does not make a new coder. */
import { useEffect, useState } from 'react';
import type { TeamInfo } from '../../../shared/api/calls-team';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { ErrorMessage } from '../components/ErrorMessage';

export function TeamListEditor({ team }: { team: TeamInfo | null }) {
  const api = useApi();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText((team?.coders ?? []).join('\n')), [team?.coders.join('\n')]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = async () => {
    setError(null);
    try {
      await api['team-coders-set']({ coders: text.split('\n').map((s) => s.trim()).filter(Boolean) });
      setSaved(true);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <details className="team-list">
      <summary>Team’s coder list {team?.coders.length ? `(${team.coders.length})` : '(any name)'}</summary>
      <p className="field-help">One name a line. With a list, coders pick their name from it and a merge leaves out codings by names not on it. Empty: any name.</p>
      <textarea className="input" rows={4} aria-label="Team's coders, one a line" value={text} onChange={(e) => { setText(e.target.value); setSaved(false); }} />
      <button type="button" className="button button-small" onClick={() => void save()}>
        Save list
      </button>
      {saved && <span className="field-help"> Saved.</span>}
      <ErrorMessage message={error} />
    </details>
  );
}
