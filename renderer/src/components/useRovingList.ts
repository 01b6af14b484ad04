/**
 * One Tab stop per list (roving tabindex): the current item, else the first, is in the Tab order;
 * ↑/↓, Home and End move between the items. So Tab goes pane by pane (sources, participants,
 * transcript, codes) instead of through every item of a long list first.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const ITEMS = ':scope > li > button';

export function useRovingList<T extends HTMLElement>(): { ref: RefObject<T | null>; onKeyDown: (e: KeyboardEvent<T>) => void } {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const focused = items.find((b) => b === document.activeElement);
    const current = focused ?? items.find((b) => b.getAttribute('aria-current') === 'true') ?? items[0];
    for (const b of items) b.tabIndex = b === current ? 0 : -1;
  });
  const onKeyDown = (e: KeyboardEvent<T>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    const next = e.key === 'ArrowDown' ? items[i + 1] : e.key === 'ArrowUp' ? items[i - 1] : e.key === 'Home' ? items[0] : e.key === 'End' ? items[items.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    for (const b of items) b.tabIndex = b === next ? 0 : -1;
    next.focus();
  };
  return { ref, onKeyDown };
}
