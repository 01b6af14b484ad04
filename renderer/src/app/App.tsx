/**
 * The app's top level: asks the core what is open, shows the start screen or the workspace, and
 * owns the project-level commands (new, open, close) shared by buttons, shortcuts and the menu.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo, ProjectInfo } from '../../../shared/domain/project';
import { useApi, useConnection, useFocalEvent } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { CopyGuard } from '../copy/CopyGuard';
import { ReviewPackHost } from '../review-pack/ReviewPackHost';
import { RefiHost } from '../exchange/RefiHost';
import { HelpHost } from '../help/HelpHost';
import '../help/help.css';
import { NewProjectDialog } from '../start/NewProjectDialog';
import { OpenRecentDialog } from '../start/OpenRecentDialog';
import { StartScreen } from '../start/StartScreen';
import { Workspace } from '../workspace/Workspace';
import { AppContext, type AppCommands, type AppContextValue } from './AppContext';
import { ConnectionProblem } from './ConnectionProblem';
import { useShortcuts } from './useShortcuts';
import { setThemePreference } from './theme';

type DialogKind = 'new' | 'open' | null;

export function App() {
  const api = useApi();
  const { bridge } = useConnection();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogKind>(null);

  const load = useCallback(async () => {
    try {
      const [appInfo, open] = await Promise.all([api['app-info']({}), api['project-info']({})]);
      setInfo(appInfo);
      setProject(open);
      setLoadError(null);
    } catch (e) {
      setLoadError(describeError(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  // Light, dark or the system's choice: follows the preference wherever it was changed.
  useEffect(() => setThemePreference(info?.prefs.theme), [info?.prefs.theme]);

  // Any change may move the counts in the status bar; a 'project' change may mean open/close
  // from another window or tab, so the open project is always re-read from the core.
  useFocalEvent('changed', () => {
    api['project-info']({}).then(setProject, () => {});
  });

  const commands = useMemo<AppCommands>(() => {
    const attempt = async (work: () => Promise<void>) => {
      setActionError(null);
      try {
        await work();
      } catch (e) {
        setActionError(describeError(e));
      }
    };
    return {
      newProject: () => setDialog('new'),
      openProject: () => {
        // A browser tab has no file dialog: it opens from the recent list instead.
        if (info?.platform === 'web') setDialog('open');
        else
          void attempt(async () => {
            const opened = await api['project-open']({});
            if (opened) setProject(opened);
          });
      },
      openRecent: (path) =>
        attempt(async () => {
          setProject(await api['project-open']({ path }));
          setDialog(null);
        }),
      closeProject: () =>
        attempt(async () => {
          await api['project-close']({});
          setProject(null);
        }),
    };
  }, [api, info?.platform]);

  useShortcuts(commands, { projectOpen: project !== null, dialogOpen: dialog !== null }, bridge);

  const context = useMemo<AppContextValue | null>(
    () => (info ? { info, commands, prefsChanged: (prefs) => setInfo({ ...info, prefs }) } : null),
    [info, commands],
  );

  if (loadError) return <ConnectionProblem message={loadError} onRetry={() => void load()} />;
  if (!context) return <div className="app-loading" aria-busy="true" />;

  return (
    <AppContext.Provider value={context}>
      <CopyGuard />
      <ReviewPackHost />
      <RefiHost projectOpen={project !== null} />
      <HelpHost />
      {project ? (
        <Workspace key={project.path} project={project} error={actionError} onDismissError={() => setActionError(null)} />
      ) : (
        <StartScreen error={actionError} onDismissError={() => setActionError(null)} />
      )}
      {dialog === 'new' && (
        <NewProjectDialog
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            setDialog(null);
            setActionError(null);
            setProject(created);
          }}
        />
      )}
      {dialog === 'open' && <OpenRecentDialog onClose={() => setDialog(null)} error={actionError} />}
    </AppContext.Provider>
  );
}
