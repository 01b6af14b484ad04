/** Team data for the renderer: who is coding, the team list, and the agreement report. */
import { useCallback } from 'react';
import type { AgreementReport } from '../../../shared/api/calls-team';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';

export function useTeamInfo() {
  const api = useApi();
  const load = useCallback(() => api['team-info']({}), [api]);
  return useProjectData(load, ['codings', 'memos']);
}

export function useAgreement(coders: string[], unit: 'character' | 'turn') {
  const api = useApi();
  const key = JSON.stringify({ coders, unit });
  const load = useCallback((): Promise<AgreementReport | null> => {
    const k = JSON.parse(key) as { coders: string[]; unit: 'character' | 'turn' };
    return k.coders.length >= 2 ? api['team-agreement'](k) : Promise.resolve(null);
  }, [api, key]);
  return useProjectData(load, ['codes', 'codings', 'sources']);
}

/** Figures as people read them: 0–1 as a percentage, kappa and alpha to two places, "—" when undefined. */
export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
export const fig = (v: number | null) => (v === null ? '—' : v.toFixed(2));

export const BAND_LABEL: Record<string, string> = {
  none: 'not defined',
  poor: 'poor (below 0)',
  slight: 'slight (0–0.20)',
  fair: 'fair (0.21–0.40)',
  moderate: 'moderate (0.41–0.60)',
  substantial: 'substantial (0.61–0.80)',
  'almost-perfect': 'almost perfect (0.81–1)',
};
