/** The recent-projects list, re-read whenever a project is opened, created or closed. */
import { useCallback, useEffect, useState } from 'react';
import type { RecentProject } from '../../../shared/domain/project';
import { useApi, useFocalEvent } from '../api/ApiProvider';
import { describeError } from '../api/errors';

export function useRecentProjects() {
  const api = useApi();
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    api['app-recent-projects']({}).then(
      (list) => {
        setRecent(list);
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [api]);

  useEffect(reload, [reload]);
  useFocalEvent('changed', (e) => {
    if (e.kinds.includes('project')) reload();
  });

  const forget = useCallback(
    async (path: string) => {
      try {
        setRecent(await api['app-forget-recent']({ path }));
      } catch (e) {
        setError(describeError(e));
      }
    },
    [api],
  );

  return { recent, error, forget };
}
