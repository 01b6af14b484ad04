/**
 * Pure mapping between a source's text and what the transcript view renders.
 *
 * `buildPlan` turns a SourceDetail (plus the highlights to paint) into one entry per block, each
 * cut into segments at annotation and highlight boundaries. Every segment becomes one text node
 * that remembers where it starts in `source.text`, so any caret inside it maps back to an exact
 * UTF-16 offset. Speaker labels and timestamps are never segments: they are not in `text`, and
 * keeping them out of the plan is what keeps them out of every selection.
 *
 * No DOM, no Lexical: everything here is unit-tested directly.
 */
import type { Annotation, Block, SourceDetail } from '../../../shared/domain/project';
import { formatTimestamp, speakerInfo, type ParticipantNames, type SpeakerInfo } from './labels';

export { formatTimestamp, partLabel, safeColor, speakerInfo, type ParticipantNames, type SpeakerInfo } from './labels';

export type SegmentKind = 'speech' | 'annotation';

export interface Segment {
  start: number;
  end: number;
  kind: SegmentKind;
  /** Ids of the highlights covering the whole segment. */
  highlightIds: number[];
  /** For each of highlightIds, its underline lane: the same for one highlight all through a block. */
  lanes: number[];
}

export interface TranscriptHighlight {
  id: number;
  start: number;
  end: number;
  color: string;
  label: string;
  /** Highlights with the same stripe key share one bar in the margin (e.g. one code's codings); its tooltip lists their labels. */
  stripe?: string;
}

/** One coloured bar in the coding-stripes margin: a distinct code covering part of the block. */
export interface Stripe {
  color: string;
  label: string;
}

export interface BlockPlan {
  id: number;
  kind: Block['kind'];
  start: number;
  end: number;
  speaker: SpeakerInfo | null;
  /** Unattributed text under a label marked "Not a speaker": that label, shown above it (credited to no one). */
  headLabel?: string | null;
  /** `mm:ss` or `h:mm:ss` when the file gave a timestamp. */
  time: string | null;
  segments: Segment[];
  stripes: Stripe[];
  /** Changes whenever anything rendered for this block changes; lets updates touch only those blocks. */
  signature: string;
}

/** Blocks in text order; a source without blocks is shown as one plain text block. */
function orderedBlocks(source: Pick<SourceDetail, 'blocks' | 'text'>): Block[] {
  if (source.blocks.length === 0) {
    return [{ id: 0, seq: 0, kind: 'text', speakerId: null, start: 0, end: source.text.length, startMs: null, endMs: null, respondsTo: [] }];
  }
  return [...source.blocks].sort((a, b) => a.start - b.start || a.seq - b.seq);
}

/**
 * Sweeps ranges sorted by start alongside blocks sorted by start, returning for each block the
 * ranges that overlap it. Linear in blocks + ranges (plus the ranges active at each block), so
 * 5,000 highlights over 2,000 turns costs nothing noticeable.
 */
function overlapping<R extends { start: number; end: number }>(blocks: Block[], ranges: R[]): R[][] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  let next = 0;
  let active: R[] = [];
  return blocks.map((b) => {
    while (next < sorted.length && (sorted[next] as R).start < b.end) active.push(sorted[next++] as R);
    active = active.filter((r) => r.end > b.start);
    return active.filter((r) => r.end > b.start && r.start < b.end);
  });
}

/** Underline lanes shown under the text; more overlapping codes than this share lanes (the fill still blends). */
export const MAX_LANES = 3;

/**
 * Gives each highlight the lowest underline lane free over its whole range (interval colouring),
 * so a code's underline stays on one line while others start and stop around it.
 */
export function assignLanes(highlights: TranscriptHighlight[]): Map<number, number> {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const h of sorted) {
    let lane = laneEnds.findIndex((end) => end <= h.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = h.end;
    lanes.set(h.id, lane % MAX_LANES);
  }
  return lanes;
}

/** Cuts [start, end) at every annotation and highlight boundary; merges neighbours that render alike. */
export function cutSegments(start: number, end: number, annotations: Array<{ start: number; end: number }>, highlights: TranscriptHighlight[]): Segment[] {
  const laneOf = assignLanes(highlights);
  if (end <= start) return [];
  const cuts = new Set<number>([start, end]);
  for (const r of [...annotations, ...highlights]) {
    if (r.start > start && r.start < end) cuts.add(r.start);
    if (r.end > start && r.end < end) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    const kind: SegmentKind = annotations.some((r) => r.start <= a && r.end >= b) ? 'annotation' : 'speech';
    const highlightIds = highlights.filter((h) => h.start <= a && h.end >= b).map((h) => h.id);
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind && sameIds(prev.highlightIds, highlightIds)) prev.end = b;
    else out.push({ start: a, end: b, kind, highlightIds, lanes: highlightIds.map((id) => laneOf.get(id) ?? 0) });
  }
  return out;
}

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function stripesFor(highlights: TranscriptHighlight[]): Stripe[] {
  const seen = new Map<string, { color: string; labels: string[] }>();
  for (const h of highlights) {
    const key = h.stripe ?? `${h.color}\u0000${h.label}`;
    const s = seen.get(key);
    if (!s) seen.set(key, { color: h.color, labels: [h.label] });
    else if (!s.labels.includes(h.label)) s.labels.push(h.label);
  }
  return [...seen.values()].map((s) => ({ color: s.color, label: s.labels.join('\n') }));
}

