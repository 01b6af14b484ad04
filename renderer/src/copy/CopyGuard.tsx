/**
 * The copy guard, mounted once for the whole window: nothing in the renderer reaches the clipboard
 * or a drag with raw talk. On copy or cut of a selection touching talk (see selection-plan.ts) the
 * native copy is cancelled at once, synchronously, before any other listener runs, so the raw
 * words never reach the clipboard even if the core cannot be reached; the selection's ranges (or a
 * memo's text) go to `selection-copy`, the core's export gate. What it returns is exactly what is
 * copied (the core writes the clipboard itself on the desktop; in a browser it is passed on here,
 * as the quote card's Copy does); a refusal shows every reason. Drag: a pre-check (not recorded)
 * runs when the selection settles; a drag then carries the gated text and records the drag, or is
 * cancelled. Drags of the app's own draggable elements (codes, a quote card's text) and file drops
 * are left alone.
 */
import { useEffect, useRef } from 'react';
import type { SelectionCopyResult } from '../../../shared/api/calls-copy';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { Toast, useToast } from '../codes/Toast';
import { COPIED, COPIED_MEMO, DRAG_REFUSED, DRAGGED, refusalText } from './messages';
import { planKey, planSelection, type CopyPlan } from './selection-plan';

type Sendable = Extract<CopyPlan, { kind: 'talk' | 'memo' }>;

const SETTLE_MS = 250;

export function CopyGuard() {
  const api = useApi();
  const { message, notify } = useToast();
  const checked = useRef<{ key: string; result: SelectionCopyResult } | null>(null);

  useEffect(() => {
    const send = (plan: Sendable, via: 'clipboard' | 'drag', preview = false) =>
      plan.kind === 'talk'
        ? api['selection-copy']({ ranges: plan.ranges, via, ...(preview ? { preview } : {}) })
        : api['selection-copy']({ memoId: plan.memoId, text: plan.text, via, ...(preview ? { preview } : {}) });

    const onCopy = (e: ClipboardEvent) => {
      const plan = planSelection(window.getSelection());
      if (plan.kind === 'none') return;
      // First and synchronously: the browser must not copy the selection, and no other listener
      // (a Lexical editor's own copy) may put it on the clipboard either.
      e.preventDefault();
      e.stopImmediatePropagation();
      try {
        e.clipboardData?.clearData();
      } catch {
        // Read-only outside the event: nothing to clear.
      }
      if (plan.kind === 'refuse') return notify(plan.message);
      // Cutting from a memo removes the words only once they have been copied.
      const cutting = e.type === 'cut' && plan.kind === 'memo' ? (window.getSelection()?.toString() ?? null) : null;
      send(plan, 'clipboard').then(
        async (r) => {
          if (r.text === null) return notify(refusalText(r.reasons));
          await navigator.clipboard?.writeText(r.text).catch(() => {});
          if (cutting !== null && window.getSelection()?.toString() === cutting) document.execCommand('delete');
          notify(plan.kind === 'memo' ? COPIED_MEMO : COPIED);
        },
        (err: unknown) => notify(`Not copied: ${describeError(err)}`),
      );
    };

    const onDragStart = (e: DragEvent) => {
      const target = e.target instanceof Node ? e.target : null;
      const el = target instanceof Element ? target : (target?.parentElement ?? null);
      // The app's own drags (a code onto a selection or a turn, tree reordering, a quote card's gated text).
      if (!target || el?.closest('[draggable="true"]')) return;
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || !selection.containsNode(target, true)) return;
      const plan = planSelection(selection);
      if (plan.kind === 'none') return;
      const known = checked.current?.key === planKey(plan) ? checked.current.result : null;
      if (plan.kind !== 'refuse' && known?.text && e.dataTransfer) {
        e.dataTransfer.clearData();
        e.dataTransfer.setData('text/plain', known.text);
        e.dataTransfer.effectAllowed = 'copy';
        // The drag itself is recorded, through the gate again.
        void send(plan, 'drag').catch(() => {});
        return notify(DRAGGED);
      }
      e.preventDefault();
      notify(plan.kind === 'refuse' ? plan.message : known ? refusalText(known.reasons) : DRAG_REFUSED);
    };

    let timer: number | undefined;
    const onSelectionChange = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const plan = planSelection(window.getSelection());
        if (plan.kind !== 'talk' && plan.kind !== 'memo') return;
        const key = planKey(plan);
        if (checked.current?.key === key) return;
        send(plan, 'drag', true).then(
          (result) => {
            checked.current = { key, result };
          },
          () => {},
        );
      }, SETTLE_MS);
    };

    document.addEventListener('copy', onCopy, true);
    document.addEventListener('cut', onCopy, true);
    document.addEventListener('dragstart', onDragStart, true);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('copy', onCopy, true);
      document.removeEventListener('cut', onCopy, true);
      document.removeEventListener('dragstart', onDragStart, true);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [api, notify]);

  return <Toast message={message} />;
}
