/**
 * The transcript view's pure mapping: plan segments, selection points → source offsets, lanes and
 * labels. No browser: these run in milliseconds alongside the UI tests.
 */
import { describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../shared/domain/project';
import {
  assignLanes,
  buildPlan,
  clampToBlocks,
  cutSegments,
  elementPointToOffset,
  formatTimestamp,
  partLabel,
  safeColor,
  segmentIndexAt,
  speakerInfo,
  textPointToOffset,
  toRange,
  type TranscriptHighlight,
} from '../../../renderer/src/transcript/offsets';

type Source = Pick<SourceDetail, 'blocks' | 'text' | 'speakers' | 'annotations'>;

// Two notes, a turn with an annotation inside it, a facilitator turn with a timestamp, a heading.
const text = '[Karakia. Not recorded.]\n\nKia ora. Everything else is in here [taps head].\n\nAnd the DHB?\n\nWhānau\n\n[Karakia whakamutunga.]';
const at = (s: string) => text.indexOf(s);
const source: Source = {
  text,
  speakers: [
    { id: 1, label: 'Mere', participantId: 7, role: 'participant', turnCount: 1 },
    { id: 2, label: 'Facilitator (Sam Lee)', participantId: null, role: 'Facilitator', turnCount: 1 },
  ],
  blocks: [
    { id: 10, seq: 0, kind: 'note', speakerId: null, start: 0, end: 24, startMs: null, endMs: null, respondsTo: [] },
    { id: 11, seq: 1, kind: 'turn', speakerId: 1, start: 26, end: at('.\n\nAnd') + 1, startMs: null, endMs: null, respondsTo: [] },
    { id: 12, seq: 2, kind: 'turn', speakerId: 2, start: at('And the'), end: at('And the') + 12, startMs: 3_723_400, endMs: null, respondsTo: [] },
    { id: 13, seq: 3, kind: 'heading', speakerId: null, start: at('Whānau'), end: at('Whānau') + 6, startMs: null, endMs: null, respondsTo: [] },
    { id: 14, seq: 4, kind: 'note', speakerId: null, start: at('[Karakia wh'), end: text.length, startMs: null, endMs: null, respondsTo: [] },
  ],
  annotations: [
    { id: 1, start: 0, end: 24, text: 'Karakia. Not recorded.' },
    { id: 2, start: at('[taps'), end: at('[taps') + 11, text: 'taps head' },
  ],
};
const participants = new Map([[7, { name: 'Mere Tawhiri', pseudonym: 'P3' }]]);

describe('buildPlan', () => {
  it('covers each block exactly, with annotations cut out as their own segments', () => {
    const plan = buildPlan(source, [], participants);
    expect(plan.map((b) => b.kind)).toEqual(['note', 'turn', 'turn', 'heading', 'note']);
    for (const b of plan) {
      expect(b.segments[0]?.start).toBe(b.start);
      expect(b.segments[b.segments.length - 1]?.end).toBe(b.end);
      b.segments.forEach((s, i) => i > 0 && expect(s.start).toBe(b.segments[i - 1]?.end));
    }
    const turn = plan[1]!;
    expect(turn.segments.map((s) => [text.slice(s.start, s.end), s.kind])).toEqual([
      ['Kia ora. Everything else is in here ', 'speech'],
      ['[taps head]', 'annotation'],
      ['.', 'speech'],
    ]);
    expect(plan[0]!.segments).toEqual([{ start: 0, end: 24, kind: 'annotation', highlightIds: [], lanes: [] }]);
    expect(plan[4]!.segments[0]?.kind).toBe('annotation');
    expect(plan[3]!.segments[0]?.kind).toBe('speech');
  });

  it('names speakers by participant when mapped, and keeps labels and times out of the text ranges', () => {
    const plan = buildPlan(source, [], participants);
    expect(plan[1]!.speaker).toEqual({ name: 'Mere Tawhiri', label: 'Mere', role: 'participant', facilitator: false });
    expect(plan[2]!.speaker).toMatchObject({ name: 'Facilitator (Sam Lee)', facilitator: true });
    expect(plan[2]!.time).toBe('1:02:03');
    expect(plan[1]!.time).toBeNull();
    for (const b of plan) for (const s of b.segments) expect(text.slice(s.start, s.end)).not.toContain('Mere Tawhiri');
  });

  it('splits at highlight boundaries, including overlapping and cross-block highlights, and lists stripes per block', () => {
    const hs: TranscriptHighlight[] = [
      { id: 1, start: at('Everything'), end: at('in here') + 7, color: '#2a9d8f', label: 'Tacit knowledge' },
      { id: 2, start: at('else'), end: at('DHB') + 3, color: '#e76f51', label: 'Paperwork' },
      { id: 3, start: at('[taps'), end: at('head]') + 5, color: '#2a9d8f', label: 'Tacit knowledge' },
    ];
    const plan = buildPlan(source, hs);
    const turn = plan[1]!;
    expect(turn.segments.map((s) => [text.slice(s.start, s.end), s.kind, s.highlightIds])).toEqual([
      ['Kia ora. ', 'speech', []],
      ['Everything ', 'speech', [1]],
      ['else is in here', 'speech', [1, 2]],
      [' ', 'speech', [2]],
      ['[taps head]', 'annotation', [2, 3]],
      ['.', 'speech', [2]],
    ]);
    // One stripe per code (colour + label), not per coding.
    expect(turn.stripes).toEqual([
      { color: '#2a9d8f', label: 'Tacit knowledge' },
      { color: '#e76f51', label: 'Paperwork' },
    ]);
    // Highlight 2 carries on into the next turn and stops inside it; the gap between blocks is never a segment.
    expect(plan[2]!.segments.map((s) => [text.slice(s.start, s.end), s.highlightIds])).toEqual([
      ['And the DHB', [2]],
      ['?', []],
    ]);
    expect(plan[0]!.stripes).toEqual([]);
  });

  it('keeps each highlight on one underline lane throughout a block', () => {
    const hs: TranscriptHighlight[] = [
      { id: 5, start: 26, end: 40, color: 'red', label: 'A' },
      { id: 6, start: 30, end: 60, color: 'blue', label: 'B' },
      { id: 7, start: 45, end: 50, color: 'green', label: 'C' },
    ];
    const turn = buildPlan(source, hs)[1]!;
    for (const s of turn.segments) {
      s.highlightIds.forEach((id, i) => expect(s.lanes[i]).toBe({ 5: 0, 6: 1, 7: 0 }[id]));
    }
    expect([...assignLanes(hs)]).toEqual([
      [5, 0],
      [6, 1],
      [7, 0],
    ]);
  });

  it('changes a block signature only when what it renders changes', () => {
    const a = buildPlan(source, [{ id: 1, start: 27, end: 30, color: 'red', label: 'A' }]);
    const b = buildPlan(source, [{ id: 1, start: 27, end: 30, color: 'blue', label: 'A' }]);
    expect(a.map((x, i) => x.signature === b[i]!.signature)).toEqual([true, false, true, true, true]);
  });

  it('shows a source without blocks as one text block', () => {
    const plan = buildPlan({ text: 'Just prose.', blocks: [], speakers: [], annotations: [] });
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ kind: 'text', start: 0, end: 11, speaker: null });
  });

  it('keeps UTF-16 offsets exact around macrons and astral characters', () => {
    const t = 'Ā 👍 whānau';
    const segs = cutSegments(0, t.length, [], [{ id: 1, start: t.indexOf('whānau'), end: t.length, color: 'red', label: 'W' }]);
    expect(segs.map((s) => t.slice(s.start, s.end))).toEqual(['Ā 👍 ', 'whānau']);
  });

  it('handles 5,000 highlights over 2,000 blocks quickly', () => {
    const blocks = Array.from({ length: 2000 }, (_, i) => ({ id: i, seq: i, kind: 'turn' as const, speakerId: null, start: i * 300, end: i * 300 + 298, startMs: null, endMs: null, respondsTo: [] }));
    const hs = Array.from({ length: 5000 }, (_, i) => ({ id: i, start: i * 120, end: i * 120 + 200, color: 'red', label: `C${i % 9}` }));
    const t0 = performance.now();
    const plan = buildPlan({ text: 'x'.repeat(600_000), blocks, speakers: [], annotations: [] }, hs);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(plan.reduce((n, b) => n + b.segments.length, 0)).toBeGreaterThan(5000);
  });
});

