/** The bottom bar: where the project file is, what it holds, who is coding, and any task in progress. */
import { type ReactNode, useLayoutEffect } from 'react';
import type { ProjectInfo } from '../../../shared/domain/project';
import { plural } from '../format/numbers';
import { useProgress } from './useProgress';
import { CoderStatus } from '../team/CoderStatus';

export function StatusBar({ project, children }: { project: ProjectInfo; children?: ReactNode }) {
  const c = project.counts;
  return (
    <footer className="statusbar" aria-label="Status bar">
      <span className="status-path" title={project.path}>
        {project.path}
      </span>
      <span className="status-counts" aria-label="Project counts">
        <span>{plural(c.sources, 'source')}</span>
        <span>{plural(c.participants, 'participant')}</span>
        <span>{plural(c.codes, 'code')}</span>
        <span>{plural(c.codings, 'coding')}</span>
      </span>
      <CoderStatus />
      {children}
      <ProgressArea />
    </footer>
  );
}

/** What is running, how far it is, and a Stop button (Escape too, when no dialog has it) while it can be stopped. */
function ProgressArea() {
  const { progress, stop, stopping } = useProgress();
  // A layout effect: the key is listened for before the Stop button is painted, so Escape pressed
  // the moment it shows is never lost.
  useLayoutEffect(() => {
    if (!stop) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // A dialog or menu that is open takes Escape for itself.
      if (document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      e.preventDefault();
      stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stop]);
  return (
    <span className="status-progress">
      <span role="status" aria-live="polite" className="status-progress-live">
        {progress && (
          <>
            <span className="status-progress-label">{progress.cancelled ? `Stopped: ${progress.task} (what was finished is kept)` : stopping ? `Stopping… ${progress.label}` : progress.label}</span>
            <progress max={Math.max(progress.total, 1)} value={Math.min(progress.done, progress.total)} aria-label={progress.task} />
          </>
        )}
      </span>
      {stop && (
        <button type="button" className="button status-progress-stop" onClick={stop} disabled={stopping} title="Stop this job (Esc); what is finished is kept" aria-keyshortcuts="Escape">
          Stop
        </button>
      )}
    </span>
  );
}
