import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../electron/core/import/parse-docx';
import { buildDocx, docxEntries } from './docx-builder';
import { expectImportError, expectWellFormed, slice } from './helpers';

describe('docx', () => {
  it('reads bold speakers, prefix speakers, headers and headings, with macrons kept', async () => {
    const bytes = buildDocx([
      'Title: Hui at Te Rangimarie',
      'Mode: hui',
      '',
      { heading: 1, text: 'Opening' },
      '[Karakia tīmatanga led by Koro Hemi. Not recorded.]',
      [{ text: 'Aroha:', bold: true }, ' Kia ora whānau.'],
      [{ text: 'Tama', bold: true }, ' Kia ora. Māori, Maaori [laughs].'],
      'A second paragraph from Tama.',
      [{ text: 'Mere', bold: true }, ': Colon after the bold.'],
      'Koro Hemi: Prefix speaker, no bold.',
      [{ text: 'Not a speaker', bold: true }],
    ]);
    const p = await parseDocx(bytes, 'hui.docx');
    expectWellFormed(p);
    expect(p.format).toBe('docx');
    expect(p.metadata).toMatchObject({ title: 'Hui at Te Rangimarie', mode: 'tikanga', kind: 'hui' });
    expect(p.blocks.map((b) => [b.kind, b.speaker, slice(p, b)])).toEqual([
      ['heading', undefined, 'Opening'],
      ['note', undefined, '[Karakia tīmatanga led by Koro Hemi. Not recorded.]'],
      ['turn', 'Aroha', 'Kia ora whānau.'],
      ['turn', 'Tama', 'Kia ora. Māori, Maaori [laughs].\nA second paragraph from Tama.'],
      ['turn', 'Mere', 'Colon after the bold.'],
      ['turn', 'Koro Hemi', 'Prefix speaker, no bold.\nNot a speaker'],
    ]);
    expect(p.annotations.map((a) => a.text)).toEqual(['Karakia tīmatanga led by Koro Hemi. Not recorded.', 'laughs']);
  });

  it('reads bold header keys in the top block only', async () => {
    const p = await parseDocx(
      buildDocx([
        [{ text: 'Date:', bold: true }, ' 15/06/2010'],
        [{ text: 'Recorder:', bold: true }, ' Zoom'],
        '',
        [{ text: 'Aroha:', bold: true }, ' Title: not a header.'],
        [{ text: 'Date:', bold: true }, ' a speaker called Date, far down.'],
      ]),
      'header.docx',
    );
    expect(p.metadata).toEqual({ date: '2010-06-15', other: { Recorder: 'Zoom' } });
    expect(p.blocks.map((b) => [b.speaker, slice(p, b)])).toEqual([
      ['Aroha', 'Title: not a header.'],
      ['Date', 'a speaker called Date, far down.'],
    ]);
  });

  it('without an empty paragraph, takes only known keys at the top as the header', async () => {
    const p = await parseDocx(buildDocx(['Title: T', 'Location: Porirua', 'Aroha: Kia ora.', 'Guest: A one-off comment.']), 'tight.docx');
    expect(p.metadata).toEqual({ title: 'T', location: 'Porirua', other: {} });
    expect(p.blocks.map((b) => b.speaker)).toEqual(['Aroha', 'Guest']);
  });

  it('normalises decomposed macrons in the document to NFC', async () => {
    const p = await parseDocx(buildDocx(['Aroha: whānau'.normalize('NFD')]), 'nfd.docx');
    expect(p.text).toBe('whānau');
  });
});

describe('docx safety checks', () => {
  it('rejects a file that is not a zip', async () => {
    await expectImportError(parseDocx(strToU8('Aroha: this is really a text file'), 'fake.docx'), 'fake.docx', /^not a Word \.docx file \(not a zip archive\)$/);
  });

  it('rejects an old .doc / encrypted document (OLE2) with advice', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectImportError(parseDocx(ole, 'old.docx'), 'old.docx', /not a zip archive.*save it as \.docx/);
  });

  it('rejects a zip without word/document.xml', async () => {
    const entries = docxEntries(['x']);
    delete entries['word/document.xml'];
    await expectImportError(parseDocx(zipSync(entries), 'nodoc.docx'), 'nodoc.docx', /word\/document\.xml is missing/);
  });

  it('rejects entries that climb out of the archive (zip slip)', async () => {
    const evil = zipSync({ ...docxEntries(['Aroha: hi']), '../evil': strToU8('boo') });
    await expectImportError(parseDocx(evil, 'slip.docx'), 'slip.docx', /unsafe path "\.\.\/evil"/);
    const absolute = zipSync({ ...docxEntries(['Aroha: hi']), '/etc/passwd': strToU8('boo') });
    await expectImportError(parseDocx(absolute, 'abs.docx'), 'abs.docx', /unsafe path "\/etc\/passwd"/);
  });

  it('rejects a zip bomb from its directory, without unpacking it', async () => {
    const zeros = new Uint8Array(150 * 1024 * 1024);
    const bomb = zipSync({ ...docxEntries(['Aroha: hi']), 'word/media/image1.png': zeros });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const e = await expectImportError(parseDocx(bomb, 'bomb.docx'), 'bomb.docx', /^looks like a zip bomb: 150\.\d MB would be unpacked/);
    expect(performance.now() - started).toBeLessThan(500);
    expect(e.message).toContain('bomb.docx');
  });

  it('rejects a zip whose directory lies about an entry size, stopping once the lie shows', async () => {
    const bytes = buildDocx([`Aroha: ${'kia ora '.repeat(20_000)}`]);
    const declared = 100;
    setDeclaredSize(bytes, 'word/document.xml', declared);
    await expectImportError(parseDocx(bytes, 'liar.docx'), 'liar.docx', /zip bomb: "word\/document\.xml" unpacks to more than the 100 bytes it declares/);
  });

  it('rejects an archive declaring more than 200 MB in total', async () => {
    const bytes = buildDocx(['Aroha: hi']);
    setDeclaredSize(bytes, 'word/styles.xml', 201 * 1024 * 1024);
    await expectImportError(parseDocx(bytes, 'huge.docx'), 'huge.docx', /zip bomb: 20\d\.\d MB would be unpacked/);
  });
});

/** Overwrites the uncompressed size of `name` in the zip's central directory (in place). */
function setDeclaredSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const target = strToU8(name);
  for (let at = 0; at + 46 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength);
    if (entryName.length === target.length && entryName.every((b, i) => b === target[i])) {
      view.setUint32(at + 24, size, true);
      return;
    }
  }
  throw new Error(`no central directory entry for ${name}`);
}
