/**
 * Kept apart by default: figures over both mainstream and tikanga-based sessions say so, and each
 * analysis can be narrowed to one mode (matrix, co-occurrence, frequency charts).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });
const MIX = /mix mainstream focus groups and tikanga-based hui/;

describe('one mode at a time, mixing said out loud', () => {
  const { api, path } = testCore();
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    await api['project-new']({ name: 'Modes', path: path('modes.focal') });
    const res = await api['import-files']({ files: [fx('hui-tupu-group-interview.txt'), fx('focus-group-lived-experience.vtt')] });
    const [hui, vtt] = await Promise.all(res.map((r) => api['source-get']({ sourceId: r.sourceId! })));
    expect(hui!.mode).toBe('tikanga');
    expect(vtt!.mode).toBe('mainstream');
    const frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId);
    for (const n of ['Whanaungatanga', 'Paperwork']) ids[n] = (await api['code-create']({ frameId, name: n })).id;
    const turns = (s: typeof hui) => s!.blocks.filter((b) => b.kind === 'turn');
    // Whanaungatanga: 3 turns of the hui, 1 of the focus group; Paperwork overlaps on the first hui turn and the focus group turn.
    await api['coding-apply-blocks']({ codeId: ids.Whanaungatanga!, blockIds: [...turns(hui).slice(0, 3), turns(vtt)[0]!].map((b) => b.id) });
    await api['coding-apply-blocks']({ codeId: ids.Paperwork!, blockIds: [turns(hui)[0]!, turns(vtt)[0]!].map((b) => b.id) });
  });

  it('a matrix over both modes carries the note; one mode does not, and counts only that mode', async () => {
    const both = await api['matrix-run']({ codeIds: [ids.Whanaungatanga!], cols: 'source' });
    expect(both.warnings.some((w) => MIX.test(w))).toBe(true);
    const main = await api['matrix-run']({ codeIds: [ids.Whanaungatanga!], cols: 'source', mode: 'mainstream' });
    expect(main.warnings.some((w) => MIX.test(w))).toBe(false);
    expect(main.rowTotals[0]!.segments).toBe(1);
    const tik = await api['matrix-run']({ codeIds: [ids.Whanaungatanga!], cols: 'source', mode: 'tikanga' });
    expect(tik.rowTotals[0]!.segments).toBe(3);
  });

  it('co-occurrence counts one mode when asked, and notes a mix', async () => {
    const both = await api['codes-cooccurrence']({ codeIds: [ids.Whanaungatanga!, ids.Paperwork!] });
    const w = both.codes.findIndex((c) => c.codeId === ids.Whanaungatanga);
    const p = both.codes.findIndex((c) => c.codeId === ids.Paperwork);
    expect(both.counts[w]![p]).toBe(2);
    expect(both.notes.some((n) => MIX.test(n))).toBe(true);
    const tik = await api['codes-cooccurrence']({ codeIds: [ids.Whanaungatanga!, ids.Paperwork!], mode: 'tikanga' });
    expect(tik.counts[w]![p]).toBe(1);
    expect(tik.counts[w]![w]).toBe(3);
    expect(tik.notes).toEqual([]);
  });

  it('a frequency chart file counts one mode and says which', async () => {
    const img = await api['chart-image']({ chart: { kind: 'frequency', mode: 'mainstream' } });
    expect(img.svg).toMatch(/mainstream sessions/);
    expect(img.svg).not.toMatch(MIX);
    const mixed = await api['chart-image']({ chart: { kind: 'frequency' } });
    expect(mixed.svg).toMatch(/mix mainstream/);
  });
});
