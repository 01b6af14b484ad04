/** The part of a quote's stored text the user selected, as source offsets (the element shows exactly quote.raw). */
export function selectionIn(el: HTMLElement | null, quoteStart: number): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const offsetOf = (node: Node, offset: number) => {
    const pre = document.createRange();
    pre.setStart(el, 0);
    pre.setEnd(node, offset);
    return pre.toString().length;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  return end > start ? { start: quoteStart + start, end: quoteStart + end } : null;
}
