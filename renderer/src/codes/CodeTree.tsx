/**
 * The code tree of the active frame. A tree widget: arrows move between codes, F2 renames,
 * Delete deletes (after a preview), Alt+arrows move a code (up/down among its siblings, right
 * into the code above, left out of its parent). Click (or Enter) applies the code to the
 * transcript's selection when there is one, and always selects it for retrieval.
 *
 * Drag and drop: drag a code onto the transcript selection to code it; onto another code to move
 * it there (top/bottom edge: before/after; middle: inside); hold Alt (or Ctrl) while dropping to
 * merge it into that code instead.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Code } from '../../../shared/domain/project';
import { plural } from '../format/numbers';
import { useCoding } from './CodingContext';
import { depths, descendantIds, dropTarget, keyboardMove, type MoveTarget } from './tree';

export const CODE_DRAG_TYPE = 'application/x-focal-code';

interface CodeTreeProps {
  codes: Code[];
  onRename(code: Code, name: string): void;
  onDelete(code: Code): void;
  onMove(code: Code, to: MoveTarget): void;
  onMerge(from: Code, into: Code): void;
}

type DropWhere = 'before' | 'after' | 'inside' | 'merge';

export function CodeTree({ codes, onRename, onDelete, onMove, onMerge }: CodeTreeProps) {
  const coding = useCoding();
  const depth = depths(codes);
  const [focusId, setFocusId] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [drop, setDrop] = useState<{ id: number; where: DropWhere } | null>(null);
  const dragged = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const current = codes.find((c) => c.id === (focusId ?? coding.selectedCodeId)) ?? codes[0];

  // Keep keyboard focus on the same code after the list reloads (a move re-renders every row).
  const wantFocus = useRef(false);
  useEffect(() => {
    if (!wantFocus.current || !current) return;
    wantFocus.current = false;
    listRef.current?.querySelector<HTMLElement>(`[data-code-id="${current.id}"]`)?.focus();
  });

  const activate = (c: Code) => {
    coding.selectCode(c.id);
    setFocusId(c.id);
    if (coding.target?.range && coding.target.armed) void coding.apply(c.id);
  };

  const onKey = (e: KeyboardEvent<HTMLLIElement>, c: Code) => {
    if (renaming !== null) return;
    const i = codes.findIndex((x) => x.id === c.id);
    const go = (to: Code | undefined) => {
      if (!to) return;
      setFocusId(to.id);
      coding.selectCode(to.id);
      listRef.current?.querySelector<HTMLElement>(`[data-code-id="${to.id}"]`)?.focus();
    };
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      const to = keyboardMove(codes, c.id, e.key);
      if (to) {
        wantFocus.current = true;
        onMove(c, to);
      }
      return;
    }
    if (e.key === 'ArrowDown') go(codes[i + 1]);
    else if (e.key === 'ArrowUp') go(codes[i - 1]);
    else if (e.key === 'Home') go(codes[0]);
    else if (e.key === 'End') go(codes[codes.length - 1]);
    else if (e.key === 'ArrowLeft') go(codes.find((x) => x.id === c.parentId));
    else if (e.key === 'ArrowRight') go(codes.find((x) => x.parentId === c.id));
    else if (e.key === 'F2') setRenaming(c.id);
    else if (e.key === 'Delete') onDelete(c);
    else if (e.key === 'Enter' || e.key === ' ') activate(c);
    else return;
    e.preventDefault();
  };

  const whereOf = (e: DragEvent<HTMLElement>): DropWhere => {
    if (e.altKey || e.ctrlKey || e.metaKey) return 'merge';
    const r = e.currentTarget.getBoundingClientRect();
    const y = e.clientY - r.top;
    return y < r.height * 0.25 ? 'before' : y > r.height * 0.75 ? 'after' : 'inside';
  };

  const canDrop = (over: Code): boolean => {
    const d = dragged.current;
    return d !== null && d !== over.id && !descendantIds(codes, d).has(over.id);
  };

  return (
    <ul ref={listRef} className="code-list" role="tree" aria-label="Code tree" aria-describedby="code-tree-help">
      {codes.map((c) => {
        const selected = c.id === coding.selectedCodeId;
        const dropHere = drop?.id === c.id ? drop.where : null;
        const children = codes.some((x) => x.parentId === c.id);
        return (
          <li
            key={c.id}
            data-code-id={c.id}
            role="treeitem"
            aria-level={(depth.get(c.id) ?? 0) + 1}
            aria-selected={selected}
            aria-expanded={children ? true : undefined}
            tabIndex={c.id === current?.id ? 0 : -1}
            className={['code-item', selected ? 'is-selected' : '', dropHere ? `drop-${dropHere}` : ''].filter(Boolean).join(' ')}
            style={{ paddingLeft: 10 + (depth.get(c.id) ?? 0) * 16 }}
            title={c.description ? `${c.name}: ${c.description}` : c.name}
            draggable={renaming !== c.id}
            onClick={() => activate(c)}
            onKeyDown={(e) => onKey(e, c)}
            onDoubleClick={() => setRenaming(c.id)}
            onDragStart={(e) => {
              dragged.current = c.id;
              e.dataTransfer.setData(CODE_DRAG_TYPE, String(c.id));
              e.dataTransfer.setData('text/plain', c.name);
              e.dataTransfer.effectAllowed = 'copyMove';
            }}
            onDragEnd={() => {
              dragged.current = null;
              setDrop(null);
            }}
            onDragOver={(e) => {
              if (!canDrop(c)) return;
              e.preventDefault();
              const where = whereOf(e);
              e.dataTransfer.dropEffect = where === 'merge' ? 'copy' : 'move';
              if (drop?.id !== c.id || drop.where !== where) setDrop({ id: c.id, where });
            }}
            onDragLeave={() => setDrop((d) => (d?.id === c.id ? null : d))}
            onDrop={(e) => {
              e.preventDefault();
              const from = codes.find((x) => x.id === dragged.current);
              const where = whereOf(e);
              setDrop(null);
              dragged.current = null;
              if (!from || from.id === c.id) return;
              if (where === 'merge') onMerge(from, c);
              else onMove(from, dropTarget(codes, c, where, from.id));
            }}
          >
            <span className="code-swatch" style={{ background: c.color }} aria-hidden="true" />
            {renaming === c.id ? (
              <RenameField
                code={c}
                onDone={(name) => {
                  setRenaming(null);
                  wantFocus.current = true;
                  if (name !== null && name.trim() && name.trim() !== c.name) onRename(c, name.trim());
                }}
              />
            ) : (
              <span className="code-name">{c.name}</span>
            )}
            <span
              className="code-counts"
              aria-label={`${plural(c.counts.segments, 'segment')}, ${plural(c.counts.sources, 'source')}, ${plural(c.counts.participants, 'participant')}`}
              title={`${plural(c.counts.segments, 'coded segment')} in ${plural(c.counts.sources, 'source')}, from ${plural(c.counts.participants, 'participant')}`}
            >
              <span className="code-count" data-count="segments">
                {c.counts.segments}
              </span>
              <span className="code-count code-count-minor" data-count="sources">
                {c.counts.sources}
              </span>
              <span className="code-count code-count-minor" data-count="participants">
                {c.counts.participants}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function RenameField({ code, onDone }: { code: Code; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(code.name);
  const done = useRef(false);
  const finish = (name: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(name);
  };
  return (
    <input
      className="input input-compact code-rename"
      aria-label={`Rename ${code.name}`}
      value={value}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        else if (e.key === 'Escape') finish(null);
      }}
    />
  );
}
