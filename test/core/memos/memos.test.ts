import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });
const body = (text: string) => JSON.stringify({ root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } });

describe('memos', () => {
  const { api, path } = testCore();
  let sourceId: number;
  let codeId: number;

  beforeAll(async () => {
    await api['project-new']({ name: 'Memo study', path: path('memos.focal') });
    sourceId = (await api['import-files']({ files: [fx('hui-tupu-group-interview.txt')] }))[0]!.sourceId!;
    const frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId); // the hui is tikanga-based: opened to the mainstream frame on purpose
    codeId = (await api['code-create']({ frameId, name: 'Whānau' })).id;
  });

  it('creates and updates memos on each kind of target, linked back to it', async () => {
    const project = await api['memo-save']({ target: { kind: 'project', id: null }, body: body('Overall: trust first.'), bodyText: 'Overall: trust first.' });
    expect(project).toMatchObject({ target: { kind: 'project', id: null }, targetLabel: 'Project: Memo study', author: 'Test Coder' });
    const src = await api['memo-save']({ target: { kind: 'source', id: sourceId }, body: body('Hui on day 2'), bodyText: 'Hui on day 2' });
    expect(src.targetLabel).toMatch(/^Transcript: Group interview/);
    const updated = await api['memo-save']({ id: src.id, target: { kind: 'source', id: sourceId }, body: body('Hui on day 2, at the marae'), bodyText: 'Hui on day 2, at the marae' });
    expect(updated).toMatchObject({ id: src.id, bodyText: 'Hui on day 2, at the marae' });
    const code = await api['memo-save']({ target: { kind: 'code', id: codeId }, body: body('Whānau as the unit of care'), bodyText: 'Whānau as the unit of care' });
    expect(code.targetLabel).toBe('Code: Whānau');
    const hui = await api['source-get']({ sourceId });
    const at = hui.text.indexOf('whakapapa');
    const coding = await api['coding-apply']({ codeId, sourceId, start: at, end: at + 9 });
    const cm = await api['memo-save']({ target: { kind: 'coding', id: coding.id }, body: body('Whakapapa first'), bodyText: 'Whakapapa first' });
    expect(cm.targetSource).toEqual({ sourceId, start: at, end: at + 9 });
    expect(cm.targetLabel).toContain('“whakapapa”');
    expect(await api['memos-list']({})).toHaveLength(4);
    expect((await api['memos-list']({ targetKind: 'source', targetId: sourceId })).map((m) => m.id)).toEqual([src.id]);
    expect(await api['memo-get']({ id: code.id })).toMatchObject({ body: body('Whānau as the unit of care') });
  });

  it('searches title and text with macrons optional', async () => {
    expect((await api['memos-list']({ query: 'whanau' })).map((m) => m.bodyText)).toEqual(['Whānau as the unit of care']);
    expect((await api['memos-list']({ query: 'MARAE day' })).map((m) => m.bodyText)).toEqual(['Hui on day 2, at the marae']);
    expect(await api['memos-list']({ query: 'kaitiaki' })).toEqual([]);
  });

  it('refuses a memo about something that does not exist, or a project memo with an id', async () => {
    await expect(api['memo-save']({ target: { kind: 'code', id: 9999 }, body: '', bodyText: '' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api['memo-save']({ target: { kind: 'project', id: 3 }, body: '', bodyText: '' })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['memo-save']({ target: { kind: 'source', id: null }, body: '', bodyText: '' })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('deletes a memo as an undoable step, and says so when its target is gone', async () => {
    const [m] = await api['memos-list']({ query: 'whakapapa first' });
    await api['memo-delete']({ id: m!.id });
    expect(await api['memos-list']({ query: 'whakapapa first' })).toEqual([]);
    await api['history-undo']({});
    expect((await api['memos-list']({ query: 'whakapapa first' }))[0]).toMatchObject({ id: m!.id, bodyText: 'Whakapapa first' });
    // Removing the coding (not the memo) leaves the memo, marked as about something deleted.
    const coding = m!.target.id!;
    const seg = (await api['segments-list']({ codeId })).find((s) => s.codingId === coding)!;
    await api['coding-remove']({ codeId, sourceId, start: seg.start, end: seg.end });
    expect((await api['memo-get']({ id: m!.id })).targetLabel).toBe('Coded passage (deleted)');
  });
});
