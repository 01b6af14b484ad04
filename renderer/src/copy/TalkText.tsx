/**
 * Marks talk where a list shows it, so the copy guard can send the exact source ranges through the
 * export gate instead of letting the words reach the clipboard: a container with the source id
 * (`data-talk`, `data-source-id`) and runs whose text is the stored text from `data-start` on.
 * An ellipsis added for display sits outside every run.
 */
import type { ReactNode } from 'react';
import type { SearchHit } from '../../../shared/domain/analysis';

/** Props for the element that holds one stretch of a source's talk. */
export function talkProps(sourceId: number): { 'data-talk': ''; 'data-source-id': number } {
  return { 'data-talk': '', 'data-source-id': sourceId };
}

/** Props for talk shown in a form that does not map to offsets: copying it is refused. */
export const UNMAPPED_TALK = { 'data-talk': 'unmapped' } as const;

export function TalkRun({ start, className, children, style }: { start: number; className?: string | undefined; children: string; style?: React.CSSProperties | undefined }) {
  return (
    <span className={className} data-start={start} style={style}>
      {children}
    </span>
  );
}

/**
 * Context before a passage, as shown (perhaps "…" and a suffix of it), ending at `end` in the
 * source: the ellipsis is plain text, the words a run.
 */
export function LeadIn({ shown, end, className }: { shown: string; end: number; className?: string }): ReactNode {
  const cut = shown.startsWith('…');
  const words = cut ? shown.slice(1) : shown;
  return (
    <span className={className}>
      {cut && '…'}
      <span data-start={end - words.length}>{words}</span>
    </span>
  );
}

/** Context after a passage, as shown (a prefix of it, perhaps then "…"), starting at `start`. */
export function TailOut({ shown, start, className }: { shown: string; start: number; className?: string }): ReactNode {
  const cut = shown.endsWith('…');
  const words = cut ? shown.slice(0, -1) : shown;
  return (
    <span className={className}>
      <span data-start={start}>{words}</span>
      {cut && '…'}
    </span>
  );
}

/**
 * Where each context span of a search hit starts in the source. The window starts at the block's
 * start unless clipped; a clipped window is placed by its first highlighted span, which starts at
 * the first match (electron/core/search/highlight.ts). Null when it cannot be placed.
 */
export function searchSpanStarts(hit: Pick<SearchHit, 'context' | 'matches' | 'clippedStart' | 'blockStart'>): number[] | null {
  let from: number;
  if (!hit.clippedStart) from = hit.blockStart;
  else {
    const k = hit.context.findIndex((s) => s.hit);
    const first = hit.matches[0];
    if (k < 0 || !first) return null;
    from = first.start - hit.context.slice(0, k).reduce((n, s) => n + s.text.length, 0);
  }
  const starts: number[] = [];
  let at = from;
  for (const s of hit.context) {
    starts.push(at);
    at += s.text.length;
  }
  return starts;
}
