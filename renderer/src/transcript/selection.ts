/**
 * Between Lexical's selection and source offsets, both ways.
 *
 * Selection → offsets ($selectionToRange, for editor commands such as "apply code" that run inside
 * an update): each Lexical point is either inside a SourceTextNode (its start plus the caret
 * offset) or between children of a block or of the root (the start of the next run, or the end of
 * the last). Lexical has no point for a caret on a speaker label (labels are not nodes) and leaves
 * its selection null there, so what the view reports comes from selection-dom.ts, which agrees with
 * this everywhere Lexical has an answer.
 *
 * Offsets → DOM: binary search over the runs to find the text node and the offset inside it.
 */
import { $getSelection, $isRangeSelection, $isRootNode, type LexicalEditor, type PointType } from 'lexical';
import type { DocIndex, Run } from './build';
import { $isSourceTextNode, $isTranscriptBlockNode } from './nodes';
import { clampToBlocks, elementPointToOffset, segmentIndexAt, textPointToOffset, toRange } from './offsets';

function $pointToOffset(point: PointType, index: DocIndex): number | null {
  const node = point.getNode();
  if ($isSourceTextNode(node)) return textPointToOffset(node.getSourceStart(), node.getTextContentSize(), point.offset);
  if ($isTranscriptBlockNode(node)) {
    const block = index.find((b) => b.key === node.getKey());
    const children = node.getChildren().filter($isSourceTextNode).map((c) => ({ start: c.getSourceStart(), end: c.getSourceStart() + c.getTextContentSize() }));
    return elementPointToOffset(children, point.offset, block?.start ?? 0);
  }
  if ($isRootNode(node)) {
    return elementPointToOffset(
      index.map((b) => ({ start: b.start, end: b.end })),
      point.offset,
      0,
    );
  }
  return null;
}

/** The current Lexical selection as a source range; null for a caret, no selection or one outside the text. */
export function $selectionToRange(index: DocIndex): { start: number; end: number } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const range = toRange($pointToOffset(selection.anchor, index), $pointToOffset(selection.focus, index));
  return range && clampToBlocks(range, index);
}

export function allRuns(index: DocIndex): Run[] {
  return index.flatMap((b) => b.runs);
}

/** A DOM Range over [start, end) of the source, or null if those offsets are not on screen as text. */
export function domRangeFor(editor: LexicalEditor, runs: Run[], start: number, end: number): Range | null {
  const locate = (offset: number, isEnd: boolean): [Node, number] | null => {
    // An end offset that sits exactly on a run boundary belongs to the run before it.
    let i = segmentIndexAt(runs, isEnd ? offset - 1 : offset);
    if (i >= runs.length) i = runs.length - 1;
    const run = runs[i];
    if (!run) return null;
    const text = editor.getElementByKey(run.key)?.firstChild;
    if (!text) return null;
    const inRun = Math.min(Math.max(offset - run.start, 0), run.end - run.start);
    return [text, inRun];
  };
  const a = locate(start, false);
  const b = locate(Math.max(end, start), true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}

/** Selects [start, end) in the page, as a user's drag would (used by tests and "go to quote"). */
export function selectSource(editor: LexicalEditor, runs: Run[], start: number, end: number): boolean {
  const range = domRangeFor(editor, runs, start, end);
  const selection = window.getSelection();
  if (!range || !selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/** The key of the block holding a source offset (or the nearest one after it), for scrolling. */
export function blockKeyAt(index: DocIndex, offset: number): string | null {
  const i = segmentIndexAt(index, offset);
  return index[Math.min(i, index.length - 1)]?.key ?? null;
}

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/**
 * Centres the block holding a range; then, if the range itself is still out of sight (a long
 * turn taller than the pane), scrolls on until it sits a third of the way down.
 */
export function reveal(block: HTMLElement, range: Range | null): void {
  block.scrollIntoView({ block: 'center' });
  const scroller = scrollParent(block);
  if (!range || !scroller) return;
  const r = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (r.top < view.top || r.bottom > view.bottom) scroller.scrollBy(0, r.top - view.top - view.height / 3);
}
