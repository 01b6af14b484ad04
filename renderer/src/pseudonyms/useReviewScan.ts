/**
 * The review list's filters (transcript, kind, status, search, order) and the scan they ask the
 * core for: filtered, ordered and paged there, with counts per filter value, so a large project
 * never sends thousands of groups to the view. A page more is asked for on request.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Candidate, CandidateKind, ScanOrder } from '../../../shared/domain/pseudonyms';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';

export const PAGE = 50;

export interface ReviewFilterState {
  sourceId: number | null;
  kind: CandidateKind | null;
  status: Candidate['status'] | 'all';
  /** As typed; the core is asked after a pause in typing. */
  query: string;
  order: ScanOrder;
}

export const NO_FILTERS: ReviewFilterState = { sourceId: null, kind: null, status: 'pending', query: '', order: 'count' };

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const CHANGES = ['pseudonyms', 'participants', 'sources'] as const;

export function useReviewScan() {
  const api = useApi();
  const [filters, setAll] = useState<ReviewFilterState>(NO_FILTERS);
  const [pages, setPages] = useState(1);
  const query = useDebounced(filters.query.trim(), 250);
  const { sourceId, kind, status, order } = filters;

  const setFilters = useCallback((patch: Partial<ReviewFilterState>) => {
    setAll((f) => {
      const next = { ...f, ...patch };
      // One transcript is reviewed in reading order unless the person chose otherwise.
      if (patch.sourceId !== undefined && patch.order === undefined && patch.sourceId !== f.sourceId) next.order = patch.sourceId === null ? 'count' : 'position';
      return next;
    });
    setPages(1);
  }, []);
  useEffect(() => setPages(1), [query]);

  const load = useCallback(
    () =>
      api['pseudo-scan']({
        ...(sourceId !== null ? { sourceId } : {}),
        ...(status !== 'all' ? { status } : {}),
        ...(kind ? { kinds: [kind] } : {}),
        ...(query ? { query } : {}),
        order,
        limit: PAGE * pages,
        facets: true,
      }),
    [api, sourceId, status, kind, query, order, pages],
  );
  const scan = useProjectData(load, [...CHANGES]);
  // The whole project at a glance (places by status, groups to review), whatever the filters.
  const loadOverview = useCallback(() => api['pseudo-scan']({ limit: 0, facets: true }), [api]);
  const overview = useProjectData(loadOverview, [...CHANGES]);

  // A transcript removed while chosen: back to all of them.
  const known = overview.data?.facets?.sources;
  useEffect(() => {
    if (sourceId !== null && known && !known.some((s) => s.sourceId === sourceId)) setFilters({ sourceId: null });
  }, [known, sourceId, setFilters]);

  const narrowed = kind !== null || query !== '';
  return { filters, setFilters, query, narrowed, scan, overview, more: () => setPages((p) => p + 1) };
}

export type ReviewScan = ReturnType<typeof useReviewScan>;
