import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import { testCore } from '../../support/core';

const fixtures = join(process.cwd(), 'test/fixtures');
const fixture = (name: string) => ({ name, path: join(fixtures, name) });
const TRANSCRIPTS = ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt', 'individual-interview-manager.srt', 'workshop-feedback.tsv'];

describe('importing the fixture transcripts', () => {
  const { api, core, path } = testCore();

  it('imports all four, each with its speakers, turns and mode', async () => {
    await api['project-new']({ name: 'Fixtures', path: path('fixtures.focal') });
    const progress: number[] = [];
    const off = core.on('progress', (p) => progress.push(p.done));
    const results = await api['import-files']({ files: TRANSCRIPTS.map(fixture) });
    off();
    expect(results.map((r) => [r.fileName, r.status])).toEqual(TRANSCRIPTS.map((f) => [f, 'imported']));
    expect(progress).toEqual([0, 1, 2, 3, 4]);

    const sources = await api['sources-list']({});
    expect(sources).toHaveLength(4);
    const hui = sources.find((s) => s.fileName === 'hui-tupu-group-interview.txt');
    expect(hui).toMatchObject({ title: 'Group interview, Kaupapa Māori peer service (day 2)', mode: 'tikanga', sessionDate: '2010-06-15', format: 'txt' });
    const vtt = sources.find((s) => s.format === 'vtt');
    expect(vtt?.mode).toBe('mainstream');
  });

  it('keeps the hui structure: speakers, notes apart from speech, unrecorded tikanga parts', async () => {
    const hui = (await api['sources-list']({})).find((s) => s.format === 'txt');
    const detail = await api['source-get']({ sourceId: hui!.id });
    expect(detail.speakers.map((s) => s.label).sort()).toEqual(['Aroha Ngata', 'Koro Hemi', 'Mere Tawhiri', 'Tama Rewiri', 'Waiata Henare']);
    expect(detail.facilitators).toContain('Waiata Henare');
    // Speech never contains a speaker label; notes are blocks of their own.
    const turns = detail.blocks.filter((b) => b.kind === 'turn');
    const aroha = detail.speakers.find((s) => s.label === 'Aroha Ngata')!;
    const first = turns.find((t) => t.speakerId === aroha.id)!;
    expect(detail.text.slice(first.start, first.end)).toMatch(/^Kia ora\. For us it starts with whakapapa/);
    for (const t of turns) expect(detail.text.slice(t.start, t.end)).not.toMatch(/^(Aroha Ngata|Waiata Henare):/);
    const notes = detail.blocks.filter((b) => b.kind === 'note');
    expect(notes.length).toBe(3);
    const tapsHead = detail.annotations.find((a) => a.text === 'taps head')!;
    expect(detail.text.slice(tapsHead.start, tapsHead.end)).toBe('[taps head]');
    // Unrecorded opening and closing parts are logged, not text.
    const kinds = detail.parts.map((p) => `${p.phase}:${p.kind}:${p.recorded}`);
    expect(kinds).toEqual(expect.arrayContaining(['opening:whakatau:false', 'opening:mihimihi:false', 'opening:karakia:false']));
    expect(detail.parts.some((p) => p.phase === 'closing' && p.recorded === false)).toBe(true);
    expect(detail.parts.find((p) => p.kind === 'karakia' && p.phase === 'opening')?.ledByLabel).toBe('Koro Hemi');
    // Te reo kept exactly as written.
    expect(detail.text).toContain('whānau');
    expect(detail.text).toContain('Maaori mental health is whanau health');
    expect(detail.text).toBe(detail.text.normalize('NFC'));
  });

  it('keeps VTT timestamps per turn and the facilitator label', async () => {
    const vtt = (await api['sources-list']({})).find((s) => s.format === 'vtt')!;
    const d = await api['source-get']({ sourceId: vtt.id });
    expect(d.speakers.map((s) => s.label)).toContain('Facilitator (Sam Lee)');
    expect(d.speakers.find((s) => s.label === 'Facilitator (Sam Lee)')?.role).toBe('facilitator');
    const first = d.blocks[0]!;
    expect([first.startMs, first.endMs]).toEqual([1000, 9500]);
  });

  it('recognises the same file twice by content and asks', async () => {
    const again = await api['import-files']({ files: [fixture('individual-interview-manager.srt')] });
    expect(again[0]).toMatchObject({ status: 'duplicate', duplicateOf: { title: expect.any(String) } });
    expect(again[0]?.message).toMatch(/^individual-interview-manager\.srt has the same content as/);
    expect(await api['sources-list']({})).toHaveLength(4);
    const forced = await api['import-files']({ files: [fixture('individual-interview-manager.srt')], onDuplicate: 'import' });
    expect(forced[0]?.status).toBe('imported');
    const skipped = await api['import-files']({ files: [fixture('individual-interview-manager.srt')], onDuplicate: 'skip' });
    expect(skipped[0]?.status).toBe('duplicate');
  });

  it('one bad file never stops the others, and leaves nothing half-written', async () => {
    const bad = path('broken.vtt');
    writeFileSync(bad, 'WEBVTT\n\n00:00:01.000 --> banana\n<v Aroha>Kia ora\n');
    const empty = path('empty.txt');
    writeFileSync(empty, '');
    const good = path('short.txt');
    writeFileSync(good, 'Aroha: Kia ora koutou.\n\nTama: Ka pai.\n');
    const before = (await api['project-info']({}))!.counts.sources;
    const results = await api['import-files']({
      files: [{ name: 'broken.vtt', path: bad }, { name: 'empty.txt', path: empty }, { name: 'missing.txt', path: path('missing.txt') }, { name: 'short.txt', path: good }],
    });
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'imported']);
    for (const r of results.slice(0, 3)) {
      expect(r.message).toMatch(new RegExp(`^${r.fileName.replace('.', '\\.')}`));
      expect(r.message).not.toContain('\n');
    }
    expect((await api['project-info']({}))!.counts.sources).toBe(before + 1);
    const db = core.requireProject().db;
    const orphans = db.prepare('SELECT count(*) AS n FROM blocks WHERE source_id NOT IN (SELECT id FROM sources)').get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it('imports bytes sent by the browser (base64) the same as a path', async () => {
    const bytes = readFileSync(join(fixtures, 'hui-tupu-group-interview.txt'));
    const r = await api['import-files']({ files: [{ name: 'hui copy.txt', dataBase64: Buffer.from(bytes).toString('base64') }], onDuplicate: 'import' });
    expect(r[0]).toMatchObject({ status: 'imported', title: 'Group interview, Kaupapa Māori peer service (day 2)' });
  });

  it('edits metadata but never the text, and deletes a transcript with its index rows', async () => {
    const s = (await api['sources-list']({}))[0]!;
    const before = await api['source-get']({ sourceId: s.id });
    const after = await api['source-update']({ sourceId: s.id, title: 'Hui, day 2', location: 'Porirua', round: '2' });
    expect(after).toMatchObject({ title: 'Hui, day 2', location: 'Porirua', round: '2' });
    expect(after.text).toBe(before.text);
    // Memos about the transcript and about one of its coded segments go with it; others stay.
    const frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId); // the hui is tikanga-based: opened to the mainstream frame on purpose
    const code = await api['code-create']({ frameId, name: 'Gone with it' });
    const turn = before.blocks.find((b) => b.kind === 'turn')!;
    const coding = await api['coding-apply']({ codeId: code.id, sourceId: s.id, start: turn.start, end: turn.end });
    const memo = (target: { kind: 'source' | 'coding' | 'project'; id: number | null }) => api['memo-save']({ target, body: '{"root":{"children":[]}}', bodyText: `about ${target.kind}` });
    await memo({ kind: 'source', id: s.id });
    await memo({ kind: 'coding', id: coding.id });
    const kept = await memo({ kind: 'project', id: null });
    await api['source-delete']({ sourceId: s.id });
    expect((await api['memos-list']({})).map((m) => m.id)).toEqual([kept.id]);
    await expect(api['source-get']({ sourceId: s.id })).rejects.toMatchObject({ code: 'not-found' });
    const db = core.requireProject().db;
    const idx = db.prepare('SELECT count(*) AS n FROM search_index WHERE block_id NOT IN (SELECT id FROM blocks)').get() as { n: number };
    expect(idx.n).toBe(0);
  });
});
