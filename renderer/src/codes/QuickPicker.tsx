/**
 * The quick picker (Ctrl+K): type part of a code's name or path, with or without macrons
 * (`whanau` finds `Whānau`), arrows to choose, Enter to apply to the selection, Shift+Enter to
 * code the whole turn(s). When nothing matches exactly, the last row creates the code and applies it.
 */
import { useEffect, useMemo, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useCoding, type ApplyMode } from './CodingContext';
import { hasExactName, pick, pickerIndex } from './tree';

export function QuickPicker({ mode: initialMode, onClose }: { mode: ApplyMode; onClose: () => void }) {
  const coding = useCoding();
  const codes = coding.codes ?? [];
  const index = useMemo(() => pickerIndex(codes), [codes]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [wholeTurn, setWholeTurn] = useState(initialMode === 'turn');
  const matches = pick(index, query, 12);
  const canCreate = query.trim() !== '' && !hasExactName(codes, query);
  const total = matches.length + (canCreate ? 1 : 0);
  const at = Math.min(active, Math.max(total - 1, 0));
  const target = coding.target;
  const what = !target ? 'Nothing selected' : wholeTurn || !target.range ? (target.blockIds.length > 1 ? `${target.blockIds.length} whole turns` : 'The whole turn') : 'The selected passage';

  // Arrowing past the bottom of the list scrolls the active code into view.
  useEffect(() => {
    document.getElementById(`picker-${at}`)?.scrollIntoView({ block: 'nearest' });
  }, [at]);

  const choose = async (i: number, turn: boolean) => {
    const mode: ApplyMode = turn ? 'turn' : 'auto';
    const m = matches[i];
    const ok = m ? await coding.apply(m.id, mode) : canCreate ? await coding.createAndApply(query.trim(), mode) : false;
    if (ok || !target) onClose();
  };

  return (
    <Dialog title="Apply a code" onClose={onClose} onSubmit={() => void choose(at, wholeTurn)} className="picker-dialog">
      <input
        className="input input-wide picker-input"
        aria-label="Code name"
        placeholder="Type a code name (macrons optional)"
        value={query}
        data-autofocus
        role="combobox"
        aria-expanded="true"
        aria-controls="picker-list"
        aria-activedescendant={total ? `picker-${at}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, total - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') {
            e.preventDefault();
            void choose(at, wholeTurn || e.shiftKey);
          } else return;
          e.preventDefault();
        }}
      />
      <ul id="picker-list" className="picker-list" role="listbox" aria-label="Codes">
        {matches.map((m, i) => (
          <li
            key={m.id}
            id={`picker-${i}`}
            role="option"
            aria-selected={i === at}
            className="picker-option"
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={(e) => void choose(i, wholeTurn || e.shiftKey)}
          >
            <span className="code-swatch" style={{ background: m.color }} aria-hidden="true" />
            <span className="picker-name">{m.name}</span>
            {m.path !== m.name && <span className="picker-path">{m.path}</span>}
          </li>
        ))}
        {canCreate && (
          <li
            id={`picker-${matches.length}`}
            role="option"
            aria-selected={at === matches.length}
            className="picker-option picker-create"
            onMouseEnter={() => setActive(matches.length)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={(e) => void choose(matches.length, wholeTurn || e.shiftKey)}
          >
            <span className="picker-plus" aria-hidden="true">
              +
            </span>
            Create “{query.trim()}” and apply
          </li>
        )}
        {total === 0 && <li className="picker-empty">No codes in this frame yet: type a name to create one.</li>}
      </ul>
      <div className="picker-footer">
        <span className="picker-target">{what}</span>
        <label className="retrieval-check">
          <input type="checkbox" checked={wholeTurn} onChange={(e) => setWholeTurn(e.target.checked)} /> Whole turn (Shift+Enter)
        </label>
      </div>
    </Dialog>
  );
}
