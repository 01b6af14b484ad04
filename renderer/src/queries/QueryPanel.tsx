/**
 * Coding queries: each code can be AND, OR, NOT or NEAR; speakers narrowed by role or attribute
 * value; a mode. AND gives the overlapping text (or, on request, the whole overlapping codings).
 */
import { useState } from 'react';
import type { CodingQuery, QueryResult, SearchFilters as Filters } from '../../../shared/domain/analysis';
import type { QuotesAdded } from '../../../shared/domain/quotes-from';
import { AddQuotesDialog, QuotesAddedNote } from '../search/AddQuotesDialog';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { SearchFilters } from '../search/SearchFilters';
import type { FilterChoices } from '../search/useFilterChoices';
import { effectiveFilters } from '../search/useSearch';
import { SegmentList } from './SegmentList';

type Op = '' | 'and' | 'or' | 'not' | 'near';

interface Props {
  choices: FilterChoices | null;
  onOpen: (sourceId: number, range: { start: number; end: number }) => void;
  /** Opens the quote bank (after adding the results to it). */
  onOpenQuotes?: (() => void) | undefined;
  /** One mode (the active frame's by default), or undefined when both were chosen above the tabs. */
  mode?: 'mainstream' | 'tikanga' | undefined;
}

export function QueryPanel({ choices, onOpen, onOpenQuotes, mode }: Props) {
  const api = useApi();
  const [ops, setOps] = useState<Record<number, Op>>({});
  const [result, setResult] = useState<'overlap' | 'union'>('overlap');
  const [nearBy, setNearBy] = useState<'turn' | 'words'>('turn');
  const [nearWords, setNearWords] = useState('10');
  const [filters, setFilters] = useState<Filters>({});
  const [answer, setAnswer] = useState<QueryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The query the shown answer came from (adding to the quote bank runs it again, all segments). */
  const [asked, setAsked] = useState<CodingQuery | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [added, setAdded] = useState<QuotesAdded | null>(null);

  const pick = (op: Op) => Object.entries(ops).filter(([, o]) => o === op).map(([id]) => Number(id));
  const canRun = pick('and').length + pick('or').length > 0;

  const run = async () => {
    setBusy(true);
    setError(null);
    const q: CodingQuery = { limit: 1000 };
    if (pick('and').length) q.all = pick('and');
    if (pick('or').length) q.any = pick('or');
    if (pick('not').length) q.none = pick('not');
    if (pick('near').length) q.near = { codeIds: pick('near'), ...(nearBy === 'words' && nearWords.trim() ? { words: Math.max(0, Number(nearWords) || 0) } : {}) };
    if (q.all && q.all.length > 1) q.result = result;
    const { mode: _mode, codeId: _codeId, sourceIds: _sourceIds, ...speakers } = effectiveFilters(filters);
    if (Object.keys(speakers).length) q.speakers = speakers;
    if (mode) q.mode = mode;
    try {
      setAnswer(await api['coding-query'](q));
      setAsked(q);
      setAdded(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="analysis-panel query-panel">
      {choices && !choices.codes.length && <EmptyState>No codes yet. Create and apply codes first; then ask which passages are coded with both, either or one but not the other.</EmptyState>}
      {choices && choices.codes.length > 0 && (
        <form
          className="query-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <fieldset className="query-codes">
            <legend className="form-label">Codes</legend>
            {choices.codes.map((c) => {
              const op = ops[c.id] ?? '';
              const firstNear = op === 'near' && pick('near')[0] === c.id;
              return (
                <div key={c.id} className={op ? 'query-code is-on' : 'query-code'}>
                  <select className="input input-compact select query-op" aria-label={`${c.name} in the query`} value={op} onChange={(e) => setOps({ ...ops, [c.id]: e.target.value as Op })}>
                    <option value="">not used</option>
                    <option value="and">AND</option>
                    <option value="or">OR</option>
                    <option value="not">NOT</option>
                    <option value="near">NEAR</option>
                  </select>
                  <span className="code-swatch" style={{ background: c.color }} aria-hidden="true" />
                  <span className="query-code-name" title={c.name}>
                    {c.name}
                  </span>
                  {firstNear && (
                    <span className="query-near">
                      <select
                        className="input input-compact select"
                        aria-label="NEAR: how close"
                        value={nearBy}
                        onChange={(e) => setNearBy(e.target.value as 'turn' | 'words')}
                      >
                        <option value="turn">in the same turn</option>
                        <option value="words">within</option>
                      </select>
                      {nearBy === 'words' && (
                        <>
                          <input
                            className="input input-compact query-near-words"
                            inputMode="numeric"
                            value={nearWords}
                            onChange={(e) => setNearWords(e.target.value.replace(/\D/g, ''))}
                            aria-label="NEAR within how many words"
                          />
                          <span>words</span>
                        </>
                      )}
                    </span>
                  )}
                </div>
              );
            })}
          </fieldset>
          {pick('and').length > 1 && (
            <div className="search-filters">
              <label className="search-filter">
                <span>AND gives</span>
                <select className="input input-compact select" value={result} onChange={(e) => setResult(e.target.value as 'overlap' | 'union')}>
                  <option value="overlap">the overlapping text</option>
                  <option value="union">the whole codings that overlap</option>
                </select>
              </label>
            </div>
          )}
          <SearchFilters choices={choices} value={filters} onChange={setFilters} withCode={false} withMode={false} />
          <div>
            <button type="submit" className="button button-primary button-small" disabled={!canRun || busy}>
              Run query
            </button>
          </div>
        </form>
      )}
      <ErrorMessage message={error} />
      {answer && (
        <section aria-label="Query results">
          <h3 className="analysis-subtitle">
            {answer.total} segment{answer.total === 1 ? '' : 's'} in {answer.sources} source{answer.sources === 1 ? '' : 's'}, {answer.participants} participant
            {answer.participants === 1 ? '' : 's'}
          </h3>
          <div className="query-result-bar">
            <p className="search-summary">{answer.described}</p>
            <button type="button" className="button button-small" disabled={answer.total === 0 || !asked} onClick={() => setQuoting(true)} title="Make a quote of every segment, for the report">
              Add to quote bank…
            </button>
          </div>
          {added && <QuotesAddedNote added={added} onOpenQuotes={onOpenQuotes} />}
          {answer.total === 0 ? <EmptyState>No passages answer this query.</EmptyState> : <SegmentList segments={answer.segments} onOpen={onOpen} label="Query results" />}
        </section>
      )}
      {quoting && answer && asked && (
        <AddQuotesDialog
          count={answer.total}
          noun="query segment"
          run={() => {
            const { limit: _limit, offset: _offset, ...all } = asked;
            return api['quotes-from-query'](all);
          }}
          onClose={() => setQuoting(false)}
          onDone={(r) => {
            setQuoting(false);
            setAdded(r);
          }}
        />
      )}
    </div>
  );
}
