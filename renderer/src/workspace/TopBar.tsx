/** The workspace's title bar: which project is open, and closing it. */
import type { ReactNode } from 'react';
import type { ProjectInfo } from '../../../shared/domain/project';
import { useAppContext } from '../app/AppContext';
import { ariaShortcut, shortcut } from '../format/keys';

export function TopBar({ project, children }: { project: ProjectInfo; children?: ReactNode }) {
  const { commands, info } = useAppContext();
  // Chromium keeps Ctrl+W for closing the tab, so only the desktop app advertises it.
  const keys = info.platform !== 'web';
  return (
    <header className="topbar">
      <span className="topbar-app">
        <span className="logo-mark" aria-hidden="true" />
        Focal
      </span>
      <span className="topbar-divider" aria-hidden="true" />
      <h1 className="topbar-project" title={project.name}>
        {project.name}
      </h1>
      <div className="topbar-actions">
        {children}
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
