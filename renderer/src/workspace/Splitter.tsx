/**
 * A draggable, keyboard-operable divider between panes (WAI-ARIA "window splitter"): drag with
 * the pointer, or focus it and use the arrow keys (Shift for bigger steps), Home/End for min/max.
 */
import type { KeyboardEvent, PointerEvent } from 'react';
import { PANE_MAX, PANE_MIN, type Side } from './usePaneWidths';

interface SplitterProps {
  side: Side;
  width: number;
  label: string;
  controls: string;
  onResize: (width: number) => void;
}

export function Splitter({ side, width, label, controls, onResize }: SplitterProps) {
  // Dragging right grows the left pane and shrinks the right one.
  const direction = side === 'left' ? 1 : -1;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startWidth = width;
    document.body.classList.add('resizing');
    const move = (ev: globalThis.PointerEvent) => onResize(startWidth + (ev.clientX - startX) * direction);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
      document.body.classList.remove('resizing');
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 64 : 16;
    const keys: Record<string, number> = {
      ArrowLeft: width - step * direction,
      ArrowRight: width + step * direction,
      Home: PANE_MIN,
      End: PANE_MAX,
    };
    const next = keys[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onResize(next);
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={PANE_MIN}
      aria-valuemax={PANE_MAX}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