export function buildPlan(
  source: Pick<SourceDetail, 'blocks' | 'text' | 'speakers' | 'annotations'>,
  highlights: TranscriptHighlight[] = [],
  participants?: ParticipantNames,
): BlockPlan[] {
  const blocks = orderedBlocks(source);
  const speakers = new Map(source.speakers.map((s) => [s.id, s]));
  const annotationsByBlock = overlapping<Annotation>(blocks, source.annotations);
  const highlightsByBlock = overlapping<TranscriptHighlight>(blocks, highlights);
  return blocks.map((b, i) => {
    const hs = highlightsByBlock[i] ?? [];
    // A note block is non-speech from end to end, whether or not the importer marked its brackets.
    const notes = b.kind === 'note' ? [{ start: b.start, end: b.end }] : (annotationsByBlock[i] ?? []);
    const segments = cutSegments(b.start, b.end, notes, hs);
    const speaker = b.kind === 'turn' && b.speakerId !== null ? speakerInfo(speakers.get(b.speakerId), participants) : null;
    const time = b.startMs !== null ? formatTimestamp(b.startMs) : null;
    const headLabel = b.kind === 'text' && b.labelId != null ? (speakers.get(b.labelId)?.label ?? null) : null;
    const stripes = stripesFor(hs);
    const signature = [
      b.kind,
      speaker ? `${speaker.name}|${speaker.role}` : headLabel ? `~${headLabel}` : '',
      time ?? '',
      segments.map((s) => `${s.start}-${s.end}${s.kind[0]}${s.highlightIds.join(',')}/${s.lanes.join(',')}`).join(';'),
      stripes.map((s) => `${s.color}:${s.label}`).join(';'),
      hs.map((h) => `${h.id}:${h.color}`).join(','),
    ].join('\u0001');
    return { id: b.id, kind: b.kind, start: b.start, end: b.end, speaker, headLabel, time, segments, stripes, signature };
  });
}

/** A caret inside a text node that starts at `nodeStart` and holds `length` code units. */
export function textPointToOffset(nodeStart: number, length: number, offset: number): number {
  return nodeStart + Math.min(Math.max(offset, 0), length);
}

/**
 * A caret between the children of a block (or between blocks): before child `index`, which maps to
 * that child's start, or after the last child, which maps to the end of the last one. Index 0 of
 * a block (just after its speaker label) is the start of the speech; an empty block gives `fallback`.
 */
export function elementPointToOffset(children: Array<{ start: number; end: number }>, index: number, fallback: number): number {
  if (children.length === 0) return fallback;
  const i = Math.min(Math.max(index, 0), children.length);
  return i < children.length ? (children[i] as { start: number }).start : (children[children.length - 1] as { end: number }).end;
}

/** Anchor and focus offsets to an ordered range; a collapsed caret is no selection. */
export function toRange(anchor: number | null, focus: number | null): { start: number; end: number } | null {
  if (anchor === null || focus === null || anchor === focus) return null;
  return anchor < focus ? { start: anchor, end: focus } : { start: focus, end: anchor };
}

/**
 * Trims a range so it neither starts nor ends in the gap between blocks ("\n\n" in the text):
 * dragging from the end of one turn onto the next speaker's label gives just the first turn's
 * speech, never the separator. `blocks` are sorted by start. Null if nothing but gap is left.
 */
export function clampToBlocks(range: { start: number; end: number }, blocks: Array<{ start: number; end: number }>): { start: number; end: number } | null {
  if (blocks.length === 0) return range;
  // The first block ending after `start`: start moves up to it if it sits in the gap before it.
  const i = segmentIndexAt(blocks, range.start);
  const first = blocks[i];
  // The last block starting before `end`: end moves back to its end if it sits in the gap after it.
  let k = segmentIndexAt(blocks, range.end - 1);
  if (k >= blocks.length || (blocks[k] as { start: number }).start >= range.end) k -= 1;
  const last = blocks[k];
  if (!first || !last) return null;
  const start = Math.max(range.start, first.start);
  const end = Math.min(range.end, last.end);
  return end > start ? { start, end } : null;
}

/** Index of the segment (in a list sorted by start) containing `offset`, or the next one after it. */
export function segmentIndexAt(segments: Array<{ start: number; end: number }>, offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((segments[mid] as { end: number }).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
