/**
 * Every memo in the project, newest first, searchable (macrons optional), each linked back to
 * what it is about: the link opens the transcript (at the passage, for a coded segment), selects
 * the code, or opens the participant. Opening a row edits the memo.
 */
import { useCallback, useState } from 'react';
import type { Memo, MemoTarget } from '../../../shared/domain/memos';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useDateFormat } from '../app/AppContext';
import { useCoding } from '../codes/CodingContext';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { useProjectData } from '../workspace/useProjectData';
import { UNMAPPED_TALK } from '../copy/TalkText';
import { MemoDialog } from './MemoDialog';

interface MemosViewProps {
  id: string;
  onClose: () => void;
  onOpenParticipant: (id: number) => void;
}

export function MemosView({ id, onClose, onOpenParticipant }: MemosViewProps) {
  const api = useApi();
  const coding = useCoding();
  const dateFormat = useDateFormat();
  const [query, setQuery] = useState('');
  const load = useCallback(() => api['memos-list']({ ...(query.trim() ? { query } : {}) }), [api, query]);
  const memos = useProjectData(load, ['memos', 'sources', 'codes', 'participants']);
  const [editing, setEditing] = useState<{ target: MemoTarget; memoId?: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const openTarget = async (m: Memo) => {
    const t = m.target;
    if (t.kind === 'source' && t.id !== null) coding.openSource(t.id);
    else if (t.kind === 'coding' && m.targetSource) coding.openSource(m.targetSource.sourceId, { start: m.targetSource.start, end: m.targetSource.end });
    else if (t.kind === 'participant' && t.id !== null) onOpenParticipant(t.id);
    else if (t.kind === 'code' && t.id !== null) {
      try {
        const code = (await api['codes-list']({})).find((c) => c.id === t.id);
        if (!code) return setError('That code no longer exists.');
        coding.setFrameId(code.frameId);
        coding.selectCode(code.id);
      } catch (e) {
        setError(describeError(e));
      }
    } else setEditing({ target: t, memoId: m.id });
  };

  return (
    <section id={id} className="pane pane-main memos-view" aria-labelledby="memos-heading">
      <PaneHeader id="memos-heading" title="Memos" count={memos.data?.length ?? null}>
        <button type="button" className="button button-small" onClick={() => setEditing({ target: { kind: 'project', id: null } })}>
          Project memo
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </PaneHeader>
      <div className="memos-search">
        <input className="input input-wide" type="search" aria-label="Search memos" placeholder="Search memos (macrons optional)" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="pane-scroll">
        <ErrorMessage message={memos.error ?? error} />
        {memos.data && memos.data.length === 0 && (
          <EmptyState>
            {query.trim()
              ? `No memo mentions “${query.trim()}”.`
              : 'No memos yet. Write one with the Memo button on a transcript, a code, a coded segment or a participant, or start a project memo here.'}
          </EmptyState>
        )}
        {memos.data && memos.data.length > 0 && (
          <ul className="memo-list" aria-label="Memos">
            {memos.data.map((m) => (
              <li key={m.id} className="memo-row">
                {/* A coded passage's label quotes its words, cut short: a copy of it is refused (renderer/src/copy/). */}
                <button type="button" className="memo-target" onClick={() => void openTarget(m)} title="Go to what this memo is about" {...(m.target.kind === 'coding' ? UNMAPPED_TALK : {})}>
                  {m.targetLabel}
                </button>
                <button type="button" className="memo-open" onClick={() => setEditing({ target: m.target, memoId: m.id })} aria-label={`Edit memo: ${m.bodyText.slice(0, 60)}`}>
                  <span className="memo-excerpt" data-memo-id={m.id}>{m.bodyText.trim() ? m.bodyText.slice(0, 280) : '(empty)'}</span>
                  <span className="memo-meta">
                    {m.author} · {formatDate(m.updatedAt, dateFormat)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {editing && <MemoDialog target={editing.target} {...(editing.memoId !== undefined ? { memoId: editing.memoId } : {})} onClose={() => setEditing(null)} />}
    </section>
  );
}
