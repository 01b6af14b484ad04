/**
 * The "To review" tab: the project at a glance, the filters, one page of detected identifiers (more
 * on request), an empty state that says what to do next, and the passage review.
 */
import { useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useCoding } from '../codes/CodingContext';
import { EmptyState } from '../components/EmptyState';
import { formatCount, plural } from '../format/numbers';
import { KEY_HINT } from './CandidateActions';
import { DetectionReview } from './DetectionReview';
import { PendingList, type PassageRef } from './PendingList';
import { ReviewFilters } from './ReviewFilters';
import { KIND_LABEL } from './labels';
import type { PseudoActions } from './usePseudoActions';
import { PAGE, type ReviewScan } from './useReviewScan';

const LIST_LABEL = { pending: 'Identifiers to review', rule: 'Identifiers covered by a rule', 'not-identifying': 'Identifiers marked not identifying', all: 'Detected identifiers' } as const;

export function ReviewTab({ review, actions }: { review: ReviewScan; actions: PseudoActions }) {
  const api = useApi();
  const coding = useCoding();
  const [passage, setPassage] = useState<PassageRef | null>(null);
  const { filters, setFilters, scan, overview } = review;
  const all = overview.data;
  const r = scan.data;
  const facets = r?.facets ?? null;
  const title = filters.sourceId === null ? null : (facets?.sources.find((s) => s.sourceId === filters.sourceId)?.sourceTitle ?? 'this transcript');
  const projectPending = all?.facets?.status.pending ?? 0;
  // Pending groups accept-all would turn into rules (it takes the transcript, not the kind or search).
  const pendingHere =
    filters.sourceId === null ? projectPending : filters.status === 'pending' && !review.narrowed ? (facets?.sources.find((s) => s.sourceId === filters.sourceId)?.count ?? null) : null;

  const acceptAll = () => {
    const where = title ? `in ${title}` : 'in the project';
    const count = pendingHere === null ? 'every pending identifier' : `all ${plural(pendingHere, 'pending identifier')}`;
    if (!window.confirm(`Turn ${count} ${where} into rules with their suggested replacements?${review.narrowed ? ' (The kind and search filters do not narrow this.)' : ''}`)) return;
    void (async () => {
      try {
        const res = await api['pseudo-accept-all'](filters.sourceId === null ? {} : { sourceId: filters.sourceId });
        actions.setNote(`${plural(res.created, 'rule')} added, covering ${plural(res.candidates, 'place')} in the text.`);
        actions.setError(null);
      } catch (e) {
        actions.setError(describeError(e));
      }
    })();
  };

  if (all && all.sources === 0) {
    return <EmptyState>No transcripts yet. Import transcripts and the names, places, organisations and numbers detected in them appear here to review.</EmptyState>;
  }
  const anyPending = projectPending > 0 && (filters.sourceId === null || review.narrowed || (facets?.status.pending ?? 0) > 0);
  return (
    <>
      <div className="pseudo-lead">
        <p>
          {all === null
            ? 'Scanning the transcripts for names, places, organisations and numbers…'
            : `${plural(all.counts.pending, 'place')} in the text to review, ${formatCount(all.counts.rule)} replaced by rules or pseudonyms, ${formatCount(all.counts.notIdentifying)} marked not identifying. A quote with anything to review cannot be exported.`}
        </p>
        <button type="button" className="button button-small" disabled={!anyPending} onClick={acceptAll}>
          {title ? 'Accept all in this transcript' : 'Accept all suggestions'}
        </button>
      </div>
      {passage ? (
        <DetectionReview
          key={`${passage.sourceId}-${passage.start}`}
          sourceId={passage.sourceId}
          start={passage.start}
          end={passage.end}
          title={`Passage in ${passage.sourceTitle}`}
          onClose={() => setPassage(null)}
        />
      ) : (
        <>
          <ReviewFilters value={filters} facets={facets} onChange={setFilters} />
          {r && (
            <p className="review-summary" role="status">
              {summary(r.total, r.groups.length, title, filters.order)}
            </p>
          )}
          {filters.status === 'pending' && r && r.groups.length > 0 && <p className="key-hint">{KEY_HINT}</p>}
          {r && r.groups.length === 0 && <NothingHere review={review} title={title} />}
          {r && r.groups.length > 0 && (
            <PendingList groups={r.groups} label={LIST_LABEL[filters.status]} sourceId={filters.sourceId} actions={actions} onReview={setPassage} onOpen={coding.openSource} />
          )}
          {r && r.groups.length < r.total && (
            <button type="button" className="button button-small review-more" onClick={review.more}>
              Show {formatCount(Math.min(PAGE, r.total - r.groups.length))} more ({formatCount(r.total - r.groups.length)} not shown)
            </button>
          )}
        </>
      )}
    </>
  );
}

function summary(total: number, shown: number, title: string | null, order: 'count' | 'position'): string {
  const where = title ? ` in ${title}` : ' across the project';
  const how = order === 'position' ? ', in reading order' : ', most often first';
  const page = shown < total ? ` (showing the first ${formatCount(shown)})` : '';
  return `${plural(total, 'identifier')}${where}${how}${page}`;
}

/** What an empty list means with these filters, and what to do next. */
function NothingHere({ review, title }: { review: ReviewScan; title: string | null }) {
  const { filters, setFilters, narrowed } = review;
  const where = title ? `in ${title}` : 'in the project';
  if (narrowed) {
    const what = [filters.kind ? `of kind ${KIND_LABEL[filters.kind]}` : '', review.query ? `matching “${review.query}”` : ''].filter(Boolean).join(' ');
    return (
      <div className="review-empty">
        <EmptyState>
          No identifiers {what} {where} with this status. Check the spelling (macrons are optional), choose All kinds, or another status.
        </EmptyState>
        <button type="button" className="button button-small" onClick={() => setFilters({ kind: null, query: '' })}>
          Clear kind and search
        </button>
      </div>
    );
  }
  if (filters.status === 'pending') {
    return (
      <div className="review-empty">
        <EmptyState>
          Nothing to review {where}: every detected name, place and number is covered by a rule or marked not identifying.
          {title ? ' Its quotes can go to the export gate; choose Covered by a rule to check the replacements first.' : ' New transcripts are scanned as they arrive.'}
        </EmptyState>
        {title && (
          <button type="button" className="button button-small" onClick={() => setFilters({ status: 'rule' })}>
            Check the replacements
          </button>
        )}
      </div>
    );
  }
  if (filters.status === 'rule' || filters.status === 'not-identifying') {
    return (
      <div className="review-empty">
        <EmptyState>
          {filters.status === 'rule'
            ? `Nothing ${where} is covered by a rule yet. Accept a suggestion under To review, or add a rule in Rules.`
            : `Nothing ${where} is marked not identifying. Mark a detection not identifying (the 1737 helpline) and it is left as written.`}
        </EmptyState>
        <button type="button" className="button button-small" onClick={() => setFilters({ status: 'pending' })}>
          Show what is to review
        </button>
      </div>
    );
  }
  return (
    <div className="review-empty">
      <EmptyState>Nothing detected {where}. If a name or place was missed, add a rule for it in Rules.</EmptyState>
      {title && (
        <button type="button" className="button button-small" onClick={() => setFilters({ sourceId: null })}>
          Show all transcripts
        </button>
      )}
    </div>
  );
}
