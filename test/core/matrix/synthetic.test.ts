/**
 * Cross-checks on synthetic data: search totals, an AND query and a roles matrix worked out by
 * brute force (character by character, turn by turn) must equal what the core answers.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';
import { seededRandom, syntheticTranscript } from '../../support/synthetic';
import { testCore } from '../../support/core';

const ROLES: Record<string, string> = {
  'Facilitator (Sam Lee)': 'facilitator',
  'Aroha Ngata': 'peer supporter',
  'Tama Rewiri': 'peer supporter',
  'Rachel Moana': 'peer support worker',
  'David Chen': 'peer support worker',
  'Mere Tawhiri': 'manager',
  'Geoff Baker': 'manager',
};

describe('search, queries and matrix against brute force on synthetic transcripts', () => {
  const { api, path } = testCore();
  let sources: SourceDetail[] = [];
  const codeIds: number[] = [];
  const codings: Array<{ codeId: number; sourceId: number; start: number; end: number }> = [];

  beforeAll(async () => {
    await api['project-new']({ name: 'Synthetic', path: path('s.focal') });
    const files = [1, 2, 3].map((seed) => {
      const p = path(`fg-${seed}.txt`);
      writeFileSync(p, syntheticTranscript(3000, seed));
      return { name: `fg-${seed}.txt`, path: p };
    });
    const res = await api['import-files']({ files, onDuplicate: 'import' });
    const people = new Map<string, number>();
    for (const [label, role] of Object.entries(ROLES)) people.set(label, (await api['participant-create']({ name: label, role })).id);
    for (const r of await api['speakers-review']({})) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: people.get(r.label)! });
    sources = await Promise.all(res.map((r) => api['source-get']({ sourceId: r.sourceId! })));
    for (const n of ['A', 'B', 'C']) codeIds.push((await api['code-create']({ frameId: 1, name: n })).id);
    const rnd = seededRandom(99);
    for (let i = 0; i < 120; i++) {
      const s = sources[Math.floor(rnd() * sources.length)]!;
      const start = Math.floor(rnd() * (s.text.length - 400));
      const end = start + 5 + Math.floor(rnd() * 390);
      const codeId = codeIds[Math.floor(rnd() * 3)]!;
      const c = await api['coding-apply']({ codeId, sourceId: s.id, start, end });
      if (!codings.some((x) => x.codeId === codeId && x.sourceId === s.id && x.start === c.start && x.end === c.end)) codings.push({ codeId, sourceId: s.id, start: c.start, end: c.end });
    }
  });

  it('search totals equal the blocks whose folded words contain the term', async () => {
    for (const [q, test] of [
      ['whanau', (w: string[]) => w.includes('whanau')],
      ['korero', (w: string[]) => w.includes('korero')],
      ['supp*', (w: string[]) => w.some((x) => x.startsWith('sup'.concat('p')))],
      ['"lived experience"', (w: string[]) => w.some((x, i) => x === 'lived' && w[i + 1] === 'experience')],
      ['hope NOT trust', (w: string[]) => w.includes('hope') && !w.includes('trust')],
    ] as const) {
      let expected = 0;
      for (const s of sources) for (const b of s.blocks) if (test(fold(s.text.slice(b.start, b.end)).match(/[\p{L}\p{N}]+/gu) ?? [])) expected++;
      const r = await api['search-run']({ query: q, limit: 1 });
      expect(r.total, q).toBe(expected);
    }
  });

  it('A AND B equals the runs of characters coded with both', async () => {
    const [a, b] = codeIds as [number, number];
    let runs = 0;
    for (const s of sources) {
      const both = new Uint8Array(s.text.length);
      for (const c of codings.filter((x) => x.sourceId === s.id)) for (let i = c.start; i < c.end; i++) both[i]! |= c.codeId === a ? 1 : c.codeId === b ? 2 : 0;
      for (let i = 0; i < both.length; i++) if (both[i] === 3 && (i === 0 || both[i - 1] !== 3)) runs++;
    }
    expect(runs).toBeGreaterThan(0);
    expect((await api['coding-query']({ all: [a, b] })).total).toBe(runs);
  });

  it('the roles matrix equals counting each coding against the turns it overlaps', async () => {
    const m = await api['matrix-run']({ codeIds, cols: 'role' });
    const expected = new Map<string, { segs: Set<string>; people: Set<string> }>();
    for (const c of codings) {
      const s = sources.find((x) => x.id === c.sourceId)!;
      for (const b of s.blocks) {
        if (b.kind !== 'turn' || b.start >= c.end || b.end <= c.start) continue;
        const label = s.speakers.find((sp) => sp.id === b.speakerId)!.label;
        const key = `${c.codeId}|${ROLES[label]}`;
        const e = expected.get(key) ?? { segs: new Set(), people: new Set() };
        e.segs.add(`${c.sourceId}:${c.start}:${c.end}:${c.codeId}`);
        e.people.add(label);
        expected.set(key, e);
      }
    }
    m.rows.forEach((r, i) =>
      m.cols.forEach((col, j) => {
        const e = expected.get(`${r.codeId}|${col.label}`);
        expect(m.cells[i]![j], `${r.name} × ${col.label}`).toEqual({ segments: e?.segs.size ?? 0, participants: e?.people.size ?? 0 });
      }),
    );
    expect(m.cols.map((c) => c.label).sort()).toEqual(['facilitator', 'manager', 'peer support worker', 'peer supporter']);
  });
});
