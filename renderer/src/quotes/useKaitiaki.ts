/**
 * The kaitiaki's decisions on quotes, who the kaitiaki is for each tikanga-based transcript in the
 * bank, and whether this session holds their key unlocked (the core's status says so: a typed name
 * gives no authority). The status reloads when a key is unlocked or locked (a participants change).
 */
import { useCallback, useMemo } from 'react';
import type { CheckedQuote } from '../../../shared/domain/quotes';
import type { Approval, KaitiakiStatus } from '../../../shared/domain/tikanga';
import { useApi } from '../api/ApiProvider';
import { useAppContext } from '../app/AppContext';
import { useProjectData } from '../workspace/useProjectData';
import type { KaitiakiInfo } from './KaitiakiDecision';

export function useKaitiaki(quotes: CheckedQuote[], approvalLabel: string): { infoFor: (q: CheckedQuote) => KaitiakiInfo | undefined; statuses: KaitiakiStatus[]; exportDecisions: Approval[] } {
  const api = useApi();
  const sourceKey = [...new Set(quotes.filter((q) => q.mode === 'tikanga').map((q) => q.sourceId))].sort((a, b) => a - b).join(',');
  const loadApprovals = useCallback(() => (sourceKey ? api['approvals-list']({}) : Promise.resolve([] as Approval[])), [api, sourceKey]);
  const approvals = useProjectData(loadApprovals, ['consent', 'quotes']);
  // Who may read and decide changes with the key (a participants change) and the preferences.
  const userName = useAppContext().info.prefs.userName;
  const loadStatus = useCallback(
    () => Promise.all(sourceKey ? sourceKey.split(',').map((id) => api['kaitiaki-status']({ sourceId: Number(id) }).then((s) => [Number(id), s] as const)) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, sourceKey, userName],
  );
  const status = useProjectData(loadStatus, ['participants', 'sources', 'consent', 'quotes']);
  return useMemo(() => {
    const byQuote = new Map<number, Approval[]>();
    for (const a of approvals.data ?? []) if (a.scope === 'quote' && a.quoteId !== null) byQuote.set(a.quoteId, [...(byQuote.get(a.quoteId) ?? []), a]);
    const bySource = new Map(status.data ?? []);
    const exports = (approvals.data ?? []).filter((a) => a.scope === 'export');
    return {
      infoFor: (q) => {
        if (q.mode !== 'tikanga') return undefined;
        const status = bySource.get(q.sourceId) ?? null;
        const label = approvalLabel.trim();
        const exportDecision = label ? exports.filter((a) => a.groupId === status?.groupId && a.exportLabel === label && !a.revokedAt).at(-1) : undefined;
        return { decisions: byQuote.get(q.id) ?? [], status, exportDecision };
      },
      statuses: [...bySource.values()],
      exportDecisions: exports,
    };
  }, [approvals.data, status.data, approvalLabel]);
}
