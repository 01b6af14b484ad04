/** The filters under the search box: mode, role, group, participant attribute, code. */
import type { SearchFilters as Filters } from '../../../shared/domain/analysis';
import type { FilterChoices } from './useFilterChoices';

interface Props {
  choices: FilterChoices | null;
  value: Filters;
  onChange: (f: Filters) => void;
  /** Coding queries choose codes themselves: no "coded with" filter there. */
  withCode?: boolean;
  /** Queries take their mode from the analysis scope (ModeScope), not from here. */
  withMode?: boolean;
}

const num = (v: string) => (v ? Number(v) : undefined);

export function SearchFilters({ choices, value, onChange, withCode = true, withMode = true }: Props) {
  const set = (patch: Partial<Filters>) => onChange(Object.fromEntries(Object.entries({ ...value, ...patch }).filter(([, v]) => v !== undefined)) as Filters);
  const attr = choices?.attributes.find((a) => a.id === value.attribute?.attributeId);
  return (
    <div className="search-filters" role="group" aria-label="Filters">
      {withMode && (
        <label className="search-filter">
          <span>Mode</span>
          <select className="input input-compact select" value={value.mode ?? ''} onChange={(e) => set({ mode: (e.target.value || undefined) as Filters['mode'] })}>
            <option value="">All sessions</option>
            <option value="mainstream">Mainstream</option>
            <option value="tikanga">Tikanga-based</option>
          </select>
        </label>
      )}
      <label className="search-filter">
        <span>Role</span>
        <select className="input input-compact select" value={value.role ?? ''} onChange={(e) => set({ role: e.target.value || undefined })}>
          <option value="">Anyone</option>
          {choices?.roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="search-filter">
        <span>Group</span>
        <select className="input input-compact select" value={value.groupId ?? ''} onChange={(e) => set({ groupId: num(e.target.value) })}>
          <option value="">Any group</option>
          {choices?.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label className="search-filter">
        <span>Attribute</span>
        <select
          className="input input-compact select"
          value={value.attribute?.attributeId ?? ''}
          onChange={(e) => set({ attribute: e.target.value ? { attributeId: Number(e.target.value), value: '' } : undefined })}
        >
          <option value="">Any</option>
          {choices?.attributes.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      {value.attribute && (
        <label className="search-filter">
          <span>is</span>
          {attr?.type === 'choice' ? (
            <select className="input input-compact select" value={value.attribute.value} onChange={(e) => set({ attribute: { attributeId: value.attribute!.attributeId, value: e.target.value } })}>
              <option value="">Choose…</option>
              {attr.choices.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          ) : (
            <input
              className="input input-compact"
              value={value.attribute.value}
              aria-label={`${attr?.name ?? 'Attribute'} value`}
              onChange={(e) => set({ attribute: { attributeId: value.attribute!.attributeId, value: e.target.value } })}
            />
          )}
        </label>
      )}
      {withCode && (
      <label className="search-filter">
        <span>Coded with</span>
        <select className="input input-compact select" value={value.codeId ?? ''} onChange={(e) => set({ codeId: num(e.target.value) })}>
          <option value="">Any code or none</option>
          {choices?.codes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      )}
    </div>
  );
}
