/** What the matrix compares: rows (a frame's codes, or every code) and columns; the mode is chosen above the tabs (AnalysisView). */
import type { MatrixColumns, MatrixInput } from '../../../shared/domain/analysis';
import type { FilterChoices } from '../search/useFilterChoices';

const COLS: Array<{ value: MatrixColumns; label: string }> = [
  { value: 'role', label: 'Roles' },
  { value: 'participant', label: 'Participants' },
  { value: 'group', label: 'Groups' },
  { value: 'attribute', label: 'Attribute values' },
  { value: 'source', label: 'Sources' },
  { value: 'mode', label: 'Modes' },
  { value: 'kind', label: 'Session kinds' },
];

interface Props {
  value: MatrixInput;
  choices: FilterChoices | null;
  onChange: (v: MatrixInput) => void;
}

export function MatrixControls({ value, choices, onChange }: Props) {
  const set = (patch: Partial<MatrixInput>) => onChange(Object.fromEntries(Object.entries({ ...value, ...patch }).filter(([, v]) => v !== undefined)) as unknown as MatrixInput);
  return (
    <div className="search-filters" role="group" aria-label="Matrix">
      <label className="search-filter">
        <span>Rows</span>
        <select className="input input-compact select" value={value.frameId ?? ''} onChange={(e) => set({ frameId: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">Every code</option>
          {choices?.frames.map((f) => (
            <option key={f.id} value={f.id}>
              Codes of {f.name}
            </option>
          ))}
        </select>
      </label>
      <label className="search-filter">
        <span>Columns</span>
        <select className="input input-compact select" value={value.cols} onChange={(e) => set({ cols: e.target.value as MatrixColumns, attributeId: e.target.value === 'attribute' ? (value.attributeId ?? choices?.attributes[0]?.id) : undefined })}>
          {COLS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {value.cols === 'attribute' && (
        <label className="search-filter">
          <span>Attribute</span>
          <select className="input input-compact select" value={value.attributeId ?? ''} onChange={(e) => set({ attributeId: e.target.value ? Number(e.target.value) : undefined })}>
            {!choices?.attributes.length && <option value="">No attributes yet</option>}
            {choices?.attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
