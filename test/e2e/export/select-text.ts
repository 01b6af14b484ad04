/** Selects text in the page between two phrases of an element's text (across text nodes), as a mouse drag would. */
import type { Page } from 'playwright-core';

// Runs in the page: kept as source text, since the tests are type-checked without DOM types.
const SELECT_BETWEEN = `(root, from, until) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = '';
  while (walker.nextNode()) { nodes.push({ node: walker.currentNode, at: text.length }); text += walker.currentNode.data; }
  const start = text.indexOf(from);
  const end = until.startsWith('+') ? start + Number(until.slice(1)) : text.indexOf(until, start);
  if (start < 0 || end <= start) return null;
  const point = (offset) => { let n = nodes[0]; for (const x of nodes) if (x.at <= offset) n = x; return [n.node, offset - n.at]; };
  const r = document.createRange();
  r.setStart(...point(start));
  r.setEnd(...point(end));
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(r);
  return sel.toString();
}`;

/** `until` is the phrase the selection stops before, or "+N" for N characters from `from`. */
export function selectBetween(page: Page, selector: string, from: string, until: string): Promise<string | null> {
  return page.evaluate(`(${SELECT_BETWEEN})(document.querySelector(${JSON.stringify(selector)}), ${JSON.stringify(from)}, ${JSON.stringify(until)})`) as Promise<string | null>;
}