describe('selection points to offsets', () => {
  it('maps a caret in a text node, clamped to the node', () => {
    expect(textPointToOffset(319, 257, 31)).toBe(350);
    expect(textPointToOffset(319, 257, 999)).toBe(576);
    expect(textPointToOffset(319, 257, -1)).toBe(319);
  });

  it('maps a caret between children to the next child, or the end of the last', () => {
    const kids = [
      { start: 10, end: 20 },
      { start: 20, end: 31 },
    ];
    // Offset 0 is where a caret resolved onto the speaker label lands: the start of the speech.
    expect(elementPointToOffset(kids, 0, 5)).toBe(10);
    expect(elementPointToOffset(kids, 1, 5)).toBe(20);
    expect(elementPointToOffset(kids, 2, 5)).toBe(31);
    expect(elementPointToOffset([], 0, 5)).toBe(5);
  });

  it('orders anchor and focus, and treats a caret as no selection', () => {
    expect(toRange(40, 12)).toEqual({ start: 12, end: 40 });
    expect(toRange(12, 12)).toBeNull();
    expect(toRange(null, 3)).toBeNull();
  });

  it('trims a selection out of the gaps between blocks', () => {
    const blocks = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
      { start: 22, end: 30 },
    ];
    expect(clampToBlocks({ start: 5, end: 12 }, blocks)).toEqual({ start: 5, end: 10 });
    expect(clampToBlocks({ start: 10, end: 15 }, blocks)).toEqual({ start: 12, end: 15 });
    expect(clampToBlocks({ start: 11, end: 22 }, blocks)).toEqual({ start: 12, end: 20 });
    expect(clampToBlocks({ start: 10, end: 12 }, blocks)).toBeNull();
    expect(clampToBlocks({ start: 3, end: 8 }, blocks)).toEqual({ start: 3, end: 8 });
  });

  it('finds the segment holding an offset', () => {
    const segs = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
    ];
    expect(segmentIndexAt(segs, 0)).toBe(0);
    expect(segmentIndexAt(segs, 9)).toBe(0);
    expect(segmentIndexAt(segs, 10)).toBe(1);
    expect(segmentIndexAt(segs, 19)).toBe(1);
    expect(segmentIndexAt(segs, 20)).toBe(2);
  });
});

