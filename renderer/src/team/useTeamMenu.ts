/** File ▸ Save a copy for a coder… / Merge coder copies… / Agreement from the desktop menu. */
import { useEffect, useRef } from 'react';
import { useConnection } from '../api/ApiProvider';

export function useTeamMenu(actions: { copy: () => void; merge: () => void; agreement: () => void }): void {
  const { bridge } = useConnection();
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const off = bridge?.onMenu((command) => {
      if (command === 'save-coder-copy') latest.current.copy();
      else if (command === 'merge-coder-copies') latest.current.merge();
      else if (command === 'agreement') latest.current.agreement();
    });
    return () => off?.();
  }, [bridge]);
}
