import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });

describe('auto-coding', () => {
  const { api, path } = testCore();
  let frameId: number;
  let hui: Awaited<ReturnType<(typeof api)['source-get']>>;
  let vtt: Awaited<ReturnType<(typeof api)['source-get']>>;

  beforeAll(async () => {
    await api['project-new']({ name: 'Auto', path: path('auto.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
    const res = await api['import-files']({ files: [fx('hui-tupu-group-interview.txt'), fx('focus-group-lived-experience.vtt')] });
    for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
    hui = await api['source-get']({ sourceId: res[0]!.sourceId! });
    vtt = await api['source-get']({ sourceId: res[1]!.sourceId! });
    frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId); // the hui is tikanga-based: opened to the mainstream frame on purpose
  });

  const occurrences = (text: string, re: RegExp) => [...text.matchAll(re)].length;

  it('previews every match of a text, macrons and double vowels folded, mapped back to the stored text', async () => {
    const code = await api['code-create']({ frameId, name: 'Whānau' });
    const p = await api['autocode-preview']({ codeId: code.id, pattern: 'whanau', wholeWord: true });
    // whānau ×3 and whanau ×1 in the hui; "whanaunga" is not a whole-word match.
    const expected = occurrences(hui.text, /\bwh(ā|a|aa)nau\b/giu) + occurrences(vtt.text, /\bwh(ā|a|aa)nau\b/giu);
    expect(p.count).toBe(expected);
    expect(p.count).toBe(4);
    for (const r of p.ranges) expect(['whānau', 'whanau']).toContain(r.text.toLowerCase());
    expect(p.ranges[0]).toMatchObject({ sourceTitle: hui.title, speaker: expect.any(String) });
    expect(p.ranges[0]!.before.length).toBeGreaterThan(0);
    const loose = await api['autocode-preview']({ codeId: code.id, pattern: 'whanau' });
    expect(loose.count).toBeGreaterThan(p.count); // whanaunga, whakawhanaungatanga
    const maaori = await api['autocode-preview']({ codeId: code.id, pattern: 'māori', wholeWord: true });
    expect(maaori.ranges.map((r) => r.text)).toContain('Maaori');
  });

  it('applies as one undo step, skips what is already coded, and codes whole turns when asked', async () => {
    const code = (await api['codes-list']({ frameId })).find((c) => c.name === 'Whānau')!;
    const first = await api['autocode-apply']({ codeId: code.id, pattern: 'whanau', wholeWord: true });
    expect(first).toEqual({ coded: 4, skipped: 0 });
    expect((await api['history-state']({})).canUndo?.label).toMatch(/Auto-code matches of “whanau” with "Whānau"/);
    const again = await api['autocode-apply']({ codeId: code.id, pattern: 'whanau', wholeWord: true });
    expect(again).toEqual({ coded: 0, skipped: 4 });
    await api['history-undo']({});
    expect((await api['codes-list']({ frameId })).find((c) => c.id === code.id)!.counts.segments).toBe(0);

    const turns = await api['autocode-preview']({ codeId: code.id, pattern: 'whānau', wholeWord: true, scope: 'turn' });
    // Koro Hemi's last turn holds two matches: one turn.
    expect(turns.count).toBe(3);
    for (const r of turns.ranges) {
      const block = hui.blocks.find((b) => b.start === r.start && b.end === r.end);
      expect(block?.kind).toBe('turn');
    }
  });

  it('codes every turn of a speaker by label or by participant', async () => {
    const code = await api['code-create']({ frameId, name: 'Kaumātua voice' });
    const koro = hui.speakers.find((s) => s.label === 'Koro Hemi')!;
    const byLabel = await api['autocode-preview']({ codeId: code.id, speaker: 'koro hemi' });
    expect(byLabel.count).toBe(koro.turnCount);
    expect(byLabel.ranges.every((r) => r.speaker === 'Koro Hemi')).toBe(true);
    expect(koro.participantId).not.toBeNull();
    const byPerson = await api['autocode-preview']({ codeId: code.id, participantId: koro.participantId! });
    expect(byPerson.ranges.map((r) => r.start)).toEqual(byLabel.ranges.map((r) => r.start));
    expect(await api['autocode-apply']({ codeId: code.id, speaker: 'Koro Hemi' })).toEqual({ coded: koro.turnCount, skipped: 0 });
    const segs = await api['segments-list']({ codeId: code.id });
    expect(segs.every((s) => s.speakers.length === 1 && s.speakers[0]!.label === 'Koro Hemi')).toBe(true);
  });

  it('refuses an ambiguous or empty request', async () => {
    const [code] = await api['codes-list']({ frameId });
    await expect(api['autocode-preview']({ codeId: code!.id, pattern: 'x', speaker: 'Koro Hemi' })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['autocode-preview']({ codeId: code!.id })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['autocode-preview']({ codeId: code!.id, pattern: '  ' })).rejects.toMatchObject({ code: 'bad-input' });
    const none = await api['autocode-preview']({ codeId: code!.id, speaker: 'Nobody' });
    expect(none).toMatchObject({ count: 0, ranges: [] });
  });
});
