/**
 * Agreement figures checked against references written differently from the implementation: a
 * per-character 0/1 array per coder, a 2×2 contingency table for Cohen's kappa, and for
 * Krippendorff's alpha the full coincidence matrix built pair by pair (every ordered pair of values
 * within a unit, weighted 1/(m_u − 1)), as Krippendorff defines it; plus published worked examples.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { figures } from '../../../electron/core/team/agreement-stats';
import { coverageHistogram, mergeRanges, rangesLength, turnHistogram } from '../../../electron/core/team/intervals';
import { testCore } from '../../support/core';

type R = Array<[number, number]>;

function toArray(ranges: R, n: number): number[] {
  const a = new Array<number>(n).fill(0);
  for (const [s, e] of ranges) for (let i = Math.max(0, s); i < Math.min(n, e); i++) a[i] = 1;
  return a;
}

function refKappa(a: number[], b: number[]): number {
  const t = [
    [0, 0],
    [0, 0],
  ];
  a.forEach((v, i) => t[v]![b[i]!]!++);
  const n = a.length;
  const po = (t[0]![0]! + t[1]![1]!) / n;
  const pe = ((t[1]![0]! + t[1]![1]!) * (t[0]![1]! + t[1]![1]!) + (t[0]![0]! + t[0]![1]!) * (t[0]![0]! + t[1]![0]!)) / (n * n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

/** Krippendorff's alpha, nominal: coincidence matrix o[c][k] from all ordered pairs within each unit. */
function refAlpha(values: number[][]): number | null {
  const cats = [...new Set(values.flat())].sort();
  const o = new Map<string, number>();
  for (const unit of values) {
    const m = unit.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const k = `${unit[i]},${unit[j]}`;
        o.set(k, (o.get(k) ?? 0) + 1 / (m - 1));
      }
  }
  const nc = new Map(cats.map((c) => [c, cats.reduce((s, k) => s + (o.get(`${c},${k}`) ?? 0), 0)]));
  const n = [...nc.values()].reduce((s, v) => s + v, 0);
  let dO = 0;
  let dE = 0;
  for (const c of cats)
    for (const k of cats) {
      if (c === k) continue;
      dO += o.get(`${c},${k}`) ?? 0;
      dE += (nc.get(c)! * nc.get(k)!) / (n - 1);
    }
  return dE === 0 ? null : 1 - dO / dE;
}

function implFigures(per: R[], n: number) {
  const merged = per.map((r) => mergeRanges(r, n));
  return figures({ units: n, hist: coverageHistogram(merged, n), coded: merged.map(rangesLength) });
}

