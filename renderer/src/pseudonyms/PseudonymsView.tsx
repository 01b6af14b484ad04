/**
 * Pseudonyms, in the main pane: identifiers detected across the project still to review (accept,
 * edit, add as rule, not identifying), the replacement rules, participants' pseudonyms and the texts
 * marked not identifying. Everything is saved at once and applies to every export.
 */
import { useCallback, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { plural } from '../format/numbers';
import { formatDate } from '../../../shared/format/dates';
import { useProjectData } from '../workspace/useProjectData';
import { ParticipantPseudonyms } from './ParticipantPseudonyms';
import { KEY_HINT } from './CandidateActions';
import { DetectionReview } from './DetectionReview';
import { PendingList, type PassageRef } from './PendingList';
import { RulesList } from './RulesList';
import { usePseudoActions } from './usePseudoActions';
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
  const [passage, setPassage] = useState<PassageRef | null>(null);
  const actions = usePseudoActions();
  const loadScan = useCallback(() => api['pseudo-scan']({}), [api]);
  const scan = useProjectData(loadScan, ['pseudonyms', 'participants', 'sources']);
  const loadRules = useCallback(() => api['pseudo-rules-list']({}), [api]);
  const rules = useProjectData(loadRules, ['pseudonyms']);
  const loadDecisions = useCallback(() => api['pseudo-decisions-list']({}), [api]);
  const decisions = useProjectData(loadDecisions, ['pseudonyms']);
  const pendingGroups = scan.data?.groups.filter((g) => g.status === 'pending').length ?? 0;

  const acceptAll = () => {
    if (!pendingGroups) return;
    if (!window.confirm(`Turn all ${plural(pendingGroups, 'pending identifier')} into rules with their suggested replacements?`)) return;
    void (async () => {
      try {
        const r = await api['pseudo-accept-all']({});
        actions.setNote(`${plural(r.created, 'rule')} added, covering ${plural(r.candidates, 'place')} in the text.`);
        actions.setError(null);
      } catch (e) {
        actions.setError(describeError(e));
      }
    })();
  };

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
        <ErrorMessage message={actions.error ?? scan.error ?? rules.error} onDismiss={actions.error ? () => actions.setError(null) : undefined} />
        {actions.note && !actions.error && (
          <p className="detection-note" role="status">
            {actions.note}
          </p>
        )}
        {tab === 'review' && (
          <>
            <div className="pseudo-lead">
              <p>
                {scan.data === null
                  ? 'Scanning the transcripts for names, places, organisations and numbers…'
                  : `${plural(scan.data.counts.pending, 'place')} in the text to review, ${scan.data.counts.rule} replaced by rules or pseudonyms, ${scan.data.counts.notIdentifying} marked not identifying. A quote with anything to review cannot be exported.`}
              </p>
              <button type="button" className="button button-small" disabled={!pendingGroups} onClick={acceptAll}>
                Accept all suggestions
              </button>
            </div>
            {pendingGroups > 0 && !passage && <p className="key-hint">{KEY_HINT}</p>}
            {passage && (
              <DetectionReview
                key={`${passage.sourceId}-${passage.start}`}
                sourceId={passage.sourceId}
                start={passage.start}
                end={passage.end}
                title={`Passage in ${passage.sourceTitle}`}
                onClose={() => setPassage(null)}
              />
            )}
            {scan.data && scan.data.sources === 0 && (
              <EmptyState>No transcripts yet. Import transcripts and the names, places, organisations and numbers detected in them appear here to review.</EmptyState>
            )}
            {scan.data && scan.data.sources > 0 && !passage && <PendingList groups={scan.data.groups} actions={actions} onReview={setPassage} />}
          </>
        )}
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
