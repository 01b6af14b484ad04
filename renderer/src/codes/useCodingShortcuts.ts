/**
 * Workspace shortcuts for coding: Ctrl+K (apply a code to the selection), Ctrl+Shift+K (to the
 * whole turn), Alt+1…5 (recent codes), Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (undo, redo), and the
 * same commands from the native menu. Never while typing in a field or with a dialog open: text
 * fields keep their own undo.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { matches } from '../app/shortcut-table';
import { MENU_EVENT } from '../app/useShortcuts';
import type { CodingSession } from './CodingContext';
import type { Undo } from './useUndo';

export function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

export function useCodingShortcuts(coding: CodingSession, undo: Undo): void {
  const latest = useRef({ coding, undo });
  useLayoutEffect(() => {
    latest.current = { coding, undo };
  });
  useEffect(() => {
    // In the desktop app a shortcut can arrive twice, as a keydown and as the menu's accelerator:
    // the same command within a moment is one command (never a double undo).
    let lastCommand = '';
    let lastAt = 0;
    const run = (command: string): boolean => {
      const now = performance.now();
      if (command === lastCommand && now - lastAt < 150) return true;
      const { coding: c, undo: u } = latest.current;
      // From the native menu while typing: the field's own undo, not the project's.
      if ((command === 'undo' || command === 'redo') && isTyping(document.activeElement)) return document.execCommand(command);
      if (dialogOpen()) return false;
      if (command === 'undo') u.undo();
      else if (command === 'redo') u.redo();
      else if (command === 'code-selection' && !isTyping(document.activeElement)) c.openPicker('auto');
      else return false;
      lastCommand = command;
      lastAt = now;
      return true;
    };
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || dialogOpen()) return;
      const { coding: c } = latest.current;
      let done = false;
      if (matches('undo', e)) done = run('undo');
      else if (matches('redo', e)) done = run('redo');
      else if (matches('code-selection', e)) done = run('code-selection');
      else if (matches('code-turn', e)) {
        c.openPicker('turn');
        done = true;
      } else if (matches('recent-code', e)) {
        const id = c.recent[Number(e.code.slice(5)) - 1];
        if (id !== undefined) {
          void c.apply(id);
          done = true;
        }
      }
      if (done) e.preventDefault();
    };
    const onMenu = (e: Event) => run((e as CustomEvent<string>).detail);
    window.addEventListener('keydown', onKey);
    window.addEventListener(MENU_EVENT, onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(MENU_EVENT, onMenu);
    };
  }, []);
}
