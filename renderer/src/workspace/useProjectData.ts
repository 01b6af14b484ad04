/**
 * Loads one piece of the open project and loads it again whenever the core says that kind of
 * thing changed (or the project itself did). Stale answers from an older request are dropped.
 *
 * `patch`: for data that can follow a change without a reload (a coding added or removed: the
 * change carries the new coding and the new counts). Given the change and the data on screen, it
 * returns the patched data, or undefined to reload as usual. Changes come from the core's
 * `changed` events and, sooner, from the call's own result (publishChange); a patch must give the
 * same data when applied twice.
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

type Change = FocalEvents['changed'];
const LOCAL_CHANGE = 'focal-local-change';

/** Tell this window's views about a change a call just answered with (before the core's event arrives). */
export function publishChange(change: Change): void {
  window.dispatchEvent(new CustomEvent<Change>(LOCAL_CHANGE, { detail: change }));
}

export function useProjectData<T>(load: () => Promise<T>, kinds: ChangeKind[], patch?: (change: Change, data: T) => T | undefined): ProjectData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const loading = useRef(false);
  const current = useRef<T | null>(null);
  const patcher = useRef(patch);
  useEffect(() => {
    patcher.current = patch;
  });

  const reload = useCallback(() => {
    const mine = ++generation.current;
    loading.current = true;
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        loading.current = false;
        current.current = value;
        setData(value);
        setError(null);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        loading.current = false;
        setError(describeError(e));
      },
    );
  }, [load]);

  useEffect(reload, [reload]);
  const kindsKey = kinds.join(',');
  // local: from a call's result in this window; the core's event for the same change follows, so
  // a view that cannot patch waits for that one (one reload, not two).
  const onChange = (e: Change, local = false) => {
    if (!e.kinds.some((k) => k === 'project' || kindsKey.split(',').includes(k))) return;
    // A load in flight may predate the change: only data on screen and settled is patched.
    const on = current.current;
    const patched = on !== null && !loading.current && patcher.current ? patcher.current(e, on) : undefined;
    if (patched === undefined) return local ? undefined : reload();
    if (patched !== on) {
      current.current = patched;
      setData(patched);
    }
  };
  useFocalEvent('changed', (e) => onChange(e));
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const local = (ev: Event) => latest.current((ev as CustomEvent<Change>).detail, true);
    window.addEventListener(LOCAL_CHANGE, local);
    return () => window.removeEventListener(LOCAL_CHANGE, local);
  }, []);

  return { data, error, reload };
}
