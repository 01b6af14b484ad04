/** Ctrl/Cmd+F and the menu's Find… open the search view (the browser's own find is not much use here). */
import { useEffect, useRef } from 'react';
import { useConnection } from '../api/ApiProvider';
import { matches } from '../app/shortcut-table';

export function useFindShortcut(onFind: () => void): void {
  const { bridge } = useConnection();
  const latest = useRef(onFind);
  useEffect(() => {
    latest.current = onFind;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!matches('find', e)) return;
      // Leave Ctrl+F alone while a dialog is open.
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    const off = bridge?.onMenu((command) => {
      if (command === 'find') latest.current();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off?.();
    };
  }, [bridge]);
}
