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
  const changed = name.trim() !== info.prefs.userName;

  const save = async () => {
    setError(null);
    try {
      prefsChanged(await api['app-prefs-set']({ userName: name }));
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
        Your name
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
        <button type="submit" className="button" disabled={!changed}>
          Save
        </button>
      </div>
      <p id={helpId} className="field-help" aria-live="polite">
        {saved && !changed ? 'Saved. ' : ''}Recorded as the coder on everything you code.
      </p>
      <ErrorMessage message={error} />
    </form>
  );
}
