/**
 * The Search view (Ctrl+F): a query box that understands words, "phrases", prefix*, AND, OR,
 * NOT and brackets, matched with or without macrons; filters; hits in context in a virtual list;
 * a click opens the transcript at the place; "Code all results…" codes them in one step, and
 * "Add to quote bank…" makes each a quote (its sentence or its turn).
 */
import { useEffect, useRef, useState } from 'react';
import type { SearchFilters as Filters, SearchHit } from '../../../shared/domain/analysis';
import type { QuotesAdded } from '../../../shared/domain/quotes-from';
import { useApi } from '../api/ApiProvider';
import { useCoding } from '../codes/CodingContext';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { AddQuotesDialog, QuotesAddedNote } from './AddQuotesDialog';
import { CodeAllDialog } from './CodeAllDialog';
import { SearchFilters } from './SearchFilters';
import { SearchResults } from './SearchResults';
import { useFilterChoices } from './useFilterChoices';
import { effectiveFilters, useSearch } from './useSearch';
import './search.css';

interface Props {
  id: string;
  /** Changes each time Find is asked for, to put the cursor back in the box. */
  focusToken: number;
  onOpen: (sourceId: number, range?: { start: number; end: number }, opts?: { play?: boolean }) => void;
  onClose: () => void;
  /** Opens the quote bank (after adding results to it). */
  onOpenQuotes?: () => void;
}

/** The last search, kept while the app runs so coming back to Search (after opening a hit) finds it as it was. */
const last: { query: string; filters: Filters } = { query: '', filters: {} };

export function SearchView({ id, focusToken, onOpen, onClose, onOpenQuotes }: Props) {
  const api = useApi();
  const { frameId } = useCoding();
  const [query, setQuery] = useState(last.query);
  const [filters, setFilters] = useState<Filters>(last.filters);
  useEffect(() => {
    last.query = query;
    last.filters = filters;
  }, [query, filters]);
  const [coding, setCoding] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [added, setAdded] = useState<QuotesAdded | null>(null);
  const choices = useFilterChoices();
  const s = useSearch(query, filters);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);

  const open = (h: SearchHit, opts?: { play?: boolean }) => onOpen(h.sourceId, h.matches[0] ?? { start: h.blockStart, end: h.blockEnd }, opts);
  // Enter acts on the results of what is typed: while they are still coming (or the list on screen
  // is for an earlier query), it waits for them instead of opening a hit of the previous query.
  const enterFor = useRef<string | null>(null);
  const upToDate = (q: string) => !s.loading && s.ran?.query === q && JSON.stringify(s.ran.filters) === JSON.stringify(effectiveFilters(filters));
  useEffect(() => {
    const q = enterFor.current;
    if (q === null || !upToDate(q)) return;
    enterFor.current = null;
    if (s.hits[0]) open(s.hits[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.ran, s.loading]);
  // Code all results codes each match, so count matches too when every passage is loaded.
  const matches = !s.capped && s.hits.length === s.total ? s.hits.reduce((n, h) => n + h.matches.length, 0) : null;
  const passages = `passage${s.total === 1 ? '' : 's'}`;
  const summary =
    matches !== null && matches > 0
      ? `${matches.toLocaleString('en-NZ')} match${matches === 1 ? '' : 'es'} of ${s.understood} in ${s.total.toLocaleString('en-NZ')} ${passages}`
      : `${s.capped ? `More than ${s.total.toLocaleString('en-NZ')}` : s.total.toLocaleString('en-NZ')} ${passages} match ${s.understood}`;

  return (
    <section id={id} className="pane pane-main search-view" aria-labelledby="search-heading">
      <PaneHeader id="search-heading" title="Search">
        <button type="button" className="button button-small" disabled={!s.ran || s.total === 0} onClick={() => setCoding(true)}>
          Code all results…
        </button>
        <button type="button" className="button button-small" disabled={!s.ran || s.total === 0} onClick={() => setQuoting(true)} title="Make a quote of every result, for the report">
          Add to quote bank…
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onClose}>
          Close
        </button>
      </PaneHeader>
      <div className="search-top">
        <input
          ref={input}
          type="search"
          className="input search-box"
          placeholder='Search transcripts: whanau, "peer support", whaka*, hui NOT karakia'
          aria-label="Search transcripts"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            enterFor.current = null;
            setNote(null);
            setAdded(null);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const q = query.trim();
            if (!q) return;
            if (upToDate(q)) {
              if (s.hits[0]) open(s.hits[0]);
            } else enterFor.current = q;
          }}
        />
        <SearchFilters choices={choices} value={filters} onChange={setFilters} />
        <p className="search-summary" aria-live="polite">
          {s.loading && query.trim() ? 'Searching…' : s.ran ? summary : ''}
        </p>
        {note && <p className="search-note">{note}</p>}
        {added && <QuotesAddedNote added={added} onOpenQuotes={onOpenQuotes} />}
        <ErrorMessage message={s.error} />
      </div>
      {!query.trim() && (
        <EmptyState>
          Type a word to search every transcript. Macrons and double vowels don’t matter: <em>whanau</em> finds <em>whānau</em>, <em>Maaori</em> finds <em>Māori</em>. Use
          "quotes" for a phrase, * for a prefix, and AND, OR, NOT.
        </EmptyState>
      )}
      {s.ran && s.total === 0 && !s.loading && <EmptyState>Nothing matches. Try fewer words, a prefix such as whaka*, or remove a filter.</EmptyState>}
      {s.hits.length > 0 && <SearchResults hits={s.hits} total={s.total} onOpen={open} onNearEnd={s.loadMore} />}
      {coding && s.ran && (
        <CodeAllDialog
          query={s.ran.query}
          filters={effectiveFilters(s.ran.filters)}
          choices={choices}
          onClose={() => setCoding(false)}
          onDone={(m) => {
            setCoding(false);
            setNote(m);
          }}
        />
      )}
      {quoting && s.ran && (
        <AddQuotesDialog
          count={s.total}
          countIsCapped={s.capped}
          noun="search result"
          withScope
          run={(scope) => api['quotes-from-search']({ query: s.ran!.query, filters: effectiveFilters(s.ran!.filters), scope, ...(frameId === null ? {} : { viewFrameId: frameId }) })}
          onClose={() => setQuoting(false)}
          onDone={(r) => {
            setQuoting(false);
            setNote(null);
            setAdded(r);
          }}
        />
      )}
    </section>
  );
}
