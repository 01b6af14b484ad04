/**
 * What a page selection would copy, read from the DOM: talk the core can gate, a memo's text, or
 * something to refuse. Talk is marked where it is shown:
 *
 * - a talk container: `data-talk` with `data-source-id` (the transcript view, a retrieval row, a
 *   search hit, a segment in a query or matrix cell list);
 * - inside it, runs: elements with `data-start` whose text is exactly `source.text.slice(start, …)`
 *   (the container itself may be the run). Anything else inside (speaker labels, "…") is not talk;
 * - `data-talk="unmapped"`: talk shown in a form that does not map back to offsets (a truncated
 *   label, say): a selection touching it is refused, never copied raw;
 * - a memo's text: `data-memo-id` (empty while the memo is not saved yet).
 *
 * Talk shown by screens that do not mark it (the quote bank's raw words, the blocked list, the
 * identifier review, auto-code previews) is listed in UNMARKED_TALK and refused the same way.
 * Runs in one container are one stretch of a source, so their ranges merge into one.
 */

export interface TalkRange {
  sourceId: number;
  start: number;
  end: number;
}

export type CopyPlan =
  | { kind: 'none' }
  | { kind: 'talk'; ranges: TalkRange[] }
  | { kind: 'memo'; memoId: number; text: string }
  | { kind: 'refuse'; message: string };

/** Talk on screens that do not mark it with offsets: selections touching these are refused. */
export const UNMARKED_TALK = ['.quote-raw', '.blocked-text', '.candidate-examples', '.code-all-sample', '.rv-text', '.segment-text', '.search-hit-text', '.memo-dialog-quotes .dialog-title'].join(', ');

export const REFUSE_UNMAPPED = 'Not copied: this is transcript talk shown here without its place in the transcript. Copy a passage from the transcript, retrieval or search results (it is pseudonymised on the way out), or use a quote card’s Copy.';
export const REFUSE_MIXED = 'Not copied: the selection mixes transcript talk and a memo. Copy from one place at a time.';
export const REFUSE_UNSAVED_MEMO = 'Not copied: the memo is still being saved. Copy again in a moment.';

function elementOf(node: Node): Element | null {
  return node instanceof Element ? node : node.parentElement;
}

/** The part of `within`'s contents that `range` covers, as a Range (collapsed when none). */
function clip(range: Range, within: Element): Range {
  const r = document.createRange();
  r.selectNodeContents(within);
  if (range.compareBoundaryPoints(Range.START_TO_START, r) > 0) r.setStart(range.startContainer, range.startOffset);
  if (range.compareBoundaryPoints(Range.END_TO_END, r) < 0) r.setEnd(range.endContainer, range.endOffset);
  if (r.compareBoundaryPoints(Range.START_TO_END, r) < 0) r.collapse(true);
  return r;
}

/** Characters of `el`'s text before the start of `part` (a range inside it). */
function charsBefore(el: Element, part: Range): number {
  const r = document.createRange();
  r.selectNodeContents(el);
  r.setEnd(part.startContainer, part.startOffset);
  return r.toString().length;
}

/** Elements matching `selector` that the range touches: the ancestors of its common container and those inside it. */
function touched(range: Range, selector: string): Element[] {
  const common = elementOf(range.commonAncestorContainer);
  if (!common) return [];
  const out = new Set<Element>();
  for (let el: Element | null = common.closest(selector); el; el = el.parentElement?.closest(selector) ?? null) out.add(el);
  for (const el of common.querySelectorAll(selector)) if (range.intersectsNode(el) && clip(range, el).toString().length > 0) out.add(el);
  return [...out];
}

/** The talk a container's runs give for the range: one range per source, or null if nothing but labels is selected. */
function rangeIn(range: Range, container: HTMLElement): TalkRange | null {
  const sourceId = Number(container.dataset.sourceId);
  const runs: HTMLElement[] = container.dataset.start !== undefined ? [container] : Array.from(container.querySelectorAll<HTMLElement>('[data-start]'));
  let start = Infinity;
  let end = -Infinity;
  for (const run of runs) {
    if (!range.intersectsNode(run)) continue;
    const part = clip(range, run);
    const length = part.toString().length;
    if (!length) continue;
    const from = Number(run.dataset.start) + charsBefore(run, part);
    start = Math.min(start, from);
    end = Math.max(end, from + length);
  }
  if (!Number.isFinite(start) || !(end > start)) return null;
  return Number.isInteger(sourceId) && sourceId > 0 ? { sourceId, start, end } : null;
}

export function planSelection(selection: Selection | null): CopyPlan {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { kind: 'none' };
  const ranges: TalkRange[] = [];
  const memos: Array<{ id: string; text: string }> = [];
  let unmapped = false;
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    for (const el of touched(range, '[data-talk], [data-memo-id]')) {
      const e = el as HTMLElement;
      if (e.dataset.memoId !== undefined) {
        // Selection.toString() keeps the line breaks between paragraphs; a Range's does not.
        const inside = e.contains(range.startContainer) && e.contains(range.endContainer) && selection.rangeCount === 1;
        memos.push({ id: e.dataset.memoId, text: inside ? selection.toString() : clip(range, e).toString() });
        continue;
      }
      if (e.dataset.talk === 'unmapped') {
        unmapped = true;
        continue;
      }
      const r = rangeIn(range, e);
      if (r) ranges.push(r);
      else if (e.dataset.sourceId === undefined) unmapped = true;
    }
    // Talk on screens that do not mark it, unless it sits in (or holds) a marked container.
    if (touched(range, UNMARKED_TALK).some((el) => !el.closest('[data-talk], [data-memo-id]') && !el.querySelector('[data-talk]'))) unmapped = true;
  }
  if (unmapped) return { kind: 'refuse', message: REFUSE_UNMAPPED };
  if (ranges.length && memos.length) return { kind: 'refuse', message: REFUSE_MIXED };
  if (ranges.length) return { kind: 'talk', ranges: mergeRanges(ranges) };
  const memo = memos.find((m) => m.text.trim());
  if (!memo) return { kind: 'none' };
  if (memos.filter((m) => m.text.trim()).length > 1) return { kind: 'refuse', message: REFUSE_MIXED };
  const id = Number(memo.id);
  if (!memo.id || !Number.isInteger(id)) return { kind: 'refuse', message: REFUSE_UNSAVED_MEMO };
  return { kind: 'memo', memoId: id, text: memo.text };
}

/** Same-source ranges that touch or overlap become one; others keep their order. */
export function mergeRanges(ranges: TalkRange[]): TalkRange[] {
  const out: TalkRange[] = [];
  for (const r of ranges) {
    const same = out.find((o) => o.sourceId === r.sourceId && o.start <= r.end && r.start <= o.end);
    if (same) {
      same.start = Math.min(same.start, r.start);
      same.end = Math.max(same.end, r.end);
    } else out.push({ ...r });
  }
  return out;
}

/** A key for a plan, so a drag can reuse the gate's answer for the same selection. */
export function planKey(plan: CopyPlan): string {
  return plan.kind === 'talk' ? `t:${plan.ranges.map((r) => `${r.sourceId}:${r.start}:${r.end}`).join(',')}` : plan.kind === 'memo' ? `m:${plan.memoId}:${plan.text}` : plan.kind;
}
