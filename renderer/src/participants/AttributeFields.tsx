/**
 * The project's typed attributes (age band, region, iwi…), one field each by type: text, number,
 * date (dd/mm/yyyy) or a choice. Clearing a field removes the value. The core checks each type.
 */
import { useCallback } from 'react';
import type { AttributeDef, ParticipantDetail } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { DateField, SelectField, TextField } from '../components/TextField';
import { useProjectData } from '../workspace/useProjectData';
import type { ParticipantSave } from './ParticipantDetail';

export function AttributeFields({ participant: p, saver }: { participant: ParticipantDetail; saver: ParticipantSave }) {
  const api = useApi();
  const load = useCallback(() => api['attributes-list']({}), [api]);
  const { data: defs } = useProjectData(load, ['participants']);
  const dateFormat = useDateFormat();
  if (!defs) return null;

  const save = (def: AttributeDef, raw: string | null) => {
    const text = raw?.trim() ?? '';
    const value = text === '' ? null : def.type === 'number' && Number.isFinite(Number(text)) ? Number(text) : text;
    void saver.save(`attr.${def.name}`, { attributes: { [def.name]: value } });
  };

  return (
    <section className="detail-section" aria-labelledby="attributes-heading">
      <h3 id="attributes-heading" className="section-title">
        Attributes
      </h3>
      {defs.length === 0 ? (
        <p className="field-help">No attributes yet. Extra columns in an imported register (age band, region, iwi…) become typed attributes here.</p>
      ) : (
        <div className="form-grid">
          {defs.map((def) => {
            const value = p.attributes[def.name] ?? '';
            const error = saver.errors[`attr.${def.name}`];
            if (def.type === 'date') {
              return <DateField key={def.id} label={def.name} value={value || null} format={dateFormat} error={error} onCommit={(v) => save(def, v)} />;
            }
            if (def.type === 'choice') {
              const options = [{ value: '', label: 'Not set' }, ...def.choices.map((c) => ({ value: c, label: c }))];
              if (value && !def.choices.includes(value)) options.push({ value, label: value });
              return <SelectField key={def.id} label={def.name} value={value} options={options} error={error} onChange={(v) => save(def, v)} />;
            }
            return <TextField key={def.id} label={def.type === 'number' ? `${def.name} (number)` : def.name} value={value} error={error} onCommit={(v) => save(def, v)} />;
          })}
        </div>
      )}
    </section>
  );
}
