/**
 * The right pane: the active frame's code tree (frame switcher, new code, actions on the selected
 * code) above the retrieval panel of the selected code.
 */
import { useEffect, useRef, useState } from 'react';
import type { Code, CodeFrame } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { CodebookMenu } from '../exchange/CodebookMenu';
import { shortcut } from '../format/keys';
import { CodeEditDialog, DeleteCodeDialog, FrameDialog, MergeDialog } from './CodeDialogs';
import { CodeTree } from './CodeTree';
import { useCoding } from './CodingContext';
import { RetrievalPanel } from './RetrievalPanel';
import type { MoveTarget } from './tree';

type Open =
  | { kind: 'new'; parent: Code | null }
  | { kind: 'edit'; code: Code }
  | { kind: 'delete'; code: Code }
  | { kind: 'merge'; code: Code }
  | { kind: 'frame' }
  | null;

export function CodeTreePane({ id, error }: { id: string; error: string | null }) {
  const api = useApi();
  const coding = useCoding();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const list = coding.codes;
  const selected = list?.find((c) => c.id === coding.selectedCodeId) ?? null;
  const frame = coding.frames?.find((f) => f.id === coding.frameId) ?? null;

  // A deleted code takes its row, and with it the keyboard focus: give focus back to the tree.
  const deleted = useRef<number | null>(null);
  useEffect(() => {
    if (deleted.current === null || !list || list.some((c) => c.id === deleted.current)) return;
    deleted.current = null;
    if (document.activeElement === document.body || document.activeElement === null) document.querySelector<HTMLElement>(`#${id} [role="treeitem"][tabindex="0"]`)?.focus();
  }, [list, id]);

  const run = (p: Promise<unknown>) => p.catch((e: unknown) => coding.notify(describeError(e)));
  const onMove = (code: Code, to: MoveTarget) => void run(api['code-move']({ id: code.id, parentId: to.parentId, position: to.position }));
  const onMerge = (from: Code, into: Code) =>
    void run(api['code-merge']({ ids: [from.id], targetId: into.id }).then(() => coding.notify(`Merged “${from.name}” into “${into.name}”.`)));
  const onRename = (code: Code, name: string) => void run(api['code-update']({ id: code.id, name }));

  return (
    <aside id={id} className="pane pane-side codes-pane" aria-labelledby="codes-heading">
      <PaneHeader id="codes-heading" title="Codes" count={list?.length ?? null}>
        <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'new', parent: null })} disabled={coding.frameId === null}>
          New code
        </button>
        <CodebookMenu />
      </PaneHeader>
      {coding.frames && <FrameSwitcher frames={coding.frames} current={coding.frameId} onChange={coding.setFrameId} onNew={() => setOpen({ kind: 'frame' })} />}
      {selected && (
        <div className="code-actions" role="toolbar" aria-label={`Actions on ${selected.name}`}>
          <button type="button" className="button button-small button-ghost" onClick={() => setOpen({ kind: 'edit', code: selected })} title="Rename, recolour or describe (F2 renames in place)">
            Edit…
          </button>
          <button type="button" className="button button-small button-ghost" onClick={() => setOpen({ kind: 'new', parent: selected })}>
            Sub-code…
          </button>
          <button type="button" className="button button-small button-ghost" onClick={() => setOpen({ kind: 'merge', code: selected })} disabled={(list?.length ?? 0) < 2}>
            Merge…
          </button>
          <button type="button" className="button button-small button-ghost" onClick={() => coding.openMemo({ kind: 'code', id: selected.id, label: `Code: ${selected.name}` })}>
            Memo
          </button>
          <button type="button" className="button button-small button-ghost button-danger" onClick={() => setOpen({ kind: 'delete', code: selected })}>
            Delete…
          </button>
        </div>
      )}
      <div className="pane-scroll codes-scroll">
        <ErrorMessage message={error} />
        {list && list.length === 0 && (
          <EmptyState>
            No codes in {frame ? `“${frame.name}”` : 'this frame'} yet. Create one with New code, or select a passage in a transcript and press {shortcut('k')} to name a code and
            apply it in one step.
          </EmptyState>
        )}
        {list && list.length > 0 && (
          <div className="code-legend" aria-hidden="true">
            <span title="Coded segments">Seg.</span>
            <span title="Sources">Src.</span>
            <span title="Participants">Ppl.</span>
          </div>
        )}
        {list && list.length > 0 && <CodeTree codes={list} onRename={onRename} onDelete={(c) => setOpen({ kind: 'delete', code: c })} onMove={onMove} onMerge={onMerge} />}
        {list && list.length > 0 && (
          <p id="code-tree-help" className="code-tree-help">
            Click a code to apply it to a passage you have just selected. Drag to move; hold Alt while dropping to merge. F2 renames; Alt+arrows move.
          </p>
        )}
      </div>
      {selected && <RetrievalPanel code={selected} />}
      {open?.kind === 'new' && coding.frameId !== null && <CodeEditDialog frameId={coding.frameId} parent={open.parent} onClose={close} onSaved={(c) => coding.selectCode(c.id)} />}
      {open?.kind === 'edit' && <CodeEditDialog frameId={open.code.frameId} code={open.code} onClose={close} />}
      {open?.kind === 'delete' && (
        <DeleteCodeDialog
          code={open.code}
          onClose={() => {
            deleted.current = open.code.id;
            close();
          }}
        />
      )}
      {open?.kind === 'merge' && list && <MergeDialog code={open.code} codes={list} onClose={close} />}
      {open?.kind === 'frame' && <FrameDialog onClose={close} onCreated={(f) => coding.setFrameId(f.id)} />}
    </aside>
  );
}

function FrameSwitcher({ frames, current, onChange, onNew }: { frames: CodeFrame[]; current: number | null; onChange: (id: number) => void; onNew: () => void }) {
  return (
    <div className="frame-tabs" role="group" aria-label="Code frame">
      {frames.map((f) => (
        <button
          key={f.id}
          type="button"
          className={f.kind === 'kaupapa-maori' ? 'frame-tab frame-kaupapa' : 'frame-tab'}
          aria-pressed={f.id === current}
          title={f.description || f.name}
          onClick={() => onChange(f.id)}
        >
          {f.name}
        </button>
      ))}
      <button type="button" className="frame-tab frame-new" onClick={onNew} title="New code frame" aria-label="New code frame">
        +
      </button>
    </div>
  );
}
