/** What Focal shows with no project open: create, open, recent projects and the coder's name. */
import { useId } from 'react';
import { useAppContext } from '../app/AppContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { ariaShortcut, shortcut } from '../format/keys';
import { IMPORT_REFI, requestRefi } from '../exchange/RefiHost';
import { requestOpenReviewPack } from '../review-pack/ReviewPackHost';
import { RecentProjects } from './RecentProjects';
import { UserNameForm } from './UserNameForm';
import { requestHelp } from '../help/HelpHost';

export function StartScreen({ error, onDismissError }: { error: string | null; onDismissError: () => void }) {
  const { info, commands } = useAppContext();
  const recentId = useId();
  const web = info.platform === 'web';

  return (
    <main className="start" aria-label="Start">
      <div className="start-card">
        <header className="start-header">
          <h1 className="start-title">
            <span className="logo-mark" aria-hidden="true" />
            Focal
          </h1>
          <p className="start-lead">Qualitative analysis of focus groups, hui and group interviews.</p>
        </header>

        <div className="start-actions">
          {/* Chromium keeps Ctrl+N for a new window, so a browser tab does not promise the shortcut. */}
          <button type="button" className="button button-primary" onClick={commands.newProject} aria-keyshortcuts={web ? undefined : ariaShortcut('n')}>
            New project…
            {!web && <kbd className="kbd">{shortcut('n')}</kbd>}
          </button>
          {/* In a browser tab there is no file dialog: projects open from the list below. */}
          {!web && (
            <button type="button" className="button" onClick={commands.openProject} aria-keyshortcuts={ariaShortcut('o')}>
              Open project…
              <kbd className="kbd">{shortcut('o')}</kbd>
            </button>
          )}
          {/* A project from NVivo, ATLAS.ti, MAXQDA or QualCoder becomes a new Focal project. */}
          <button type="button" className="button" onClick={() => requestRefi(IMPORT_REFI)}>
            Import project (REFI-QDA)…
          </button>
          {/* For a kaitiaki deciding on their own machine: no project needed. */}
          <button type="button" className="button" onClick={requestOpenReviewPack}>
            Open review pack…
          </button>
        </div>
        {web && <p className="field-help">Projects are saved in Focal’s projects folder; reopen them from the list below.</p>}
        <ErrorMessage message={error} onDismiss={onDismissError} />

        <section className="start-section">
          <h2 id={recentId} className="section-title">
            Recent projects
          </h2>
          <RecentProjects headingId={recentId} />
        </section>

        <section className="start-section">
          <UserNameForm />
        </section>

        <footer className="start-footer">
          Focal {info.version} ·{' '}
          <button type="button" className="button-link" onClick={() => requestHelp('preferences')}>
            Preferences
          </button>{' '}
          ·{' '}
          <button type="button" className="button-link" onClick={() => requestHelp('keyboard-shortcuts')} aria-keyshortcuts="?">
            Keyboard shortcuts
          </button>
        </footer>
      </div>
    </main>
  );
}
