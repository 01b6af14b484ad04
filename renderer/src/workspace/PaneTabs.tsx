/**
 * Narrow windows (720 px, or 200% zoom): the three panes as tabs, one shown at a time, so nothing
 * is squeezed or clipped. Arrow keys move between the tabs, as the tabs pattern asks.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';

export type PaneTab = 'project' | 'main' | 'codes';
const TABS: Array<{ id: PaneTab; label: string; controls: string }> = [
  { id: 'project', label: 'Sources and participants', controls: 'pane-project' },
  { id: 'main', label: 'Transcript', controls: 'pane-main' },
  { id: 'codes', label: 'Codes', controls: 'pane-codes' },
];
const QUERY = '(max-width: 900px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(QUERY).matches);
  useEffect(() => {
    const m = window.matchMedia(QUERY);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}

export function PaneTabs({ current, onChange }: { current: PaneTab; onChange: (tab: PaneTab) => void }) {
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === current);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    onChange(next.id);
    document.getElementById(`pane-tab-${next.id}`)?.focus();
    e.preventDefault();
  };
  return (
    <div className="pane-tabs" role="tablist" aria-label="Panes" onKeyDown={onKey}>
      {TABS.map((t) => (
        <button
          key={t.id}
          id={`pane-tab-${t.id}`}
          type="button"
          role="tab"
          className="pane-tab"
          aria-selected={t.id === current}
          aria-controls={t.controls}
          tabIndex={t.id === current ? 0 : -1}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
