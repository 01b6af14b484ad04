/**
 * What the status bar shows of the core's long jobs. Several can run at once (an import on the
 * writer while the Pseudonyms count rescans on a reader): the bar follows the person's own job
 * (background reads the views start only when nothing else runs), the first started of them, so
 * Stop (and Escape) mean the job the person started, not whichever sent the latest event. A job shows only once it has run 300 ms (a quick scan of a small project never
 * flashes a bar); a finished or stopped job that was shown lingers a moment. Progress without a job
 * id shows at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FocalEvents } from '../../../shared/api/events';
import { useApi, useFocalEvent } from '../api/ApiProvider';

type Progress = FocalEvents['progress'];

// Long enough to see "done" flash by, short enough not to linger.
const LINGER_MS = 1200;
// A job that ends sooner than this never shows a bar.
const SHOW_AFTER_MS = 300;

export interface ProgressState {
  progress: Progress | null;
  /** Present while the shown job can be stopped. */
  stop: (() => void) | null;
  /** A stop was asked for and the job has not ended yet. */
  stopping: boolean;
  /** Other jobs running at the same time (not shown). */
  others: number;
}

const isDone = (p: Progress) => p.done >= p.total || p.cancelled === true;

/**
 * Reads the views start by themselves (the Pseudonyms count, the readiness check, previews): shown
 * only when nothing the person started (an import, an auto-code, an export) is running.
 */
const BACKGROUND_TASKS = new Set(['scan', 'check', 'auto-code-preview']);
const rank = (r: Running) => (BACKGROUND_TASKS.has(r.latest.task) ? 1 : 0);

interface Running {
  started: number;
  latest: Progress;
}

export function useProgress(): ProgressState {
  const api = useApi();
  const running = useRef(new Map<string, Running>());
  const [, setTick] = useState(0);
  const [plain, setPlain] = useState<Progress | null>(null);
  const [ended, setEnded] = useState<Progress | null>(null);
  const [stoppingId, setStoppingId] = useState<string | null>(null);
  const shown = useRef<string | null>(null);
  const rerender = useCallback(() => setTick((t) => t + 1), []);

  useFocalEvent('progress', (p) => {
    if (!p.jobId) {
      setPlain(p);
      return;
    }
    const jobs = running.current;
    if (isDone(p)) {
      jobs.delete(p.jobId);
      // Only a job that was on screen lingers.
      if (shown.current === p.jobId) setEnded(p);
    } else {
      const r = jobs.get(p.jobId);
      if (r) r.latest = p;
      else {
        jobs.set(p.jobId, { started: Date.now(), latest: p });
        setTimeout(rerender, SHOW_AFTER_MS + 10);
      }
    }
    rerender();
  });

  // The first-started job still running that has run long enough, the person's own jobs first.
  const now = Date.now();
  const candidates = [...running.current.entries()].filter(([, r]) => now - r.started >= SHOW_AFTER_MS).sort((a, b) => rank(a[1]) - rank(b[1]) || a[1].started - b[1].started);
  const current = candidates[0] ?? null;
  if (current && !ended) shown.current = current[0];
  // A shown job that just ended (or was stopped) stays in view for a moment, before any other.
  const progress: Progress | null = ended ?? (current ? current[1].latest : plain);

  const finished = progress !== null && isDone(progress);
  useEffect(() => {
    if (!finished) return;
    const timer = setTimeout(() => {
      setEnded(null);
      setPlain(null);
    }, LINGER_MS);
    return () => clearTimeout(timer);
  }, [finished, progress]);

  const jobId = !ended && current && current[1].latest.cancellable ? current[0] : null;
  const stop = useCallback(() => {
    if (!jobId) return;
    setStoppingId(jobId);
    void api['job-cancel']({ jobId }).catch(() => setStoppingId(null));
  }, [api, jobId]);
  return { progress, stop: jobId ? stop : null, stopping: jobId !== null && stoppingId === jobId, others: Math.max(0, running.current.size - (current ? 1 : 0)) };
}
