/** App-wide state every screen reads: app info (platform, preferences) and the app's commands. */
import { createContext, useContext } from 'react';
import type { AppInfo, Preferences } from '../../../shared/domain/project';

export interface AppCommands {
  newProject(): void;
  openProject(): void;
  openRecent(path: string): Promise<void>;
  closeProject(): Promise<void>;
}

export interface AppContextValue {
  info: AppInfo;
  /** Preferences after a successful app-prefs-set. */
  prefsChanged(prefs: Preferences): void;
  commands: AppCommands;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useAppContext() used outside <App>');
  return ctx;
}

export function useDateFormat(): AppInfo['prefs']['dateFormat'] {
  return useAppContext().info.prefs.dateFormat;
}
