/** Widths of the side panes, kept between sessions in localStorage (per machine, not per project). */
import { useCallback, useState } from 'react';

export type Side = 'left' | 'right';
export type Widths = Record<Side, number>;

const KEY = 'focal.paneWidths';
export const PANE_MIN = 200;
export const PANE_MAX = 520;
const DEFAULTS: Widths = { left: 280, right: 280 };

const clamp = (n: number) => Math.round(Math.min(PANE_MAX, Math.max(PANE_MIN, n)));

function loadWidths(): Widths {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Widths> | null;
    return {
      left: typeof raw?.left === 'number' ? clamp(raw.left) : DEFAULTS.left,
      right: typeof raw?.right === 'number' ? clamp(raw.right) : DEFAULTS.right,
    };
  } catch {
    return DEFAULTS;
  }
}

export function usePaneWidths(): [Widths, (side: Side, width: number) => void] {
  const [widths, setWidths] = useState(loadWidths);
  const setWidth = useCallback((side: Side, width: number) => {
    setWidths((prev) => {
      const next = { ...prev, [side]: clamp(width) };
      localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [widths, setWidth];
}
