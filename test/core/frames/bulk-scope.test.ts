/**
 * Auto-code and "code all results" cover the code's frame's own sessions by default (a mainstream
 * code: not the hui; a kaupapa Māori code: the hui), list hits per session, and apply exactly the
 * hits the person kept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from '../tikanga/setup';

describe('bulk coding takes a scope, defaulting to the frame’s own sessions, and applies what was kept', () => {
  const { api, core, path } = testCore();
  let p: HuiProject;
  let kmCodeId: number;
  const coded = (codeId: number) => core.requireProject().db.prepare('SELECT source_id AS sourceId, start, end FROM codings WHERE code_id = ? ORDER BY source_id, start').all(codeId) as Array<{ sourceId: number; start: number; end: number }>;

  beforeAll(async () => {
    p = await huiProject(api, path('scope.focal'));
    const { frame } = await api['frame-from-template']({ template: 'te-whare-tapa-wha' });
    kmCodeId = (await api['codes-list']({ frameId: frame.id }))[0]!.id;
  });

  it('auto-code: a mainstream code previews only the mainstream session, per session; a kaupapa Māori code only the hui', async () => {
    const main = await api['autocode-preview']({ codeId: p.codeId, pattern: 'peer', wholeWord: true });
    expect(main.scope).toMatchObject({ mode: 'mainstream', chosen: false, frameName: 'Codes' });
    expect(main.perSource.map((s) => [s.sourceTitle, s.mode, s.hits])).toEqual([[p.fg.title, 'mainstream', 3]]);
    expect(main.ranges.every((r) => r.sourceId === p.fg.id)).toBe(true);
    expect(main.notCodable).toBe(0); // the hui is out of scope, not a refusal
    const km = await api['autocode-preview']({ codeId: kmCodeId, pattern: 'peer', wholeWord: true });
    expect(km.scope).toMatchObject({ mode: 'tikanga', chosen: false });
    expect(km.perSource.map((s) => [s.sourceTitle, s.mode, s.hits])).toEqual([[p.hui.title, 'tikanga', 2]]);
    // Mixing is a choice: both modes; the hui stays refused to the mainstream code, and says why.
    const both = await api['autocode-preview']({ codeId: p.codeId, pattern: 'peer', wholeWord: true, mode: 'both' });
    expect(both.scope).toMatchObject({ mode: 'both', chosen: true });
    expect(both.notCodable).toBe(2);
    expect(both.notCodableReason).toMatch(/open only to kaupapa Māori frames/);
    const kmBoth = await api['autocode-preview']({ codeId: kmCodeId, pattern: 'peer', wholeWord: true, mode: 'both' });
    expect(kmBoth.perSource.map((s) => [s.sourceTitle, s.hits])).toEqual([[p.hui.title, 2], [p.fg.title, 3]]);
  });

  it('auto-code applies only the hits left ticked (keep) or all but the unticked (skip)', async () => {
    const pre = await api['autocode-preview']({ codeId: kmCodeId, pattern: 'peer', wholeWord: true });
    const [a, b] = pre.ranges;
    expect(pre.ranges).toHaveLength(2);
    const ref = (r: typeof a) => ({ sourceId: r!.sourceId, start: r!.start, end: r!.end });
    expect(await api['autocode-apply']({ codeId: kmCodeId, pattern: 'peer', wholeWord: true, skip: [ref(a)] })).toEqual({ coded: 1, skipped: 0 });
    expect(coded(kmCodeId)).toEqual([ref(b)]);
    await api['history-undo']({});
    // keep: exactly those; a kept range that was never found (outside the scope) is not coded.
    const fgTurn = p.fg.blocks.find((x) => x.kind === 'turn')!;
    expect(await api['autocode-apply']({ codeId: kmCodeId, pattern: 'peer', wholeWord: true, keep: [ref(a), { sourceId: p.fg.id, start: fgTurn.start, end: fgTurn.end }] })).toEqual({ coded: 1, skipped: 0 });
    expect(coded(kmCodeId)).toEqual([ref(a)]);
    await expect(api['autocode-apply']({ codeId: kmCodeId, pattern: 'peer', keep: [], skip: [] })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('code all results: the same default scope, hits per session, unticked hits left out', async () => {
    const main = await api['search-code-preview']({ query: 'peer', codeId: p.codeId, scope: 'hits' });
    expect(main.scope.mode).toBe('mainstream');
    expect(main.perSource.map((s) => s.sourceTitle)).toEqual([p.fg.title]);
    expect(main.hits.length).toBe(main.ranges);
    expect(main.notCodable).toBe(0);
    const km = await api['search-code-preview']({ query: 'peer', codeId: kmCodeId, scope: 'turns' });
    expect(km.perSource.map((s) => s.sourceTitle)).toEqual([p.hui.title]);
    const both = await api['search-code-preview']({ query: 'peer', codeId: p.codeId, scope: 'hits', mode: 'both' });
    expect(both.notCodable).toBeGreaterThan(0);
    expect(both.notCodableReason).toMatch(/open only to kaupapa Māori frames/);
    const skip = main.hits.slice(0, 1).map((h) => ({ sourceId: h.sourceId, start: h.start, end: h.end }));
    const res = await api['search-code-apply']({ query: 'peer', codeId: p.codeId, scope: 'hits', skip });
    expect(res.coded).toBe(main.ranges - 1);
    const got = coded(p.codeId);
    expect(got.some((g) => g.start === skip[0]!.start && g.sourceId === skip[0]!.sourceId)).toBe(false);
    expect(got.every((g) => g.sourceId === p.fg.id)).toBe(true);
  });
});
