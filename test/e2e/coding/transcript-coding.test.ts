/** Codings → highlights and stripes, and a selection → the coding target (pure; no browser). */
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../shared/domain/coding';
import type { Code, SourceDetail } from '../../../shared/domain/project';
import { buildPlan } from '../../../renderer/src/transcript/offsets';
import { highlightsFor, targetFor } from '../../../renderer/src/transcript/coding-plan';

const text = 'Kia ora koutou.\n\nFor us it starts with whakapapa.';
const source = {
  id: 7,
  text,
  speakers: [{ id: 1, label: 'Aroha', participantId: null, role: '', turnCount: 2 }],
  annotations: [],
  blocks: [
    { id: 10, seq: 0, kind: 'turn', speakerId: 1, start: 0, end: 15, startMs: null, endMs: null, respondsTo: [] },
    { id: 11, seq: 1, kind: 'turn', speakerId: 1, start: 17, end: text.length, startMs: null, endMs: null, respondsTo: [] },
  ],
} as unknown as SourceDetail;
const code = (id: number, name: string, color: string): Code => ({ id, frameId: 1, parentId: null, name, color, description: '', position: 0, counts: { segments: 0, sources: 0, participants: 0 } });
const coding = (id: number, codeId: number, start: number, end: number, coder: string): Coding => ({ id, codeId, sourceId: 7, start, end, coder, createdAt: '2026-11-23T01:00:00Z' });

describe('codings as highlights', () => {
  const codes = new Map([
    [1, code(1, 'Whānau', '#336699')],
    [2, code(2, 'Trust', '#aa3355')],
  ]);
  const hs = highlightsFor([coding(100, 1, 17, 23, 'Aroha'), coding(101, 1, 24, 30, 'Mere'), coding(102, 2, 20, 40, 'Aroha'), coding(103, 9, 0, 3, 'x')], codes, 'nz');

  it('paints each coding in its code colour, naming code, coder and NZ date; codings of codes not shown are left out', () => {
    expect(hs.map((h) => h.id)).toEqual([100, 101, 102]);
    expect(hs[0]).toMatchObject({ color: '#336699', label: 'Whānau — Aroha, 23/11/2026', stripe: '1' });
  });

  it('shows one stripe per code in a turn, listing every coder on hover', () => {
    const plan = buildPlan(source, hs);
    expect(plan[0]!.stripes).toEqual([]);
    expect(plan[1]!.stripes).toEqual([
      { color: '#336699', label: 'Whānau — Aroha, 23/11/2026\nWhānau — Mere, 23/11/2026' },
      { color: '#aa3355', label: 'Trust — Aroha, 23/11/2026' },
    ]);
  });
});

describe('the coding target', () => {
  const turns = source.blocks.map((b) => ({ id: b.id, start: b.start, end: b.end }));
  it('is the selected range and the turns it touches', () => {
    expect(targetFor(source, turns, { start: 5, end: 25 }, null)).toEqual({ sourceId: 7, range: { start: 5, end: 25 }, blockIds: [10, 11], turnRange: { start: 0, end: text.length }, armed: true });
  });
  it('is the turn holding the caret when nothing is selected', () => {
    expect(targetFor(source, turns, null, 20)).toEqual({ sourceId: 7, range: null, blockIds: [11], turnRange: { start: 17, end: text.length }, armed: false });
    expect(targetFor(source, turns, null, 16)).toBeNull();
  });
});
