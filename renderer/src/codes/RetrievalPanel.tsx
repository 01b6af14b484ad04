/**
 * Retrieval: the selected code's coded segments across every source, with who said them, where,
 * the text around them and who coded them; filtered by source, participant, group and mode.
 * Clicking a segment opens its transcript at that place. A virtual list, so thousands are cheap.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, useState } from 'react';
import type { Segment } from '../../../shared/domain/coding';
import type { Code } from '../../../shared/domain/project';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortcut } from '../format/keys';
import { plural } from '../format/numbers';
import { LeadIn, TailOut, TalkRun, talkProps } from '../copy/TalkText';
import { useProjectData } from '../workspace/useProjectData';
import { useCoding } from './CodingContext';
import { leadIn, tailOut } from './context';
import { ModeMixNote, ModeSelect, useModeScope } from '../analysis-scope/ModeScope';

/** The core gives up to this many characters of context each side (electron/core/codings/segments.ts). */
const CORE_CONTEXT = 200;

interface Filters {
  sourceId?: number;
  participantId?: number;
  groupId?: number;
  includeChildren?: boolean;
}

const num = (v: string): number | undefined => (v === '' ? undefined : Number(v));

export function RetrievalPanel({ code }: { code: Code }) {
  const api = useApi();
  const coding = useCoding();
  const dateFormat = useDateFormat();
  const [filters, setFilters] = useState<Filters>({});
  const scope = useModeScope();
  const mode = scope.mode;
  const loadSegments = useCallback(() => api['segments-list']({ codeId: code.id, ...filters, ...(mode ? { mode } : {}) }), [api, code.id, filters, mode]);
  const segments = useProjectData(loadSegments, ['codings', 'codes', 'sources', 'participants']);
  const loadSources = useCallback(() => api['sources-list']({}), [api]);
  const sources = useProjectData(loadSources, ['sources']);
  const loadPeople = useCallback(() => api['participants-list']({}), [api]);
  const people = useProjectData(loadPeople, ['participants']);
  const set = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = segments.data ?? [];
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 96, overscan: 6 });

  return (
    <section className="retrieval" aria-labelledby="retrieval-heading">
      <div className="retrieval-header">
        <h3 id="retrieval-heading" className="retrieval-title" title={code.name}>
          <span className="code-swatch" style={{ background: code.color }} aria-hidden="true" />
          {code.name}
        </h3>
        <span className="retrieval-count" data-testid="retrieval-count">
          {segments.data ? plural(rows.length, 'segment') : '…'}
        </span>
      </div>
      <div className="retrieval-filters" role="group" aria-label="Filter segments">
        <select className="input input-compact" aria-label="Source" value={filters.sourceId ?? ''} onChange={(e) => set({ sourceId: num(e.target.value) })}>
          <option value="">All sources</option>
          {sources.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <select className="input input-compact" aria-label="Participant" value={filters.participantId ?? ''} onChange={(e) => set({ participantId: num(e.target.value) })}>
          <option value="">All participants</option>
          {people.data
            ?.filter((p) => p.kind === 'person')
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
        <select className="input input-compact" aria-label="Group" value={filters.groupId ?? ''} onChange={(e) => set({ groupId: num(e.target.value) })}>
          <option value="">All groups</option>
          {people.data
            ?.filter((p) => p.kind === 'group')
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
        <ModeSelect scope={scope} className="input input-compact" />
        <label className="retrieval-check">
          <input type="checkbox" checked={filters.includeChildren ?? false} onChange={(e) => set({ includeChildren: e.target.checked || undefined })} /> With sub-codes
        </label>
      </div>
      <ModeMixNote scope={scope} />
      <ErrorMessage message={segments.error} />
      <div ref={scrollRef} className="retrieval-scroll">
        {segments.data && rows.length === 0 && (
          <p className="empty-state">
            {Object.values(filters).some((v) => v !== undefined)
              ? `Nothing coded with “${code.name}” matches these filters.`
              : scope.choice !== 'both' && code.counts.segments > 0
                ? `Nothing coded with “${code.name}” in ${scope.choice === 'tikanga' ? 'tikanga-based hui' : 'focus groups and interviews'}. Choose another mode to see its other segments.`
              : `Nothing coded with “${code.name}” yet. Select a passage in a transcript, then click the code or press ${shortcut('k')}.`}
          </p>
        )}
        {rows.length > 0 && (
          <ul className="retrieval-list" aria-label={`Segments coded ${code.name}`} style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((v) => {
              const s = rows[v.index] as Segment;
              return (
                <li key={s.codingId} ref={virtual.measureElement} data-index={v.index} className="rv-item" style={{ transform: `translateY(${v.start}px)` }}>
                  <button type="button" className="rv-open" onClick={() => coding.openSource(s.sourceId, { start: s.start, end: s.end })} title="Open the transcript at this passage">
                    <span className="rv-meta">
                      <span className="rv-speaker">{s.speakers.map((p) => p.name ?? p.label).join(', ') || 'No speaker'}</span>
                      <span className="rv-source" title={s.sourceTitle}>
                        {s.sourceTitle}
                      </span>
                    </span>
                    <span className="rv-text" {...talkProps(s.sourceId)}>
                      {s.before && <LeadIn className="rv-context" shown={leadIn(s.before, 80, s.before.length >= CORE_CONTEXT)} end={s.start} />}
                      <mark className="rv-coded" style={{ borderColor: code.color }}>
                        <TalkRun start={s.start}>{s.text}</TalkRun>
                      </mark>
                      {s.after && <TailOut className="rv-context" shown={tailOut(s.after, 80, s.after.length >= CORE_CONTEXT)} start={s.end} />}
                    </span>
                    <span className="rv-coder">
                      Coded by {s.coder} · {formatDate(s.createdAt, dateFormat)}
                    </span>
                  </button>
                  <button type="button" className="button button-small button-ghost rv-memo" onClick={() => coding.openMemo({ kind: 'coding', id: s.codingId, label: `Coded passage in ${s.sourceTitle}` })} aria-label="Memo on this segment">
                    Memo
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
