/** A small set of mutually exclusive answers (yes / no / unknown) as a segmented radio group. */
import { useId } from 'react';

interface ChoiceGroupProps<T extends string> {
  legend: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
  error?: string | null | undefined;
}

export function ChoiceGroup<T extends string>({ legend, value, options, onChange, error }: ChoiceGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="form-field choice-group">
      <legend className="form-label">{legend}</legend>
      <div className="segmented">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'segment is-on' : 'segment'}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
