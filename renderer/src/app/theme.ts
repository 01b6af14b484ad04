/**
 * Light or dark colours: the preference (light, dark, or system) resolved against
 * prefers-color-scheme, written to <html data-theme> so the stylesheets follow, and readable from
 * components that compute colours themselves (useTheme).
 */
import { useSyncExternalStore } from 'react';
import type { Preferences } from '../../../shared/domain/project';

export type Scheme = 'light' | 'dark';
type ThemePref = Preferences['theme'];

let pref: ThemePref = 'system';
const listeners = new Set<() => void>();
const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

function resolved(): Scheme {
  if (pref === 'light' || pref === 'dark') return pref;
  return media?.matches ? 'dark' : 'light';
}

function apply(): void {
  const scheme = resolved();
  document.documentElement.dataset.theme = scheme;
  document.documentElement.style.colorScheme = scheme;
  for (const l of listeners) l();
}

media?.addEventListener('change', apply);
if (typeof document !== 'undefined') apply();

/** Sets the preference (from app-info or after app-prefs-set) and repaints. */
export function setThemePreference(next: ThemePref | undefined): void {
  pref = next ?? 'system';
  apply();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The scheme in use now, re-rendering when the preference or the system setting changes. */
export function useTheme(): Scheme {
  return useSyncExternalStore(subscribe, resolved, () => 'light');
}
