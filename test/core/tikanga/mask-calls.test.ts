/**
 * The holes issue 12 names, one by one, for a viewer who may not read a restricted (tapu) passage:
 * pseudonymisation review keeps a candidate's kind and offsets but not its words; quoting a
 * selection over the passage is refused; the gate and the check name an undecided identifier in
 * it by kind and position; a kaupapa Māori frame id unmasks exactly as far as mayReadRestricted says.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mayReadRestricted } from '../../../electron/core/tikanga/sensitivity';
import { testCore } from '../../support/core';
import { actAs, buildWorld, MARKER, type World } from './mask-world';

describe('masking restricted passages in review, quoting and gate reasons', () => {
  const { api, core, dir } = testCore();
  const as = actAs(core, dir);
  let w: World;
  const has = (v: unknown) => JSON.stringify(v).includes(MARKER);

  beforeAll(async () => {
    w = await buildWorld(api, join(dir), as);
    as('Aroha Ngata');
  });

  it('pseudo-detect: a candidate inside the passage keeps kind, status and offsets, loses its words; the kaitiaki sees them', async () => {
    const range = { sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end };
    as('Koro Hemi');
    const k = await api['pseudo-detect'](range);
    as('Aroha Ngata');
    const a = await api['pseudo-detect'](range);
    expect(has(k)).toBe(true);
    expect(has(a)).toBe(false);
    expect(a.text.length).toBe(k.text.length);
    expect(a.text).toContain('••••');
    expect(a.candidates.map((c) => [c.start, c.end, c.kind, c.status])).toEqual(k.candidates.map((c) => [c.start, c.end, c.kind, c.status]));
    const inside = a.candidates.filter((c) => c.start + range.start >= w.tapu.start && c.end + range.start <= w.tapu.end);
    expect(inside.length).toBeGreaterThan(0);
    for (const c of inside) expect(c.text).toMatch(/^•+$/);
  });

  it('pseudo-preview and pseudo-scan hold no word of the passage; the scan still counts what is pending in it', async () => {
    const range = { sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end };
    const preview = await api['pseudo-preview'](range);
    expect(has(preview)).toBe(false);
    expect(preview.text).toContain('••••');
    expect(preview.text).toContain('Hutt');
    const scan = await api['pseudo-scan']({ sourceId: w.hui.id });
    expect(has(scan)).toBe(false);
    const hidden = scan.groups.filter((g) => g.text === '••••');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((g) => g.examples.every((e) => e.match.startsWith('•')))).toBe(true);
    // Counts are the kaitiaki's counts: nothing is lost, only the words.
    as('Koro Hemi');
    const full = await api['pseudo-scan']({ sourceId: w.hui.id });
    as('Aroha Ngata');
    expect(scan.counts).toEqual(full.counts);
    const all = await api['pseudo-scan']({});
    expect(has(all)).toBe(false);
  });

  it('the gate names an undecided identifier inside the passage by kind and position, for everyone', async () => {
    for (const who of ['Aroha Ngata', 'Koro Hemi']) {
      as(who);
      const [q] = await api['quotes-list']({ quoteIds: [w.tapuQuoteId] });
      const r = q!.gate.reasons.find((x) => x.code === 'identifier-unresolved')!;
      expect(r.message).not.toContain(MARKER);
      expect(r.message).toMatch(/an undecided name at [\d,]+–[\d,]+ in a restricted passage/);
      expect(r.fix?.candidates ?? []).not.toContainEqual(expect.stringContaining(MARKER));
      const at = r.message.match(/at ([\d,]+)–/)![1]!.replace(/,/g, '');
      expect(Number(at)).toBe(w.tapu.start);
      const check = await api['project-check']({});
      expect(has(check)).toBe(false);
      expect(check.find((p) => p.kind === 'identifiers-pending' && p.sourceId === w.hui.id)?.message).toMatch(/in a restricted passage/);
    }
    as('Aroha Ngata');
    const out = await api['export-quotes']({ selection: { quoteIds: [w.tapuQuoteId] }, format: 'md' });
    expect(has(out)).toBe(false);
    expect(has(await api['quote-copy']({ quoteId: w.tapuQuoteId }))).toBe(false);
  });

  it('an undecided identifier outside the passage is still named in the reason', async () => {
    const [q] = await api['quotes-list']({ quoteIds: [w.tapuQuoteId] });
    const r = q!.gate.reasons.find((x) => x.code === 'identifier-unresolved')!;
    expect(r.message).toContain('“Hutt”');
    expect(r.fix?.candidates).toContain('Hutt');
  });

  it('quote-from-selection over the passage is refused outside what mayReadRestricted allows; the kaitiaki may', async () => {
    const sel = { sourceId: w.hui.id, start: w.tapu.start - 5, end: w.tapu.end + 5 };
    await expect(api['quote-from-selection'](sel)).rejects.toThrow(/restricted \(tapu\)/);
    await expect(api['quote-from-selection']({ ...sel, codeId: w.codeId })).rejects.toThrow(/restricted \(tapu\)/);
    // Next to it, fine.
    const ok = (await api['quote-from-selection']({ sourceId: w.hui.id, start: w.tapu.end + 2, end: w.tamaTurn.end, codeId: null })).quoteId!;
    expect(ok).toBeGreaterThan(0);
    // Widening a quote over it is refused too; trimming a quote that touches it is not.
    await expect(api['quote-update']({ id: ok, start: w.tapu.start })).rejects.toThrow(/restricted \(tapu\)/);
    const trimmed = await api['quote-update']({ id: w.tapuQuoteId, end: w.tamaTurn.end - 1 });
    expect(has(trimmed)).toBe(false);
    expect(trimmed.original).toContain('••••');
    as('Koro Hemi');
    expect((await api['quote-from-selection']({ ...sel, codeId: null })).quoteId).toBeGreaterThan(0);
    as('Aroha Ngata');
  });

  it('a masked candidate (••••) cannot be made a rule or marked not identifying', async () => {
    await expect(api['pseudo-rule-save']({ term: '••••', replacement: '[name]', category: 'third-party' })).rejects.toThrow(/only the kaitiaki can review it/);
    await expect(api['pseudo-decide']({ text: '••••', decision: 'not-identifying' })).rejects.toThrow(/only the kaitiaki can review it/);
  });

  it('accept-all turns no tapu word into a rule (rules are listed to everyone)', async () => {
    await api['pseudo-accept-all']({});
    expect(has(await api['pseudo-rules-list']({}))).toBe(false);
    const scan = await api['pseudo-scan']({ sourceId: w.hui.id, status: 'pending' });
    expect(scan.groups.some((g) => g.text === '••••')).toBe(true);
  });

  it('a kaupapa Māori frame id unmasks exactly where mayReadRestricted says so, and nowhere else', async () => {
    const may = mayReadRestricted(core, w.hui.id, w.kmFrameId);
    const results = [
      await api['source-get']({ sourceId: w.hui.id, frameId: w.kmFrameId }),
      await api['search-run']({ query: 'Whitu', viewFrameId: w.kmFrameId }),
      await api['segments-list']({ codeId: w.kmCodeId }),
      await api['coding-query']({ any: [w.kmCodeId] }),
      await api['glossary-lookup']({ sourceId: w.hui.id, frameId: w.kmFrameId }),
    ];
    expect(results.slice(0, 4).map(has)).toEqual([may, may, may, may]);
    // Calls with no frame of their own never take one from the client.
    expect(mayReadRestricted(core, w.hui.id, undefined)).toBe(false);
    for (const r of [await api['pseudo-scan']({}), await api['passage-marks-list']({}), await api['withdrawal-effects']({ participantId: w.tamaId })]) expect(has(r)).toBe(false);
  });
});
