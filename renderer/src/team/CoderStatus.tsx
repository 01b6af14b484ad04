/**
 * The status bar's coder: the name recorded on every coding, whether this project is a coder's
 * copy, and, when the team fixed its list and the name is not on it, a choice from the list.
 */
import { useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useAppContext } from '../app/AppContext';
import { useTeamInfo } from './useTeam';

export function CoderStatus() {
  const api = useApi();
  const { info, prefsChanged } = useAppContext();
  const team = useTeamInfo();
  const [error, setError] = useState<string | null>(null);
  const t = team.data;
  const name = info.prefs.userName;
  const offList = !!t && t.coders.length > 0 && !t.coders.includes(name);
  const choose = async (n: string) => {
    setError(null);
    try {
      await api['team-coder-set']({ name: n });
      prefsChanged(await api['app-prefs-set']({}));
      team.reload();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <span className="status-coder" title="Recorded as the coder on everything you code">
      Coder: {name}
      {t?.copy && <span className="status-copy"> · {t.copy.coder}’s copy</span>}
      {offList && (
        <>
          {' '}
          <label>
            <span className="visually-hidden">Choose your name from the team’s list</span>
            <select aria-label="Choose your name from the team's list" value="" onChange={(e) => e.target.value && void choose(e.target.value)}>
              <option value="">Not on the team’s list: choose…</option>
              {t!.coders.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </>
      )}
      {error && <span role="alert"> {error}</span>}
    </span>
  );
}
