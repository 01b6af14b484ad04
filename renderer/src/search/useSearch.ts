/**
 * Runs a search as the person types (after a short pause), then loads further pages as the list
 * scrolls. An answer to an older query is dropped, so results never flicker back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchFilters, SearchHit } from '../../../shared/domain/analysis';
import { useApi, useFocalEvent } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useCoding } from '../codes/CodingContext';

const PAGE = 100;

export interface SearchState {
  hits: SearchHit[];
  total: number;
  capped: boolean;
  understood: string;
  loading: boolean;
  error: string | null;
  /** The query and filters the hits belong to. */
  ran: { query: string; filters: SearchFilters } | null;
}

const EMPTY: SearchState = { hits: [], total: 0, capped: false, understood: '', loading: false, error: null, ran: null };

/** Drops an attribute filter with no value yet, and empty fields. */
export function effectiveFilters(f: SearchFilters): SearchFilters {
  const out: SearchFilters = { ...f };
  if (out.attribute && !out.attribute.value.trim()) delete out.attribute;
  return out;
}

export function useSearch(query: string, filters: SearchFilters) {
  const api = useApi();
  // The frame the analyst works in decides whether restricted (tapu) passages can be searched.
  const { frameId } = useCoding();
  const view = frameId === null ? {} : { viewFrameId: frameId };
  const viewKey = frameId ?? -1;
  const [state, setState] = useState<SearchState>(EMPTY);
  const generation = useRef(0);
  const [refresh, setRefresh] = useState(0);
  const filtersKey = JSON.stringify(effectiveFilters(filters));

  useEffect(() => {
    const mine = ++generation.current;
    const q = query.trim();
    if (!q) {
      setState(EMPTY);
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const f = JSON.parse(filtersKey) as SearchFilters;
    const timer = window.setTimeout(() => {
      api['search-run']({ query: q, filters: f, limit: PAGE, ...view }).then(
        (r) => {
          if (mine !== generation.current) return;
          setState({ hits: r.hits, total: r.total, capped: r.totalIsCapped, understood: r.understood, loading: false, error: null, ran: { query: q, filters: f } });
        },
        (e: unknown) => {
          if (mine === generation.current) setState({ ...EMPTY, error: describeError(e) });
        },
      );
    }, 220);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, query, filtersKey, refresh, viewKey]);

  // New codings change what a "coded with" filter finds.
  useFocalEvent('changed', (e) => {
    if (e.kinds.includes('codings') || e.kinds.includes('project')) setRefresh((n) => n + 1);
  });

  const loadingMore = useRef(false);
  const loadMore = useCallback(() => {
    const s = state;
    if (!s.ran || loadingMore.current || s.hits.length >= s.total) return;
    loadingMore.current = true;
    const mine = generation.current;
    api['search-run']({ query: s.ran.query, filters: s.ran.filters, limit: PAGE, offset: s.hits.length, ...view }).then(
      (r) => {
        loadingMore.current = false;
        if (mine !== generation.current) return;
        setState((cur) => ({ ...cur, hits: [...cur.hits, ...r.hits] }));
      },
      () => {
        loadingMore.current = false;
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, state, viewKey]);

  return { ...state, loadMore };
}
