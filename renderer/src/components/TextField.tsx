/**
 * Fields that save as soon as the person is done with them: on blur, or Enter in a one-line field.
 * Each keeps a draft while it is edited and follows the stored value otherwise; Escape puts the
 * stored value back. An error from the save is shown under the field, never a stack.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { formatDate } from '../../../shared/format/dates';
import { parseDateInput } from '../format/date-input';

interface FieldShellProps {
  id: string;
  label: string;
  error?: string | null | undefined;
  help?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** Label, control, help and the field's own error, in one grid cell. */
export function FieldShell({ id, label, error, help, wide, children }: FieldShellProps) {
  return (
    <div className={wide ? 'form-field form-field-wide' : 'form-field'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {help && !error && <p className="field-help">{help}</p>}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  error?: string | null | undefined;
  help?: ReactNode;
  multiline?: boolean;
  placeholder?: string;
  /** id of a <datalist> with suggestions. */
  list?: string;
  wide?: boolean;
}

export function TextField({ label, value, onCommit, error, help, multiline, placeholder, list, wide }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  // After Escape puts the stored value back, an error about the abandoned edit no longer applies.
  const [reverted, setReverted] = useState(false);
  useEffect(() => setDraft(value), [value]);
  const shownError = reverted ? null : error;
  const commit = () => {
    if (draft === value && !shownError) return;
    setReverted(false);
    onCommit(draft);
  };
  const revert = () => {
    setDraft(value);
    setReverted(true);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': shownError ? true : undefined,
    'aria-describedby': shownError ? `${id}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
  };
  return (
    <FieldShell id={id} label={label} error={shownError} help={help} wide={wide ?? multiline ?? false}>
      {multiline ? (
        <textarea
          {...common}
          className="input textarea"
          rows={3}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && (draft !== value || shownError)) {
              e.stopPropagation();
              revert();
            }
          }}
        />
      ) : (
        <input
          {...common}
          className="input"
          list={list}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape' && (draft !== value || shownError)) {
              e.stopPropagation();
              revert();
            }
          }}
        />
      )}
    </FieldShell>
  );
}

interface DateFieldProps {
  label: string;
  /** ISO yyyy-mm-dd, or null. */
  value: string | null;
  onCommit: (value: string | null) => void;
  format: 'nz' | 'iso';
  error?: string | null | undefined;
}

/** A date typed and shown the New Zealand way (dd/mm/yyyy) unless the person prefers ISO. */
export function DateField({ label, value, onCommit, format, error }: DateFieldProps) {
  const shown = formatDate(value, format);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <TextField
      label={label}
      value={shown}
      placeholder={format === 'iso' ? 'yyyy-mm-dd' : 'dd/mm/yyyy'}
      error={problem ?? error}
      onCommit={(text) => {
        const parsed = parseDateInput(text, format);
        if (!parsed.ok) return setProblem(parsed.message);
        setProblem(null);
        if (parsed.value !== value) onCommit(parsed.value);
      }}
    />
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
  error?: string | null | undefined;
}

export function SelectField<T extends string>({ label, value, options, onChange, error }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error}>
      <select id={id} className="input select" value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
