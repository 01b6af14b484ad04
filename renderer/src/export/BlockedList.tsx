/**
 * The blocked list: every quote the gate refuses, with every reason (so all can be fixed in one
 * pass) and the fix offered, as a button where the app can take the analyst there.
 */
import type { GateFix } from '../../../shared/domain/gate';
import type { CheckedQuote } from '../../../shared/domain/quotes';
import { EmptyState } from '../components/EmptyState';
import { ModeBadge } from '../components/ModeBadge';
import { reasonLabel, reasonTitle } from './reason-labels';

export interface FixActions {
  mapSpeaker: (sourceId: number) => void;
  openParticipant: (id: number) => void;
  reviewQuote: (quoteId: number) => void;
  showQuote: (quoteId: number) => void;
  useReturnProfile: () => void;
}

function FixButton({ fix, quote, actions }: { fix: GateFix; quote: CheckedQuote; actions: FixActions }) {
  const target = fix.groupId ?? fix.participantId;
  const act: (() => void) | null =
    fix.kind === 'map-speaker'
      ? () => actions.mapSpeaker(quote.sourceId)
      : fix.kind === 'review-candidates'
        ? () => actions.reviewQuote(quote.id)
        : fix.kind === 'ask-kaitiaki' && fix.groupId !== undefined
          ? () => actions.showQuote(quote.id)
        : fix.kind === 'use-return-profile'
          ? actions.useReturnProfile
          : fix.kind === 'trim-quote' || fix.kind === 'choose-spoken-text'
            ? () => actions.showQuote(quote.id)
            : target !== undefined
              ? () => actions.openParticipant(target)
              : null;
  if (!act) return <span className="fix-text">{fix.label}</span>;
  return (
    <button type="button" className="button button-small" onClick={act}>
      {fix.label}
    </button>
  );
}

export function BlockedList({ quotes, actions }: { quotes: CheckedQuote[]; actions: FixActions }) {
  const blocked = quotes.filter((q) => !q.gate.passed);
  if (!blocked.length) return <EmptyState>No quote is blocked: every quote in the bank passes the export gate.</EmptyState>;
  return (
    <ul className="blocked-list" aria-label="Blocked quotes">
      {blocked.map((q) => (
        <li key={q.id} className="blocked-item" aria-label={`Blocked quote ${q.id}`}>
          <div className="blocked-head">
            <ModeBadge mode={q.mode} />
            <span className="quote-code">{q.codePath ?? 'Uncoded'}</span>
            <span className="quote-source">{q.sourceTitle}</span>
            <span className="quote-speakers">{q.speakers.map((s) => s.name ?? s.label).join(', ') || 'No speaker'}</span>
          </div>
          <p className="blocked-text">{q.original.length > 240 ? `${q.original.slice(0, 240)}…` : q.original || '(no spoken words)'}</p>
          <ul className="blocked-reasons">
            {q.gate.reasons.map((r, i) => (
              <li key={i} className="blocked-reason">
                <span className="reason-label" title={reasonTitle(r.code, r.row)}>
                  {reasonLabel(r.code)}
                </span>
                <span className="reason-message">{r.message}</span>
                <span className="reason-fix">{r.fix ? <FixButton fix={r.fix} quote={q} actions={actions} /> : <span className="fix-text">No fix: trim the quote</span>}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
