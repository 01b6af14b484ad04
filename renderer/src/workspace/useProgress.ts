/**
 * The core's latest `progress` event while a long task runs; cleared shortly after it finishes or
 * is stopped. `stop()` cancels the job (job-cancel with its id) when the job can be stopped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FocalEvents } from '../../../shared/api/events';
import { useApi, useFocalEvent } from '../api/ApiProvider';

type Progress = FocalEvents['progress'];

// Long enough to see "done" flash by, short enough not to linger.
const LINGER_MS = 1200;
// A job that ends sooner than this never shows a bar (a scan of a small project, a quick check).
const SHOW_AFTER_MS = 300;

export interface ProgressState {
  progress: Progress | null;
  /** Present while the running job can be stopped. */
  stop: (() => void) | null;
  /** A stop was asked for and the job has not ended yet. */
  stopping: boolean;
}

export function useProgress(): ProgressState {
  const api = useApi();
  const [latest, setLatest] = useState<Progress | null>(null);
  const [stoppingId, setStoppingId] = useState<string | null>(null);
  // Jobs (with an id) show once they have run SHOW_AFTER_MS; other progress shows at once.
  const started = useRef(new Map<string, number>());
  const latestRef = useRef<Progress | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  useFocalEvent('progress', (p) => {
    if (p.jobId && !started.current.has(p.jobId)) {
      started.current.set(p.jobId, Date.now());
      if (started.current.size > 50) started.current.delete(started.current.keys().next().value as string);
    }
    latestRef.current = p;
    setLatest(p);
  });
  const latestJob = latest?.jobId ?? null;
  useEffect(() => {
    if (!latestJob || shownId === latestJob) return;
    const since = started.current.get(latestJob) ?? Date.now();
    const timer = setTimeout(() => {
      const now = latestRef.current;
      // Finished before it was worth showing: no bar at all.
      if (now?.jobId === latestJob && now.done < now.total && !now.cancelled) setShownId(latestJob);
    }, Math.max(0, SHOW_AFTER_MS - (Date.now() - since)));
    return () => clearTimeout(timer);
  }, [latestJob, shownId]);
  const progress = latest && (!latest.jobId || latest.jobId === shownId) ? latest : null;
  const setProgress = setLatest;
  const finished = progress !== null && (progress.done >= progress.total || progress.cancelled === true);
  useEffect(() => {
    if (!finished) return;
    const timer = setTimeout(() => setProgress(null), LINGER_MS);
    return () => clearTimeout(timer);
  }, [finished, progress]);
  const jobId = !finished && progress?.cancellable && progress.jobId ? progress.jobId : null;
  const stop = useCallback(() => {
    if (!jobId) return;
    setStoppingId(jobId);
    void api['job-cancel']({ jobId }).catch(() => setStoppingId(null));
  }, [api, jobId]);
  return { progress, stop: jobId ? stop : null, stopping: jobId !== null && stoppingId === jobId };
}
