/** The left pane's way to the quote bank, the blocked list and the export audit, with live counts. */
import { useCallback } from 'react';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';
import type { QuoteTab } from './QuoteBank';

export function QuoteNav({ current, onOpen }: { current: QuoteTab | null; onOpen: (tab: QuoteTab) => void }) {
  const api = useApi();
  // Codings do not change what the gate decides, so coding never re-runs it here.
  const load = useCallback(() => api['quotes-list']({}), [api]);
  const { data } = useProjectData(load, ['quotes', 'participants', 'consent', 'sources', 'pseudonyms']);
  const blocked = data?.filter((q) => !q.gate.passed).length ?? 0;
  return (
    <div className="quote-nav" role="group" aria-label="Quotes and exports">
      <h2 className="pane-title quote-nav-title">Quotes and exports</h2>
      <button type="button" className="quote-nav-item" aria-current={current === 'quotes'} onClick={() => onOpen('quotes')}>
        Quote bank <span className="pane-count">{data?.length ?? 0}</span>
      </button>
      <button type="button" className="quote-nav-item" aria-current={current === 'blocked'} onClick={() => onOpen('blocked')}>
        Blocked <span className={`pane-count ${blocked ? 'count-warn' : ''}`}>{blocked}</span>
      </button>
      <button type="button" className="quote-nav-item" aria-current={current === 'audit'} onClick={() => onOpen('audit')}>
        Export audit
      </button>
    </div>
  );
}
