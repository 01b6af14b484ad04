/** The left pane's way to the Pseudonyms view, with the number of identifiers still to review. */
import { useCallback } from 'react';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';

export function PseudonymsNav({ current, onOpen }: { current: boolean; onOpen: () => void }) {
  const api = useApi();
  const load = useCallback(() => api['pseudo-scan']({ status: 'pending', limit: 0 }), [api]);
  const { data } = useProjectData(load, ['pseudonyms', 'participants', 'sources']);
  // Only the number: a large project has thousands of groups, none of them needed here.
  const pending = data?.total ?? 0;
  return (
    <div className="quote-nav" role="group" aria-label="Pseudonymisation">
      <button type="button" className="quote-nav-item" aria-current={current} onClick={onOpen}>
        Pseudonyms <span className={`pane-count ${pending ? 'count-warn' : ''}`} aria-label={`${pending} to review`}>{pending}</span>
      </button>
    </div>
  );
}
