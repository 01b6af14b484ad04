/**
 * Pseudonyms, in the main pane: identifiers detected across the project still to review (accept,
 * edit, add as rule, not identifying), the replacement rules, participants' pseudonyms and the texts
 * marked not identifying. Everything is saved at once and applies to every export.
 */
import { useCallback, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { formatDate } from '../../../shared/format/dates';
import { useProjectData } from '../workspace/useProjectData';
import { ParticipantPseudonyms } from './ParticipantPseudonyms';
import { ReviewTab } from './ReviewTab';
import { RulesList } from './RulesList';
import { usePseudoActions } from './usePseudoActions';
import { useReviewScan } from './useReviewScan';
import './pseudonyms.css';

export type PseudoTab = 'review' | 'rules' | 'people' | 'decisions';

const TABS: { tab: PseudoTab; label: string }[] = [
  { tab: 'review', label: 'To review' },
  { tab: 'rules', label: 'Rules' },
  { tab: 'people', label: 'Participants’ pseudonyms' },
  { tab: 'decisions', label: 'Not identifying' },
];

export function PseudonymsView({ id, onClose }: { id: string; onClose: () => void }) {
  const api = useApi();
  const [tab, setTab] = useState<PseudoTab>('review');
  const actions = usePseudoActions();
  // Kept here, not in the tab, so the filters survive a look at the rules.
  const review = useReviewScan();
  const loadRules = useCallback(() => api['pseudo-rules-list']({}), [api]);
  const rules = useProjectData(loadRules, ['pseudonyms']);
  const loadDecisions = useCallback(() => api['pseudo-decisions-list']({}), [api]);
  const decisions = useProjectData(loadDecisions, ['pseudonyms']);
  const pendingGroups = review.overview.data?.facets?.status.pending ?? 0;

  return (
    <section
      id={id}
      className="pane pane-main pseudonyms"
      aria-labelledby="pseudonyms-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}
    >
      <PaneHeader id="pseudonyms-heading" title="Pseudonyms">
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </PaneHeader>
      <div className="pseudo-tabs" role="tablist" aria-label="Pseudonymisation">
        {TABS.map((t) => (
          <button key={t.tab} type="button" role="tab" aria-selected={tab === t.tab} className="pseudo-tab" onClick={() => {
              setTab(t.tab);
              actions.setNote(null);
            }}>
            {t.label}
            {t.tab === 'review' && <span className={`pane-count ${pendingGroups ? 'count-warn' : ''}`}>{pendingGroups}</span>}
            {t.tab === 'rules' && <span className="pane-count">{rules.data?.length ?? 0}</span>}
            {t.tab === 'decisions' && <span className="pane-count">{decisions.data?.length ?? 0}</span>}
          </button>
        ))}
      </div>
      <div className="pane-scroll pseudo-body" role="tabpanel">
        <ErrorMessage message={actions.error ?? review.scan.error ?? review.overview.error ?? rules.error} onDismiss={actions.error ? () => actions.setError(null) : undefined} />
        {actions.note && !actions.error && (
          <p className="detection-note" role="status">
            {actions.note}
          </p>
        )}
        {tab === 'review' && <ReviewTab review={review} actions={actions} />}
        {tab === 'rules' && rules.data && <RulesList rules={rules.data} actions={actions} />}
        {tab === 'people' && <ParticipantPseudonyms />}
        {tab === 'decisions' &&
          decisions.data &&
          (decisions.data.length === 0 ? (
            <EmptyState>Nothing marked not identifying. Mark a detection not identifying (the 1737 helpline, a maunga the team decides is public) and it is left as written everywhere.</EmptyState>
          ) : (
            <ul className="decision-list" aria-label="Marked not identifying">
              {decisions.data.map((d) => (
                <li key={d.id}>
                  <span className="candidate-text">{d.text}</span>
                  <span className="muted">
                    by {d.decidedBy}, {formatDate(d.decidedAt)}
                  </span>
                  <button type="button" className="button-ghost button-small" disabled={actions.busy} onClick={() => void actions.clearDecision(d.text)} aria-label={`Review ${d.text} again`}>
                    Undo
                  </button>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </section>
  );
}
