/**
 * The review list's filters: transcript, kind, search (folded, so whanau finds Whānau), order, and
 * status as a segmented choice. Every value shows how many identifiers it would list with the other
 * filters as they are ("To review 12 · Covered by a rule 40").
 */
import { useId } from 'react';
import type { CandidateKind, ScanFacets } from '../../../shared/domain/pseudonyms';
import { CANDIDATE_KINDS } from '../../../shared/domain/pseudonyms';
import { formatCount } from '../format/numbers';
import { KIND_LABEL } from './labels';
import type { ReviewFilterState } from './useReviewScan';

const STATUSES: { value: ReviewFilterState['status']; label: string; count?: keyof ScanFacets['status'] }[] = [
  { value: 'pending', label: 'To review', count: 'pending' },
  { value: 'rule', label: 'Covered by a rule', count: 'rule' },
  { value: 'not-identifying', label: 'Not identifying', count: 'notIdentifying' },
  { value: 'all', label: 'All' },
];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Props {
  value: ReviewFilterState;
  facets: ScanFacets | null;
  onChange: (patch: Partial<ReviewFilterState>) => void;
}

export function ReviewFilters({ value, facets, onChange }: Props) {
  const name = useId();
  const kinds = CANDIDATE_KINDS.filter((k) => (facets?.kinds[k] ?? 0) > 0 || k === value.kind);
  const allKinds = Object.values(facets?.kinds ?? {}).reduce((n, k) => n + (k ?? 0), 0);
  return (
    <div className="review-filters">
      <div className="review-filter-row" role="group" aria-label="Filter identifiers">
        <label className="review-filter">
          <span>Transcript</span>
          <select className="input input-compact select review-source" value={value.sourceId ?? ''} onChange={(e) => onChange({ sourceId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">All transcripts</option>
            {facets?.sources.map((s) => (
              <option key={s.sourceId} value={s.sourceId}>
                {s.sourceTitle} ({formatCount(s.count)})
              </option>
            ))}
          </select>
        </label>
        <label className="review-filter">
          <span>Kind</span>
          <select className="input input-compact select" value={value.kind ?? ''} onChange={(e) => onChange({ kind: (e.target.value || null) as CandidateKind | null })}>
            <option value="">All kinds ({formatCount(allKinds)})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {capital(KIND_LABEL[k])} ({formatCount(facets?.kinds[k] ?? 0)})
              </option>
            ))}
          </select>
        </label>
        <label className="review-filter review-search">
          <span>Search</span>
          <input
            type="search"
            className="input input-compact"
            value={value.query}
            placeholder="A name, or words near it"
            onChange={(e) => onChange({ query: e.target.value })}
            onKeyDown={(e) => {
              // Escape clears the search first; the view closes only when it is already empty.
              if (e.key === 'Escape' && value.query) {
                e.preventDefault();
                onChange({ query: '' });
              }
            }}
          />
        </label>
      </div>
      <div className="review-filter-row">
        <div className="segmented review-status" role="radiogroup" aria-label="Status">
          {STATUSES.map((s) => (
            <label key={s.value} className={s.value === value.status ? 'segment is-on' : 'segment'}>
              <input type="radio" name={name} value={s.value} checked={s.value === value.status} onChange={() => onChange({ status: s.value })} />
              {s.label}
              {s.count && facets && <span className="segment-count">{formatCount(facets.status[s.count])}</span>}
            </label>
          ))}
        </div>
        <label className="review-filter review-order">
          <span>Order</span>
          <select className="input input-compact select" value={value.order} onChange={(e) => onChange({ order: e.target.value as ReviewFilterState['order'] })}>
            <option value="count">Most often first</option>
            <option value="position">Reading order</option>
          </select>
        </label>
      </div>
    </div>
  );
}
