/**
 * The Keyboard shortcuts sheet and the Preferences dialog, for the start screen and the workspace
 * alike: opened by `?` (outside text fields), by Help ▸ Keyboard Shortcuts and Edit ▸ Preferences…
 * in the desktop menu, and by the buttons that call requestHelp.
 */
import { useEffect, useState } from 'react';
import { useAppContext } from '../app/AppContext';
import { matches } from '../app/shortcut-table';
import { MENU_EVENT } from '../app/useShortcuts';
import { isTyping } from '../codes/useCodingShortcuts';
import { PreferencesDialog } from './PreferencesDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

type Open = 'keyboard-shortcuts' | 'preferences' | null;

export function requestHelp(what: Exclude<Open, null>): void {
  window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: what }));
}

export function HelpHost() {
  const { info } = useAppContext();
  const [open, setOpen] = useState<Open>(null);
  useEffect(() => {
    const onMenu = (e: Event) => {
      const what = (e as CustomEvent<string>).detail;
      if (what === 'keyboard-shortcuts' || what === 'preferences') setOpen(what);
    };
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('dialog[open]') || !matches('shortcuts', e)) return;
      e.preventDefault();
      setOpen('keyboard-shortcuts');
    };
    window.addEventListener(MENU_EVENT, onMenu);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(MENU_EVENT, onMenu);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  if (open === 'keyboard-shortcuts') return <ShortcutsDialog desktop={info.platform !== 'web'} onClose={() => setOpen(null)} />;
  if (open === 'preferences') return <PreferencesDialog onClose={() => setOpen(null)} />;
  return null;
}
