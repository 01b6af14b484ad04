/** The bottom bar: where the project file is, what it holds, who is coding, and any task in progress. */
import type { ReactNode } from 'react';
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

function ProgressArea() {
  const progress = useProgress();
  return (
    <span className="status-progress" role="status" aria-live="polite">
      {progress && (
        <>
          <span className="status-progress-label">{progress.label}</span>
          <progress max={Math.max(progress.total, 1)} value={Math.min(progress.done, progress.total)} aria-label={progress.task} />
        </>
      )}
    </span>
  );
}
