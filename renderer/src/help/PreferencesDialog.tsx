/** Preferences: colours (system, light or dark) and the date format, saved at once through app-prefs-set. */
import { useState } from 'react';
import type { Preferences } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useAppContext } from '../app/AppContext';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { info, prefsChanged } = useAppContext();
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: Partial<Pick<Preferences, 'theme' | 'dateFormat'>>) => {
    setError(null);
    try {
      prefsChanged(await api['app-prefs-set'](patch));
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <Dialog
      title="Preferences"
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <ChoiceGroup
        legend="Colours"
        value={info.prefs.theme ?? 'system'}
        options={[
          { value: 'system', label: 'Same as the system' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
        onChange={(theme) => void save({ theme })}
      />
      <ChoiceGroup
        legend="Dates"
        value={info.prefs.dateFormat}
        options={[
          { value: 'nz', label: 'New Zealand (14/06/2010)' },
          { value: 'iso', label: 'ISO (2010-06-14)' },
        ]}
        onChange={(dateFormat) => void save({ dateFormat })}
      />
      <p className="field-help">Saved as you choose.</p>
      <ErrorMessage message={error} />
    </Dialog>
  );
}
