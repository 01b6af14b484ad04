/**
 * The memo about one thing (the project, a transcript, a code, a coded passage, a participant):
 * opens its latest memo, or starts one that is created on the first keystroke. Saves as you type
 * (debounced) and once more on close, so nothing typed is lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Memo, MemoTarget } from '../../../shared/domain/memos';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useDateFormat } from '../app/AppContext';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneBoundary } from '../components/PaneBoundary';
import { MemoEditor } from './MemoEditor';

const SAVE_AFTER_MS = 500;

export function MemoDialog({ target: request, memoId, label, onClose }: { target: MemoTarget; memoId?: number; label?: string | undefined; onClose: () => void }) {
  // Only kind and id travel to the core.
  const target = useMemo(() => ({ kind: request.kind, id: request.id }), [request.kind, request.id]);
  const api = useApi();
  const dateFormat = useDateFormat();
  const [loaded, setLoaded] = useState<{ memo: Memo | null; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const idRef = useRef<number | undefined>(undefined);
  // The saved memo's id, on the editor for the copy guard: a copy from a memo is gated and audited under it.
  const [savedId, setSavedId] = useState<number | undefined>(undefined);
  const pending = useRef<{ body: string; text: string } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    const load = memoId !== undefined ? api['memo-get']({ id: memoId }).then((m) => [m]) : api['memos-list']({ targetKind: target.kind, ...(target.id !== null ? { targetId: target.id } : {}) });
    load.then(
      (memos) => {
        const memo = memos[0] ?? null;
        idRef.current = memo?.id;
        setSavedId(memo?.id);
        setLoaded({ memo, label: memo?.targetLabel ?? '' });
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [api, memoId, target.id, target.kind]);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return saving.current;
    pending.current = null;
    setStatus('saving');
    // One save at a time, in order, so the first one's new id is used by the next.
    saving.current = saving.current.then(() =>
      api['memo-save']({ ...(idRef.current !== undefined ? { id: idRef.current } : {}), target, body: next.body, bodyText: next.text }).then(
        (m) => {
          idRef.current = m.id;
          setSavedId(m.id);
          setStatus('saved');
          setError(null);
        },
        (e: unknown) => setError(describeError(e)),
      ),
    );
    return saving.current;
  }, [api, target]);

  const onChange = (body: string, text: string) => {
    pending.current = { body, text };
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  const close = () => {
    void flush().then(onClose);
  };
  useEffect(() => () => void flush(), [flush]);

  const remove = async () => {
    window.clearTimeout(timer.current);
    pending.current = null;
    await saving.current;
    if (idRef.current !== undefined) await api['memo-delete']({ id: idRef.current }).catch((e: unknown) => setError(describeError(e)));
    onClose();
  };

  const memo = loaded?.memo;
  return (
    <Dialog
      title={loaded?.label ? `Memo — ${loaded.label}` : label ? `Memo — ${label}` : 'Memo'}
      size="wide"
      // A coded passage's label quotes its words: the copy guard refuses a copy of the title.
      className={target.kind === 'coding' ? 'memo-dialog memo-dialog-quotes' : 'memo-dialog'}
      onClose={close}
      footer={
        <>
          <span className="save-note" role="status" aria-live="polite">
            {status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : memo ? `Last edited ${formatDate(memo.updatedAt, dateFormat)} by ${memo.author}` : 'Saves as you type'}
          </span>
          {memo && (
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              Delete memo
            </button>
          )}
          <button type="button" className="button button-primary" onClick={close}>
            Done
          </button>
        </>
      }
    >
      <ErrorMessage message={error} />
      {loaded && (
        // data-memo-id: copying from the memo goes through the memo gate (renderer/src/copy/).
        <div data-memo-id={savedId ?? ''}>
          {memo?.bodyProblem ? (
            // A body the editor cannot load is never handed to it (nor overwritten): the problem and the plain text.
            <div className="memo-problem" role="alert">
              <p>{memo.bodyProblem}</p>
              <pre className="memo-plain">{memo.bodyText}</pre>
            </div>
          ) : (
            <PaneBoundary label="The memo" className="memo-editor-failed" as="div" resetKey={memo?.id}>
              <MemoEditor initialBody={memo?.body ?? ''} label="Memo text" onChange={onChange} />
            </PaneBoundary>
          )}
        </div>
      )}
    </Dialog>
  );
}
