/** Shortcut labels in the platform's own words: ⌘ on macOS, Ctrl elsewhere. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function shortcut(key: string): string {
  return isMac ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`;
}

/** The aria-keyshortcuts value for Ctrl/Cmd + key. */
export function ariaShortcut(key: string): string {
  return `${isMac ? 'Meta' : 'Control'}+${key.toUpperCase()}`;
}
