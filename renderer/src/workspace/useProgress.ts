/** The core's latest `progress` event while a long task runs; cleared shortly after it finishes. */
import { useEffect, useState } from 'react';
import type { FocalEvents } from '../../../shared/api/events';
import { useFocalEvent } from '../api/ApiProvider';

type Progress = FocalEvents['progress'];

// Long enough to see "done" flash by, short enough not to linger.
const LINGER_MS = 1200;

export function useProgress(): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useFocalEvent('progress', setProgress);
  const finished = progress !== null && progress.done >= progress.total;
  useEffect(() => {
    if (!finished) return;
    const timer = setTimeout(() => setProgress(null), LINGER_MS);
    return () => clearTimeout(timer);
  }, [finished, progress]);
  return progress;
}
