/**
 * The coding bar above the transcript: what is selected, the codes already on it (× removes the
 * code from just that passage), Code… (Ctrl+K), Code turn, and the recent codes (Alt+1…5).
 */
import type { Coding } from '../../../shared/domain/coding';
import type { Code } from '../../../shared/domain/project';
import { useLayoutEffect, useRef } from 'react';
import { useCoding } from '../codes/CodingContext';
import { ariaShortcut, isMac, shortcut } from '../format/keys';

export function SelectionBar({ sourceId, codings, codeMap }: { sourceId: number; codings: Coding[]; codeMap: Map<number, Code> }) {
  const coding = useCoding();
  const t = coding.target?.sourceId === sourceId ? coding.target : null;
  const span = t?.range ?? t?.turnRange ?? null;
  const onIt = span ? [...new Set(codings.filter((c) => c.start < span.end && c.end > span.start).map((c) => c.codeId))].map((id) => codeMap.get(id)).filter((c): c is Code => !!c) : [];
  const recent = coding.recent.map((id) => codeMap.get(id)).filter((c): c is Code => !!c);
  const recentRef = useRef<HTMLSpanElement>(null);
  useRecentFit(recentRef, recent.map((c) => c.name).join('\n'));
  return (
    <div className="selection-bar" role="toolbar" aria-label="Coding">
      <span className="selection-what" data-testid="selection-what">
        {!t ? 'Select a passage to code it' : t.range ? `Passage selected (${t.range.end - t.range.start} characters)` : t.blockIds.length ? 'Cursor in a turn' : 'Select a passage to code it'}
      </span>
      {onIt.length > 0 && (
        <span className="selection-codes" aria-label="Codes on this passage">
          {onIt.map((c) => (
            <span key={c.id} className="code-chip code-chip-on" style={{ borderColor: c.color }}>
              <span className="code-swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.name}
              <button type="button" className="code-chip-remove" onClick={() => void coding.removeFromTarget(c.id)} aria-label={`Remove ${c.name} from this passage`} title="Remove from this passage">
                ×
              </button>
            </span>
          ))}
        </span>
      )}
      <button type="button" className="button button-small" disabled={!t} onClick={() => coding.openPicker('auto')} title={`Apply a code (${shortcut('k')})`} aria-keyshortcuts={ariaShortcut('k')}>
        Code…
      </button>
      <button type="button" className="button button-small" disabled={!t?.blockIds.length} onClick={() => coding.openPicker('turn')} title={`Apply a code to the whole turn (${isMac ? '⌘⇧K' : 'Ctrl+Shift+K'})`}>
        Code turn…
      </button>
      {recent.length > 0 && (
        <span ref={recentRef} className="selection-recent" aria-label="Recent codes">
          <span className="selection-recent-label" aria-hidden="true">
            Recent
          </span>
          {recent.map((c, i) => (
            <button
              key={c.id}
              type="button"
              className="code-chip"
              disabled={!t}
              onClick={() => void coding.apply(c.id)}
              title={`Apply “${c.name}” (Alt+${i + 1})`}
              aria-keyshortcuts={`Alt+${i + 1}`}
            >
              <span className="code-swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.name}
            </button>
          ))}
        </span>
      )}
    </div>
  );
}

/**
 * The recent row is one line that clips what does not fit (see .selection-recent): the chips left
 * off are taken out of the Tab order and hidden from screen readers too, so no one lands on a
 * button they cannot see. Alt+1…5 still apply them.
 */
function useRecentFit(ref: React.RefObject<HTMLSpanElement | null>, names: string): void {
  useLayoutEffect(() => {
    const row = ref.current;
    if (!row) return;
    const fit = () => {
      const top = row.offsetTop;
      for (const chip of row.querySelectorAll<HTMLElement>('.code-chip')) {
        const off = chip.offsetTop - top > chip.offsetHeight / 2;
        chip.tabIndex = off ? -1 : 0;
        chip.toggleAttribute('aria-hidden', off);
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(row);
    return () => observer.disconnect();
  }, [ref, names]);
}
