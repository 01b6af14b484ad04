/**
 * File ▸ Save a copy…: a complete copy of the open project (SQLite's online backup, so a copy made
 * at any moment holds everything done up to then), where the person chooses. The toast names the
 * copy. Ctrl/Cmd+Shift+S, the button in the top bar, and a native menu command 'save-copy' (forwarded as MENU_EVENT).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { MENU_EVENT } from '../app/useShortcuts';
import { isMac } from '../format/keys';
import { isTyping } from '../codes/useCodingShortcuts';

const KEYS = isMac ? '⇧⌘S' : 'Ctrl+Shift+S';
const ARIA_KEYS = `${isMac ? 'Meta' : 'Control'}+Shift+S`;
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const folderOf = (path: string) => path.slice(0, Math.max(0, path.length - fileName(path).length - 1));

export function SaveCopyButton({ notify }: { notify: (text: string) => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const save = useCallback(async () => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      const r = await api['project-backup']({});
      if (r) notify(`Saved a copy: ${fileName(r.path)}${folderOf(r.path) ? ` (in ${folderOf(r.path)})` : ''}. It holds everything done up to now.`);
    } catch (e) {
      notify(`Could not save a copy: ${(e as Error).message}`);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [api, notify]);

  useEffect(() => {
    const onMenu = (e: Event) => {
      if ((e as CustomEvent<string>).detail === 'save-copy') void save();
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey || e.key.toLowerCase() !== 's') return;
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void save();
    };
    window.addEventListener(MENU_EVENT, onMenu);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(MENU_EVENT, onMenu);
      window.removeEventListener('keydown', onKey);
    };
  }, [save]);

  return (
    <button
      type="button"
      className="button button-small"
      onClick={() => void save()}
      disabled={busy}
      aria-keyshortcuts={ARIA_KEYS}
      title={`Save a complete copy of this project to another file (${KEYS})`}
    >
      {busy ? 'Saving a copy…' : 'Save a copy…'}
    </button>
  );
}