describe('labels', () => {
  it('formats timestamps as mm:ss under an hour and h:mm:ss over', () => {
    expect(formatTimestamp(0)).toBe('00:00');
    expect(formatTimestamp(65_900)).toBe('01:05');
    expect(formatTimestamp(3_600_000)).toBe('1:00:00');
  });

  it('falls back to the label as written when no participant is mapped', () => {
    expect(speakerInfo({ id: 1, label: 'Koro Hemi', participantId: null, role: 'participant', turnCount: 2 })?.name).toBe('Koro Hemi');
    expect(speakerInfo({ id: 1, label: 'Interviewer', participantId: 3, role: 'interviewer', turnCount: 2 }, new Map())?.facilitator).toBe(true);
    expect(speakerInfo(undefined)).toBeNull();
  });

  it('lets only plain CSS colours into highlight styles', () => {
    for (const ok of ['#2a9d8f', '#abc', 'teal', 'rgb(42, 157, 143)', 'hsl(200 50% 40% / 0.5)']) expect(safeColor(ok)).toBe(ok);
    for (const bad of ['red) , url(http://x.test/a.png', 'url(x)', 'red; background: blue', '']) expect(safeColor(bad)).toBe('#9aa1ac');
  });

  it('names session parts as people say them', () => {
    expect(partLabel('karakia-whakamutunga', '')).toBe('karakia whakamutunga');
    expect(partLabel('karakia', 'Koro Hemi')).toBe('karakia (led by Koro Hemi)');
  });
});
