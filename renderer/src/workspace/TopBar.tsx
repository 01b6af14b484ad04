/** The workspace's title bar: which project is open, and closing it. */
import type { ReactNode } from 'react';
import type { ProjectInfo } from '../../../shared/domain/project';
import { useAppContext } from '../app/AppContext';
import { ariaShortcut, shortcut } from '../format/keys';
import { TikangaActions } from '../tikanga/TikangaActions';
import { requestHelp } from '../help/HelpHost';

export function TopBar({ project, children }: { project: ProjectInfo; children?: ReactNode }) {
  const { commands, info } = useAppContext();
  // Chromium keeps Ctrl+W for closing the tab, so only the desktop app advertises it.
  const keys = info.platform !== 'web';
  return (
    <header className="topbar">
      <a
        className="skip-link"
        href="#pane-main"
        onClick={(e) => {
          // The transcript's text when one is open, else the main pane itself.
          e.preventDefault();
          const target = document.getElementById('transcript-text') ?? document.getElementById('pane-main');
          if (target && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
          target?.focus();
        }}
      >
        Skip to the transcript
      </a>
      <span className="topbar-app">
        <span className="logo-mark" aria-hidden="true" />
        Focal
      </span>
      <span className="topbar-divider" aria-hidden="true" />
      <h1 className="topbar-project" title={project.name}>
        {project.name}
      </h1>
      <div className="topbar-actions">
        <TikangaActions />
        {children}
        <button type="button" className="button button-small" onClick={() => requestHelp('preferences')}>
          Preferences
        </button>
        <button type="button" className="button button-small" onClick={() => requestHelp('keyboard-shortcuts')} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
          Keys
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => void commands.closeProject()}
          aria-keyshortcuts={keys ? ariaShortcut('w') : undefined}
          title={keys ? `Close project (${shortcut('w')})` : 'Close project'}
        >
          Close project
        </button>
      </div>
    </header>
  );
}
