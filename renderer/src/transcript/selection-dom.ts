/**
 * The browser's selection → source offsets, read straight from the DOM the editor rendered.
 *
 * Why not only Lexical's selection: Lexical resolves a DOM point only where it can find a node,
 * so a selection starting on a speaker label (not a node, by design) or ending outside the editor
 * leaves Lexical's selection null or stale. Here every point has an answer: text runs carry their
 * source start (data-start), a point on a label or the stripes clamps to the start of that block's
 * speech, and a point before or after the editor clamps to the first or last block.
 */
import type { DocIndex } from './build';
import { clampToBlocks, elementPointToOffset, textPointToOffset, toRange } from './offsets';

function runsIn(body: Element): Array<{ start: number; end: number }> {
  return Array.from(body.children, (el) => {
    const start = Number((el as HTMLElement).dataset.start);
    return { start, end: start + (el.textContent?.length ?? 0) };
  });
}

export function domPointToOffset(node: Node, offset: number, root: HTMLElement, index: DocIndex): number | null {
  const first = index[0];
  const last = index[index.length - 1];
  if (!first || !last) return null;
  const whole = document.createRange();
  whole.selectNodeContents(root);
  let side: number;
  try {
    side = whole.comparePoint(node, offset);
  } catch {
    return null; // a node in another document or shadow tree
  }
  if (side < 0) return first.start;
  if (side > 0) return last.end;
  // Between blocks: the root's children are the blocks, in text order.
  if (node === root) return elementPointToOffset(index, offset, first.start);

  const el = node instanceof Element ? node : node.parentElement;
  const run = el?.closest<HTMLElement>('[data-start]');
  if (run && root.contains(run)) {
    const start = Number(run.dataset.start);
    const length = run.textContent?.length ?? 0;
    if (node.nodeType === Node.TEXT_NODE) return textPointToOffset(start, length, offset);
    return offset === 0 ? start : start + length;
  }
  const blockEl = el?.closest<HTMLElement>('.tv-block');
  const block = blockEl ? index.find((b) => String(b.id) === blockEl.dataset.blockId) : undefined;
  if (!blockEl || !block) return null;
  const body = blockEl.lastElementChild;
  if (body && node === body) return elementPointToOffset(runsIn(body), offset, block.start);
  // On the block itself: before or at the body is the start of the speech, after it the end.
  if (node === blockEl) return offset < blockEl.childNodes.length ? block.start : block.end;
  // Inside the speaker label, timestamp or stripes.
  return block.start;
}

/** The page's selection as a source range, or null if it is collapsed or does not touch the transcript. */
export function domSelectionToRange(selection: Selection | null, root: HTMLElement | null, index: DocIndex): { start: number; end: number } | null {
  if (!selection || !root || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  if (!anchorNode || !focusNode) return null;
  const range = toRange(domPointToOffset(anchorNode, anchorOffset, root, index), domPointToOffset(focusNode, focusOffset, root, index));
  return range && clampToBlocks(range, index);
}
