/** What an import reports and stores for the new formats: title and where it came from, mode, per-turn times, warnings. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { buildDocx } from './docx-builder';

const fixture = (name: string) => ({ name, path: join(process.cwd(), 'test/fixtures/formats', name) });

describe('import result and stored times', () => {
  const { api, path } = testCore();

  it('stores each Otter turn with its start time and reports the title line as the title', async () => {
    await api['project-new']({ name: 'Formats', path: path('formats.focal') });
    const [r] = await api['import-files']({ files: [fixture('otter-hui.txt')] });
    expect(r).toMatchObject({ status: 'imported', title: 'Hui with the rōpū, Porirua', titleFrom: 'file', mode: 'mainstream', timed: true, warnings: [] });
    expect(r!.speakers).toEqual(['Mere Tawhiri', 'Hēmi Te Whata', 'Will']);
    const d = await api['source-get']({ sourceId: r!.sourceId! });
    expect(d.sessionDate).toBe('2010-06-15');
    const turns = d.blocks.filter((b) => b.kind === 'turn');
    expect(turns.map((b) => b.startMs)).toEqual([3000, 45_000, 750_000, 3_723_000, 4_325_000]);
    expect(d.text.slice(turns[0]!.start, turns[0]!.end)).toBe('Kia ora koutou. My mokopuna asked me: why do we do this?');
  });

  it('stores start and end from an NVivo table in Word', async () => {
    const file = path('nvivo.docx');
    writeFileSync(file, buildDocx([{ table: [['Timespan', 'Content', 'Speaker'], ['0:00:00.0 - 0:00:09.2', 'Kia ora.', 'Aroha'], ['1:00:00.0 - 1:00:02.5', 'Ka pai.', 'Tama']] }]));
    const [r] = await api['import-files']({ files: [{ name: 'nvivo.docx', path: file }] });
    expect(r).toMatchObject({ status: 'imported', titleFrom: 'file name', title: 'nvivo', speakers: ['Aroha', 'Tama'], timed: true });
    const d = await api['source-get']({ sourceId: r!.sourceId! });
    expect(d.blocks.map((b) => [b.startMs, b.endMs])).toEqual([
      [0, 9200],
      [3_600_000, 3_602_500],
    ]);
  });

  it("takes the title from the first heading when the file has no title of its own", async () => {
    const file = path('kōrero.md');
    writeFileSync(file, '# Hui at Te Rangimarie\n\nAroha: Kia ora.\n');
    const [r] = await api['import-files']({ files: [{ name: 'kōrero.md', path: file }] });
    expect(r).toMatchObject({ title: 'Hui at Te Rangimarie', titleFrom: 'heading', timed: false });
  });

  it('reports header values it does not understand, and the tikanga-based mode it read', async () => {
    const [r] = await api['import-files']({ files: [fixture('mode-header.txt')] });
    expect(r).toMatchObject({ status: 'imported', mode: 'tikanga', title: 'Kōrero with the rōpū' });
    expect(r!.warnings).toHaveLength(2);
    expect(r!.warnings![0]).toMatch(/^header "Recorder: Zoom H4n" is not a detail Focal knows/);
  });
});

describe('import result: mixed encodings', () => {
  const { api, path } = testCore();

  it('warns in the result, naming the file and line, when a transcript mixes UTF-8 and Windows-1252 lines', async () => {
    await api['project-new']({ name: 'Mixed', path: path('mixed.focal') });
    const iconv = (await import('iconv-lite')).default;
    const file = path('mixed.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Aroha: Kia ora whānau.\n\n', 'utf8'), iconv.encode('Renée: Bonjour, café.\n', 'windows-1252')]));
    const [r] = await api['import-files']({ files: [{ name: 'mixed.txt', path: file }] });
    expect(r).toMatchObject({ status: 'imported', speakers: ['Aroha', 'Renée'] });
    expect(r!.warnings).toEqual([expect.stringMatching(/^mixed\.txt: mixes UTF-8 and Windows-1252 text: line 3 is Windows-1252/)]);
    const d = await api['source-get']({ sourceId: r!.sourceId! });
    expect(d.text).toContain('Kia ora whānau.');
    expect(d.text).toContain('Bonjour, café.');
  });
});
