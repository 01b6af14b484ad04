/** "Your name": recorded as the coder on every coding, so it is set before any coding starts. */
import { useId, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useAppContext } from '../app/AppContext';
import { ErrorMessage } from '../components/ErrorMessage';

export function UserNameForm() {
  const api = useApi();
  const { info, prefsChanged } = useAppContext();
  const [name, setName] = useState(info.prefs.userName);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const inputId = useId();
  const helpId = useId();
  const confirmed = info.prefs.coderConfirmed === true;
  const changed = name.trim() !== info.prefs.userName || !confirmed;

  const save = async () => {
    setError(null);
    try {
      // Confirming the name once (team-coder-set) is what stops the start screen asking.
      await api['team-coder-set']({ name });
      prefsChanged(await api['app-prefs-set']({}));
      setSaved(true);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <form
      className="user-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={inputId} className="field-label">
        {confirmed ? 'Your name' : 'Who is coding? Confirm your name once'}
      </label>
      <div className="field-row">
        <input
          id={inputId}
          className="input"
          value={name}
          maxLength={200}
          autoComplete="name"
          aria-describedby={helpId}
          onChange={(e) => {
            setName(e.target.value);
            setSaved(false);
          }}
        />
        <button type="submit" className={confirmed ? 'button' : 'button button-primary'} disabled={!changed}>
          Save
        </button>
      </div>
      <p id={helpId} className="field-help" aria-live="polite">
        {saved && !changed ? 'Saved. ' : ''}Recorded as the coder on everything you code; in a team, use the same name every time.
      </p>
      <ErrorMessage message={error} />
    </form>
  );
}