function rand(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('agreement figures', () => {
  it("Krippendorff's published binary example (2 observers, 10 units): alpha = 0.095", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: binary data, two observers.
    const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const toRanges = (v: number[]): R => v.flatMap((x, i) => (x ? [[i, i + 1] as [number, number]] : []));
    const f = implFigures([toRanges(A), toRanges(B)], 10);
    expect(f.alpha!).toBeCloseTo(0.095, 3);
    expect(refAlpha(A.map((a, i) => [a, B[i]!]))!).toBeCloseTo(0.095, 3);
    expect(f.percentAgreement).toBeCloseTo(0.6, 10);
  });

  it("Cohen's kappa on the textbook table (20 both, 5 A only, 10 B only, 15 neither) is 0.4", () => {
    const f = implFigures([[[0, 25]], [[0, 20], [25, 35]]], 50);
    expect(f.kappa!).toBeCloseTo(0.4, 10);
    expect(f.percentAgreement).toBeCloseTo(0.7, 10);
    expect(f.codedAgreement).toBeCloseTo(20 / 35, 10);
  });

  it('identical coding gives kappa 1 and alpha 1; disjoint coding gives negative figures', () => {
    const same = implFigures([[[10, 40], [60, 70]], [[10, 25], [25, 40], [60, 70]]], 100);
    expect(same).toMatchObject({ kappa: 1, alpha: 1, percentAgreement: 1, codedAgreement: 1 });
    const disjoint = implFigures([[[0, 30]], [[50, 80]]], 100);
    expect(disjoint.kappa!).toBeLessThan(0);
    expect(disjoint.alpha!).toBeLessThan(0);
    expect(disjoint.codedAgreement).toBe(0);
  });

  it('one coder coded nothing: kappa 0, agreement counts the uncoded text; nobody coded: kappa 1, alpha undefined', () => {
    const one = implFigures([[[0, 20]], []], 100);
    expect(one.kappa).toBe(0);
    expect(one.percentAgreement).toBeCloseTo(0.8, 10);
    expect(one.codedAgreement).toBe(0);
    const none = implFigures([[], []], 100);
    expect(none).toMatchObject({ kappa: 1, alpha: null, percentAgreement: 1, codedAgreement: null, codedUnits: 0 });
  });

  it('matches the naive per-character references on random codings, two and three coders', () => {
    const r = rand(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 20 + Math.floor(r() * 400);
      const m = trial % 2 ? 3 : 2;
      const per: R[] = [];
      for (let c = 0; c < m; c++) {
        const ranges: R = [];
        const k = Math.floor(r() * 6);
        for (let i = 0; i < k; i++) {
          const s = Math.floor(r() * n);
          ranges.push([s, Math.min(n, s + 1 + Math.floor(r() * n * 0.3))]);
        }
        per.push(ranges);
      }
      const f = implFigures(per, n);
      const arrays = per.map((p) => toArray(p, n));
      const units = Array.from({ length: n }, (_, i) => arrays.map((a) => a[i]!));
      const agree = units.filter((u) => u.every((v) => v === u[0])).length / n;
      expect(f.percentAgreement!).toBeCloseTo(agree, 10);
      const alpha = refAlpha(units);
      if (alpha === null) expect(f.alpha).toBeNull();
      else expect(f.alpha!).toBeCloseTo(alpha, 9);
      if (m === 2) expect(f.kappa!).toBeCloseTo(refKappa(arrays[0]!, arrays[1]!), 9);
    }
  });

  it('turn units: a coder codes a turn when any coding overlaps it', () => {
    const turns: R = [[0, 10], [10, 20], [20, 30], [30, 40]];
    const t = turnHistogram([mergeRanges([[5, 12]], 40), mergeRanges([[25, 26]], 40)], turns);
    expect(t.coded).toEqual([2, 1]);
    expect(t.hist).toEqual([1, 3, 0]);
  });
});

