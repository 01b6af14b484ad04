/**
 * Recently opened projects, newest first. A project whose file has moved or been deleted is
 * greyed out and can only be removed from the list (the list never touches files).
 */
import { formatDate } from '../../../shared/format/dates';
import { useAppContext, useDateFormat } from '../app/AppContext';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { useRecentProjects } from './useRecentProjects';

export function RecentProjects({ headingId }: { headingId: string }) {
  const { commands } = useAppContext();
  const dateFormat = useDateFormat();
  const { recent, error, forget } = useRecentProjects();

  if (error) return <ErrorMessage message={error} />;
  if (!recent) return null;
  if (recent.length === 0) return <EmptyState>No recent projects yet. Create a new project to get started.</EmptyState>;

  return (
    <ul className="recent-list" aria-labelledby={headingId}>
      {recent.map((p) => (
        <li key={p.path} className={p.exists ? 'recent-item' : 'recent-item recent-missing'}>
          {p.exists ? (
            <button type="button" className="recent-open" onClick={() => void commands.openRecent(p.path)} title={p.path}>
              <RecentDetails project={p} dateFormat={dateFormat} />
            </button>
          ) : (
            <>
              <div className="recent-open" aria-disabled="true" title={`${p.path} (file not found)`}>
                <RecentDetails project={p} dateFormat={dateFormat} missing />
              </div>
              <button type="button" className="button-ghost button-small" onClick={() => void forget(p.path)} aria-label={`Remove ${p.name} from list`}>
                Remove from list
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function RecentDetails({ project, dateFormat, missing }: { project: { name: string; path: string; openedAt: string }; dateFormat: 'nz' | 'iso'; missing?: boolean }) {
  return (
    <>
      <span className="recent-name">{project.name}</span>
      <span className="recent-path">{project.path}</span>
      <span className="recent-meta">{missing ? 'File not found' : `Last opened ${formatDate(project.openedAt, dateFormat)}`}</span>
    </>
  );
}
