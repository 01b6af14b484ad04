/**
 * Loads one piece of the open project and loads it again whenever the core says that kind of
 * thing changed (or the project itself did). Stale answers from an older request are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FocalEvents } from '../../../shared/api/events';
import { useFocalEvent } from '../api/ApiProvider';
import { describeError } from '../api/errors';

export type ChangeKind = FocalEvents['changed']['kinds'][number];

export interface ProjectData<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

export function useProjectData<T>(load: () => Promise<T>, kinds: ChangeKind[]): ProjectData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(null);
      },
      (e: unknown) => {
        if (mine === generation.current) setError(describeError(e));
      },
    );
  }, [load]);

  useEffect(reload, [reload]);
  const kindsKey = kinds.join(',');
  useFocalEvent('changed', (e) => {
    if (e.kinds.some((k) => k === 'project' || kindsKey.split(',').includes(k))) reload();
  });

  return { data, error, reload };
}
