/**
 * utf16-offsets-everywhere: offsets are UTF-16 code units (JavaScript's), but SQLite's length()
 * counts code points. With emoji (astral characters, two units each) early in a transcript, every
 * call that takes a range must still accept its last turn.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { addPerson, addTranscript, mapSpeaker } from '../gate/gate-fixture';

describe('range-taking calls on a transcript with emoji', () => {
  const { api, core, path } = testCore();
  const db = () => core.requireProject().db;
  let sourceId = 0;
  let last = { start: 0, end: 0 };
  let codeId = 0;

  beforeAll(async () => {
    await api['project-new']({ name: 'Emoji', path: path('emoji.focal') });
    const ana = addPerson(db(), { name: 'Ana Pōtae', pseudonym: 'Mele', quote: 'yes', named: 'no' });
    const t = addTranscript(db(), 'Chat', 'mainstream', [
      { label: 'Ana', text: 'We sent 🙂🙂🙂 and 🌿🌿 and 👍🏽 to the group chat every morning.' },
      { label: 'Ana', text: 'The last thing anyone said was that it helped a lot.' },
    ]);
    mapSpeaker(db(), t.speakers.get('Ana')!, ana);
    sourceId = t.sourceId;
    last = t.ranges.at(-1)!;
    expect(t.text.length).toBeGreaterThan([...t.text].length);
    const [frame] = await api['frames-list']({});
    codeId = (await api['code-create']({ frameId: frame!.id, name: 'Support' })).id;
  });

  it('codes, quotes, marks and trims the last turn', async () => {
    const words = 'The last thing anyone said was that it helped';
    const copy = await api['selection-copy']({ ranges: [{ sourceId, start: last.start, end: last.start + words.length }], via: 'clipboard', preview: true });
    expect(copy.text).toBe(`“${words}” (Mele, participant)`);
    await api['coding-apply']({ codeId, sourceId, start: last.start, end: last.end });
    const q = await api['quote-from-selection']({ sourceId, start: last.start, end: last.end, codeId });
    expect(q.quoteId).toBeGreaterThan(0);
    const trimmed = await api['quote-update']({ id: q.quoteId!, start: last.start, end: last.end - 1 });
    expect(trimmed.end).toBe(last.end - 1);
    const mark = await api['passage-mark-add']({ sourceId, start: last.end - 10, end: last.end, kind: 'withdrawn', reason: 'asked' });
    expect(mark.end).toBe(last.end);
    const ids = await api['quotes-from-code']({ codeId, includeChildren: true });
    expect(ids.length).toBeGreaterThan(0);
    const range = await api['pseudo-detect']({ sourceId, start: last.start, end: last.end });
    expect(range.text).toBe('The last thing anyone said was that it helped a lot.');
    const preview = await api['pseudo-preview']({ sourceId, start: last.start, end: last.end });
    expect(preview.text).toBe('The last thing anyone said was that it helped a lot.');
  });

  it('still refuses a range past the UTF-16 end', async () => {
    const end = last.end + 1;
    await expect(api['quote-from-selection']({ sourceId, start: last.start, end, codeId })).rejects.toThrow(/range/);
    await expect(api['passage-mark-add']({ sourceId, start: last.start, end, kind: 'withdrawn', reason: 'x' })).rejects.toThrow(/range/);
  });
});

describe('import takes the format from the file it reads', () => {
  const { api, path } = testCore();
  it('a .txt path given the name "x.docx" is read as text, under its own name', async () => {
    const { writeFileSync } = await import('node:fs');
    await api['project-new']({ name: 'Names', path: path('names.focal') });
    const file = path('talk.txt');
    writeFileSync(file, 'Ana: Kia ora koutou.\n\nBen: Kia ora.\n');
    const [r] = await api['import-files']({ files: [{ name: 'x.docx', path: file }] });
    expect(r).toMatchObject({ status: 'imported', fileName: 'talk.txt' });
    expect(r!.speakers).toEqual(['Ana', 'Ben']);
  });
});
