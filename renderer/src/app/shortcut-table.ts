/**
 * Every keyboard shortcut Focal wires, in one table: the global handlers (useShortcuts,
 * useFindShortcut, useCodingShortcuts, the shortcuts sheet) match keys through `matches` on these
 * entries, and the Keyboard shortcuts sheet lists the table. Entries without `chord` are handled
 * where they apply (the code tree, a quote card, the picker) and are listed here for the sheet.
 */
import { isMac } from '../format/keys';

/** A key with its modifiers. `mod` is Ctrl, or ⌘ on macOS. */
export interface Chord {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface ShortcutDef {
  id: string;
  /** Where it works, for the sheet's sections. */
  scope: 'Anywhere' | 'Workspace' | 'Transcript and coding' | 'Code tree' | 'Code picker' | 'Quote bank' | 'Recording' | 'Correct transcript';
  description: string;
  /** The chords a global handler matches; none for the local shortcuts listed for the sheet. */
  chords?: Chord[];
  /** How the sheet shows it when it has no chord (or to add a note). */
  label?: string;
  /** Only in the desktop app (Chromium keeps these for the browser tab). */
  desktopOnly?: boolean;
}

export const SHORTCUTS: readonly ShortcutDef[] = [
  { id: 'shortcuts', scope: 'Anywhere', description: 'Show this list of keyboard shortcuts', chords: [{ key: '?' }] },
  { id: 'new-project', scope: 'Anywhere', description: 'New project', chords: [{ key: 'n', mod: true }], desktopOnly: true },
  { id: 'open-project', scope: 'Anywhere', description: 'Open a project', chords: [{ key: 'o', mod: true }], desktopOnly: true },
  { id: 'close-project', scope: 'Workspace', description: 'Close the project', chords: [{ key: 'w', mod: true }], desktopOnly: true },
  { id: 'find', scope: 'Workspace', description: 'Search the transcripts', chords: [{ key: 'f', mod: true }] },
  { id: 'undo', scope: 'Workspace', description: 'Undo the last change to the project', chords: [{ key: 'z', mod: true }] },
  {
    id: 'redo',
    scope: 'Workspace',
    description: 'Redo',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
  { id: 'skip', scope: 'Workspace', description: 'Skip to the transcript (the first Tab stop of the page)', label: 'Tab, then Enter' },
  { id: 'code-selection', scope: 'Transcript and coding', description: 'Apply a code to the selected passage', chords: [{ key: 'k', mod: true }] },
  { id: 'code-turn', scope: 'Transcript and coding', description: 'Apply a code to the whole turn', chords: [{ key: 'k', mod: true, shift: true }] },
  { id: 'recent-code', scope: 'Transcript and coding', description: 'Apply one of the five codes used last', chords: ['1', '2', '3', '4', '5'].map((d) => ({ key: d, alt: true })), label: 'Alt+1 … Alt+5' },
  { id: 'tree-move', scope: 'Code tree', description: 'Go up, down, to the parent or to the first sub-code', label: '↑ ↓ ← →' },
  { id: 'tree-ends', scope: 'Code tree', description: 'First or last code', label: 'Home / End' },
  { id: 'tree-rename', scope: 'Code tree', description: 'Rename the code', label: 'F2' },
  { id: 'tree-reorder', scope: 'Code tree', description: 'Move the code up, down, out or in', label: 'Alt+↑ ↓ ← →' },
  { id: 'tree-delete', scope: 'Code tree', description: 'Delete the code (asks first)', label: 'Delete' },
  { id: 'picker-choose', scope: 'Code picker', description: 'Choose a code', label: '↑ / ↓' },
  { id: 'picker-apply', scope: 'Code picker', description: 'Apply it to the selection; Shift+Enter to the whole turn', label: 'Enter / Shift+Enter' },
  { id: 'quote-copy', scope: 'Quote bank', description: 'Copy the quote (when it passes the checks)', label: 'C' },
  { id: 'quote-cut', scope: 'Quote bank', description: 'Cut the selected words, leaving […]', label: 'X' },
  { id: 'quote-trim', scope: 'Quote bank', description: 'Trim the quote to the selected words', label: 'T' },
  { id: 'close-dialog', scope: 'Anywhere', description: 'Close a dialog', label: 'Esc' },
  { id: 'save-copy', scope: 'Workspace', description: 'Save a complete copy of the project', label: 'Ctrl+Shift+S' },
  { id: 'stop-job', scope: 'Workspace', description: 'Stop the long job in the status bar (import, scan, auto-code…)', label: 'Esc (when no dialog is open)' },
  { id: 'media-play', scope: 'Recording', description: 'Play or pause the recording', label: 'Ctrl+Space' },
  { id: 'media-skip', scope: 'Recording', description: 'Back or forward 5 seconds', label: 'Ctrl+← / Ctrl+→' },
  { id: 'media-passage', scope: 'Recording', description: 'Play the selected passage', label: 'Ctrl+Enter' },
  { id: 'media-sync', scope: 'Recording', description: 'While syncing turns: this turn starts now', label: 'Ctrl+M' },
  { id: 'correct-save', scope: 'Correct transcript', description: 'Save the turn being corrected; Esc cancels', label: 'Ctrl+Enter / Esc' },
];

const byId = new Map(SHORTCUTS.map((s) => [s.id, s]));

/** Whether the key event is one of the shortcut's chords (modifiers exact, so Ctrl+Shift+K is not Ctrl+K). */
export function matches(id: string, e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const def = byId.get(id);
  if (!def?.chords) throw new Error(`No global shortcut "${id}" in the table`);
  const mod = e.ctrlKey || e.metaKey;
  return def.chords.some((c) => {
    // Alt+digit: the digit's key code, since Alt changes the character on some layouts.
    const key = c.alt && /^\d$/.test(c.key) ? e.code === `Digit${c.key}` : e.key.toLowerCase() === c.key;
    return key && !!c.mod === mod && !!c.alt === e.altKey && (c.key === '?' ? true : !!c.shift === e.shiftKey);
  });
}

/** A chord in the platform's words: "Ctrl+Shift+K", or "⌘⇧K" on macOS. */
export function chordLabel(c: Chord): string {
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key;
  if (isMac) return `${c.mod ? '⌘' : ''}${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${key}`;
  return [c.mod && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('+');
}

/** What the sheet shows for a shortcut. */
export function shortcutLabel(def: ShortcutDef): string {
  if (def.label) return def.label;
  return (def.chords ?? []).map(chordLabel).join(' or ');
}
