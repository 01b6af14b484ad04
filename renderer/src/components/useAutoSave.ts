/**
 * Saving one field at a time, at once: remembers each field's last error (shown inline by that
 * field) and whether the latest save is running or done, for a quiet "Saved" note.
 */
import { useCallback, useState } from 'react';
import { describeError } from '../api/errors';

export type SaveStatus = 'idle' | 'saving' | 'saved';

export interface AutoSave<P> {
  errors: Record<string, string>;
  status: SaveStatus;
  /** Saves `patch`, filing any error under `field`; resolves true when it was saved. */
  save: (field: string, patch: P) => Promise<boolean>;
}

export function useAutoSave<P>(write: (patch: P) => Promise<unknown>): AutoSave<P> {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const save = useCallback(
    async (field: string, patch: P) => {
      setStatus('saving');
      try {
        await write(patch);
        setErrors((prev) => {
          if (!(field in prev)) return prev;
          const { [field]: _gone, ...rest } = prev;
          return rest;
        });
        setStatus('saved');
        return true;
      } catch (e) {
        setErrors((prev) => ({ ...prev, [field]: describeError(e) }));
        setStatus('idle');
        return false;
      }
    },
    [write],
  );
  return { errors, status, save };
}
