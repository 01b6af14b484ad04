/**
 * The quote bank, in the main pane: quotes made from coded segments, each as the export gate sees
 * it under the chosen options; the blocked list with every reason and its fix; the export audit.
 * Nothing here makes quote text for export: the core returns it, gated and pseudonymised.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CheckedQuote } from '../../../shared/domain/quotes';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { AuditLog } from '../audit/AuditLog';
import { BlockedList, type FixActions } from '../export/BlockedList';
import { ExportDialog } from '../export/ExportDialog';
import { useProjectData } from '../workspace/useProjectData';
import { DEFAULT_OPTIONS, NAMING_LABEL, toCallOptions, type OptionsState } from './options';
import { bankSections } from './bank-sections';
import { ExportApproval } from './ExportApproval';
import { QuoteCard } from './QuoteCard';
import { useKaitiaki } from './useKaitiaki';
import './quotes.css';

export type QuoteTab = 'quotes' | 'blocked' | 'audit';

interface QuoteBankProps {
  id: string;
  tab: QuoteTab;
  onTab: (tab: QuoteTab) => void;
  onClose: () => void;
  onMapSpeakers: (sourceIds: number[]) => void;
  onOpenParticipant: (id: number) => void;
  /** The quote's detection review (pseudonymisation), when the app has one. */
  renderReview?: (quote: CheckedQuote, close: () => void) => ReactNode;
}

