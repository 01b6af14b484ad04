/**
 * Ctrl/Cmd+N, O and W, and the same commands from Electron's native menu. In a browser tab
 * Chromium keeps Ctrl+N/W for itself, so there these work only from the in-app buttons.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { FocalBridge } from '../../../shared/api/bridge';
import type { AppCommands } from './AppContext';
import { matches } from './shortcut-table';

/** Menu commands this hook does not handle are re-dispatched on window as this event (detail: the command), for the workspace's own features (undo, redo, code selection). */
export const MENU_EVENT = 'focal-menu-command';

interface State {
  projectOpen: boolean;
  /** While a dialog is open the shortcuts are off, so Ctrl+N cannot stack dialogs. */
  dialogOpen: boolean;
}

export function useShortcuts(commands: AppCommands, state: State, bridge: FocalBridge | null): void {
  const latest = useRef({ commands, state });
  useLayoutEffect(() => {
    latest.current = { commands, state };
  });

  useEffect(() => {
    const run = (command: string): boolean => {
      const { commands: c, state: s } = latest.current;
      if (s.dialogOpen) return false;
      if (command === 'new-project') c.newProject();
      else if (command === 'open-project') c.openProject();
      else if (command === 'close-project' && s.projectOpen) void c.closeProject();
      // 'import', 'find', 'undo', 'redo'... belong to features that listen for MENU_EVENT.
      else return false;
      return true;
    };
    const forward = (command: string) => {
      if (!run(command)) window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: command }));
    };
    const onKey = (e: KeyboardEvent) => {
      const command = (['new-project', 'open-project', 'close-project'] as const).find((id) => matches(id, e));
      if (command && run(command)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const offMenu = bridge?.onMenu(forward);
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu?.();
    };
  }, [bridge]);
}
