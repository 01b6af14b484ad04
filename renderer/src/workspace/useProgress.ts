/**
 * The core's latest `progress` event while a long task runs; cleared shortly after it finishes or
 * is stopped. `stop()` cancels the job (job-cancel with its id) when the job can be stopped.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FocalEvents } from '../../../shared/api/events';
import { useApi, useFocalEvent } from '../api/ApiProvider';

type Progress = FocalEvents['progress'];

// Long enough to see "done" flash by, short enough not to linger.
const LINGER_MS = 1200;

export interface ProgressState {
  progress: Progress | null;
  /** Present while the running job can be stopped. */
  stop: (() => void) | null;
  /** A stop was asked for and the job has not ended yet. */
  stopping: boolean;
}

export function useProgress(): ProgressState {
  const api = useApi();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [stoppingId, setStoppingId] = useState<string | null>(null);
  useFocalEvent('progress', setProgress);
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