describe('team-agreement on a project', () => {
  const { api, core, path } = testCore();
  let sourceId: number;
  let codeId: number;
  let other: number;
  let text: string;
  const as = (name: string) => core.state.setPrefs({ userName: name });

  beforeAll(async () => {
    await api['project-new']({ name: 'Agreement', path: path('agree.focal') });
    const res = await api['import-files']({ files: [{ name: 'focus-group-lived-experience.vtt', path: join(process.cwd(), 'test/fixtures/focus-group-lived-experience.vtt') }] });
    sourceId = res[0]!.sourceId!;
    text = (await api['source-get']({ sourceId })).text;
    const frameId = (await api['frames-list']({}))[0]!.id;
    codeId = (await api['code-create']({ frameId, name: 'Trust' })).id;
    other = (await api['code-create']({ frameId, name: 'Access' })).id;
    as('Aroha');
    await api['coding-apply']({ codeId, sourceId, start: 0, end: 100 });
    await api['coding-apply']({ codeId: other, sourceId, start: 200, end: 300 });
    as('Ben');
    await api['coding-apply']({ codeId, sourceId, start: 50, end: 150 });
    as('Tama');
    await api['coding-apply']({ codeId, sourceId, start: 0, end: 120 });
  });

  it('rows per code × source with figures over the whole source, pooled per code and overall weighted by units', async () => {
    const r = await api['team-agreement']({ coders: ['Aroha', 'Ben'] });
    expect(r.rows).toHaveLength(2);
    const trust = r.rows.find((x) => x.codeId === codeId)!;
    const n = text.length;
    expect(trust).toMatchObject({ code: 'Trust', sourceId, coders: ['Aroha', 'Ben'], units: n, codedUnits: 150 });
    expect(trust.percentAgreement!).toBeCloseTo((n - 100) / n, 10);
    expect(trust.codedAgreement!).toBeCloseTo(50 / 150, 10);
    const a = toArray([[0, 100]], n);
    const b = toArray([[50, 150]], n);
    expect(trust.kappa!).toBeCloseTo(refKappa(a, b), 10);
    expect(trust.alpha!).toBeCloseTo(refAlpha(a.map((v, i) => [v, b[i]!]))!, 10);
    expect(r.overall!.units).toBe(2 * n);
    expect(r.overall!.percentAgreement!).toBeCloseTo((n - 100 + n - 100) / (2 * n), 10);
    expect(r.note).toMatch(/agreement on absence/);
  });

  it('three coders: alpha only (no kappa), restricted to a code', async () => {
    const r = await api['team-agreement']({ coders: ['Aroha', 'Ben', 'Tama'], codeIds: [codeId] });
    expect(r.rows).toHaveLength(1);
    const n = text.length;
    const arrays = [toArray([[0, 100]], n), toArray([[50, 150]], n), toArray([[0, 120]], n)];
    expect(r.rows[0]!.kappa).toBeNull();
    expect(r.rows[0]!.alpha!).toBeCloseTo(refAlpha(arrays[0]!.map((_, i) => arrays.map((x) => x[i]!)))!, 10);
  });

  it('two coders coding the same turn each keep their coding (codings are per coder)', async () => {
    const turns = (await api['source-get']({ sourceId })).blocks.filter((b) => b.kind === 'turn');
    const turn = turns.find((b) => b.start > 400)!;
    const arohaTurns = turns.filter((t) => t === turn || (t.start < 300 && t.end > 200)).length;
    as('Aroha');
    await api['coding-apply-blocks']({ codeId: other, blockIds: [turn.id] });
    await api['coding-apply']({ codeId: other, sourceId, start: turn.start, end: turn.end });
    as('Ben');
    await api['coding-apply-blocks']({ codeId: other, blockIds: [turn.id] });
    const mine = (await api['codings-list']({ sourceId })).filter((c) => c.codeId === other && c.start === turn.start && c.end === turn.end);
    expect(mine.map((c) => c.coder).sort()).toEqual(['Aroha', 'Ben']);
    const r = await api['team-agreement']({ coders: ['Aroha', 'Ben'], codeIds: [other], unit: 'turn' });
    expect(r.rows[0]!.codedBy).toEqual([arohaTurns, 1]);
    expect(r.rows[0]!.units).toBe(turns.length);
    expect(r.rows[0]!.codedAgreement).toBeCloseTo(1 / arohaTurns, 10);
    expect(r.rows[0]!.percentAgreement).toBeCloseTo((turns.length - arohaTurns + 1) / turns.length, 10);
  });

  it('refuses an unknown coder, naming the coders there are', async () => {
    await expect(api['team-agreement']({ coders: ['Aroha', 'Bne'] })).rejects.toThrow(/"Bne".*Aroha, Ben, Tama/);
  });

  it('accepting a coder’s coding for another is undoable; consensus is its own coder', async () => {
    const before = await api['team-agreement-cell']({ codeId, sourceId, coders: ['Aroha', 'Ben'] });
    expect(before.disagreements).toEqual([[0, 50], [100, 150]]);
    const r = await api['team-resolve']({ codeId, sourceId, from: 'Aroha', to: 'Ben' });
    expect(r.undoLabel).toMatch(/Accept Aroha's coding of Trust for Ben/);
    const after = await api['team-agreement-cell']({ codeId, sourceId, coders: ['Aroha', 'Ben'] });
    expect(after.ranges[1]).toEqual([[0, 100]]);
    expect(after.disagreements).toEqual([]);
    await api['history-undo']({});
    expect((await api['team-agreement-cell']({ codeId, sourceId, coders: ['Aroha', 'Ben'] })).ranges[1]).toEqual([[50, 150]]);
    await api['team-resolve']({ codeId, sourceId, from: 'Ben', consensus: true, range: [60, 140] });
    expect((await api['team-agreement-cell']({ codeId, sourceId, coders: ['Aroha', 'Ben'] })).consensus).toEqual([[60, 140]]);
    expect((await api['team-agreement-cell']({ codeId, sourceId, coders: ['Aroha', 'Ben'] })).ranges[1]).toEqual([[50, 150]]);
  });
});