export function QuoteBank({ id, tab, onTab, onClose, onMapSpeakers, onOpenParticipant, renderReview }: QuoteBankProps) {
  const api = useApi();
  const [options, setOptions] = useState<OptionsState>(DEFAULT_OPTIONS);
  const [codeFilter, setCodeFilter] = useState<number | null>(null);
  const [addCode, setAddCode] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focusQuote, setFocusQuote] = useState<number | null>(null);

  const callOptions = useMemo(() => toCallOptions(options), [options]);
  const load = useCallback(() => api['quotes-list']({ ...(codeFilter !== null ? { codeId: codeFilter } : {}), options: callOptions }), [api, codeFilter, callOptions]);
  const quotes = useProjectData(load, ['quotes', 'codings', 'codes', 'participants', 'consent', 'sources', 'pseudonyms']);
  const loadCodes = useCallback(() => api['codes-list']({}), [api]);
  const codes = useProjectData(loadCodes, ['codes', 'codings']);

  const list = quotes.data ?? [];
  const kaitiaki = useKaitiaki(list, options.approvalLabel);
  // Ctrl/Cmd+Shift+E: export what is shown.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        setExporting(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const blocked = list.filter((q) => !q.gate.passed).length;
  const set = <K extends keyof OptionsState>(k: K, v: OptionsState[K]) => setOptions((o) => ({ ...o, [k]: v }));

  const addFromCode = async () => {
    const codeId = addCode ?? codes.data?.[0]?.id;
    if (codeId === undefined) return;
    try {
      const ids = await api['quotes-from-code']({ codeId, includeChildren: true });
      setNote(`${ids.length} coded segment${ids.length === 1 ? '' : 's'} in the quote bank.`);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const actions: FixActions = {
    mapSpeaker: (sourceId) => onMapSpeakers([sourceId]),
    openParticipant: onOpenParticipant,
    reviewQuote: (quoteId) => {
      setFocusQuote(quoteId);
      onTab('quotes');
    },
    showQuote: (quoteId) => {
      setFocusQuote(quoteId);
      onTab('quotes');
    },
    useReturnProfile: () => set('profile', 'return'),
  };
  const shown = focusQuote !== null && tab === 'quotes' ? list.filter((q) => q.id === focusQuote) : list;
  const scopeLabel = codeFilter === null ? `All ${list.length} quotes in the bank` : `${list.length} quotes under ${codes.data?.find((c) => c.id === codeFilter)?.name ?? 'the code'}`;

  return (
    <section id={id} className="pane pane-main quote-bank" aria-labelledby="quote-bank-heading">
      <PaneHeader id="quote-bank-heading" title="Quote bank" count={list.length}>
        <button type="button" className="button button-small button-primary" disabled={list.length === blocked} title="Export (Ctrl+Shift+E)" onClick={() => setExporting(true)}>
          Export…
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </PaneHeader>
      <div className="quote-tabs" role="tablist" aria-label="Quote bank views">
        {(['quotes', 'blocked', 'audit'] as const).map((t) => (
          <button key={t} type="button" role="tab" className="frame-tab" aria-selected={tab === t} onClick={() => { setFocusQuote(null); onTab(t); }}>
            {t === 'quotes' ? `Quotes (${list.length})` : t === 'blocked' ? `Blocked (${blocked})` : 'Export audit'}
          </button>
        ))}
      </div>
      {tab !== 'audit' && (
        <div className="quote-toolbar">
          <label className="toolbar-field">
            <span>Code</span>
            <select className="input input-compact select" value={codeFilter ?? ''} onChange={(e) => setCodeFilter(e.target.value ? Number(e.target.value) : null)} aria-label="Show quotes under code">
              <option value="">All codes</option>
              {codes.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar-field">
            <span>Profile</span>
            <select className="input input-compact select" value={options.profile} onChange={(e) => set('profile', e.target.value as OptionsState['profile'])} aria-label="Export profile">
              <option value="report">Report</option>
              <option value="return">Return to the group</option>
            </select>
          </label>
          <label className="toolbar-field">
            <span>Attribution</span>
            <select className="input input-compact select" value={options.naming} onChange={(e) => set('naming', e.target.value as OptionsState['naming'])} aria-label="Attribution">
              {Object.entries(NAMING_LABEL).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar-check">
            <input type="checkbox" checked={options.groupForTikanga} onChange={(e) => set('groupForTikanga', e.target.checked)} />
            Tikanga-based kōrero to the group
          </label>
          <div className="quote-approval">
            <label className="toolbar-field">
              <span>Export name</span>
              <input
                className="input input-compact"
                value={options.approvalLabel}
                placeholder="e.g. Hui report, June"
                onChange={(e) => set('approvalLabel', e.target.value)}
                aria-label="Export name (for the kaitiaki’s approval)"
                aria-describedby="export-name-help"
              />
            </label>
            <ExportApproval label={options.approvalLabel} statuses={kaitiaki.statuses} decisions={kaitiaki.exportDecisions} />
            <p id="export-name-help" className="quote-approval-help">
              For tikanga-based kōrero: the kaitiaki can approve all their group’s quotes in the export of this name at once. Empty: quote by quote.
            </p>
          </div>
        </div>
      )}
      <div className="pane-scroll">
        <ErrorMessage message={quotes.error ?? error} />
        {note && (
          <p className="save-note" role="status">
            {note}
          </p>
        )}
        {tab === 'quotes' && (
          <>
            <div className="quote-add">
              <select className="input input-compact select" value={addCode ?? ''} onChange={(e) => setAddCode(e.target.value ? Number(e.target.value) : null)} aria-label="Code to add quotes from">
                {codes.data?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.counts.segments})
                  </option>
                ))}
              </select>
              <button type="button" className="button button-small" disabled={!codes.data?.length} onClick={() => void addFromCode()}>
                Add quotes from code
              </button>
              {focusQuote !== null && (
                <button type="button" className="button button-small button-ghost" onClick={() => setFocusQuote(null)}>
                  Show all quotes
                </button>
              )}
            </div>
            {quotes.data && list.length === 0 && <EmptyState>No quotes yet. Add quotes from a code&rsquo;s coded segments, or select words in a transcript and choose Add quote.</EmptyState>}
            {/* Mainstream and tikanga-based quotes are kept apart, in labelled sections, as in the exports. */}
            {bankSections(shown).map((section) => (
              <section key={section.mode} className={`quote-section is-${section.mode}`} aria-labelledby={`${id}-${section.mode}`}>
                <h3 id={`${id}-${section.mode}`} className="quote-section-title">
                  {section.label} <span className="quote-section-count">({section.quotes.length})</span>
                </h3>
                <div className="quote-list">
                  {section.quotes.map((q) => (
                    <QuoteCard key={q.id} quote={q} options={callOptions} onNote={setNote} kaitiaki={kaitiaki.infoFor(q)} defaultOutput={options.approvalLabel.trim() || (options.profile === 'return' ? 'Return to the group' : 'Report')} {...(renderReview ? { renderReview } : {})} />
                  ))}
                </div>
              </section>
            ))}
          </>
        )}
        {tab === 'blocked' && quotes.data && <BlockedList quotes={list} actions={actions} />}
        {tab === 'audit' && <AuditLog />}
      </div>
      {exporting && (
        <ExportDialog
          options={options}
          selection={codeFilter !== null ? { codeId: codeFilter } : {}}
          scopeLabel={scopeLabel}
          onClose={() => setExporting(false)}
          onShowBlocked={() => {
            setExporting(false);
            onTab('blocked');
          }}
        />
      )}
    </section>
  );
}
