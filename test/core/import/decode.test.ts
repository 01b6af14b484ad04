import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeTranscriptBytes } from '../../../electron/core/import/decode';
import { expectImportErrorSync, utf8 } from './helpers';

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const BOM_UTF8 = new Uint8Array([0xef, 0xbb, 0xbf]);
const BOM_LE = new Uint8Array([0xff, 0xfe]);
const BOM_BE = new Uint8Array([0xfe, 0xff]);

describe('decodeTranscriptBytes', () => {
  const reo = 'Title: Hui\n\nAroha: Kia ora whānau. Māori, Maaori, whanau [sic] — “quoted”.\n';

  it('decodes UTF-8 with and without BOM, UTF-16LE/BE with and without BOM to the same text', () => {
    const variants = {
      utf8: utf8(reo),
      utf8Bom: concat(BOM_UTF8, utf8(reo)),
      utf16leBom: concat(BOM_LE, iconv.encode(reo, 'utf-16le')),
      utf16le: iconv.encode(reo, 'utf-16le'),
      utf16beBom: concat(BOM_BE, iconv.encode(reo, 'utf-16be')),
      utf16be: iconv.encode(reo, 'utf-16be'),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      expect(decodeTranscriptBytes(bytes, `${name}.txt`), name).toBe(reo);
    }
  });

  it('falls back to Windows-1252 for text that is not UTF-8', () => {
    const s = 'Facilitator: café – naïve, “smart quotes” and €5.\n';
    const bytes = iconv.encode(s, 'windows-1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeTranscriptBytes(bytes, 'old.txt')).toBe(s);
    // ...and it is the same string the UTF-8 and UTF-16 versions give.
    expect(decodeTranscriptBytes(concat(BOM_LE, iconv.encode(s, 'utf-16le')), 'new.txt')).toBe(s);
    expect(decodeTranscriptBytes(concat(BOM_UTF8, utf8(s)), 'new.txt')).toBe(s);
  });

  it('normalises decomposed macrons to NFC without changing spelling', () => {
    const nfd = 'Aroha: whānau, Māori, Maaori'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const text = decodeTranscriptBytes(utf8(nfd), 'nfd.txt');
    expect(text).toBe('Aroha: whānau, Māori, Maaori');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('Maaori');
  });

  it('turns CRLF and CR line endings into LF', () => {
    expect(decodeTranscriptBytes(utf8('A: one\r\nB: two\rC: three\n'), 'crlf.txt')).toBe('A: one\nB: two\nC: three\n');
  });

  it('rejects empty and whitespace-only files, naming the file', async () => {
    await expectImportErrorSync(() => decodeTranscriptBytes(new Uint8Array(), 'empty.txt'), 'empty.txt', /empty/);
    await expectImportErrorSync(() => decodeTranscriptBytes(utf8('  \n\t\r\n  \n'), 'blank.txt'), 'blank.txt', /no text/);
    await expectImportErrorSync(
      () => decodeTranscriptBytes(concat(BOM_LE, iconv.encode(' \n \n', 'utf-16le')), 'blank16.txt'),
      'blank16.txt',
      /no text/,
    );
  });

  it('rejects binary files: a PNG, and text full of control characters', async () => {
    const png = new Uint8Array(2048);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    let seed = 7;
    for (let i = 16; i < png.length; i++) png[i] = seed = (seed * 1103515245 + 12345) & 0xff;
    await expectImportErrorSync(() => decodeTranscriptBytes(png, 'photo.txt'), 'photo.txt', /binary/);

    const controls = utf8('Aroha: hi\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f');
    await expectImportErrorSync(() => decodeTranscriptBytes(controls, 'ctrl.txt'), 'ctrl.txt', /binary/);
  });

  it('tolerates a stray control character such as a DOS end-of-file mark', () => {
    expect(decodeTranscriptBytes(utf8(`${'Aroha: Kia ora. '.repeat(20)}\u001a`), 'dos.txt')).toContain('Kia ora');
  });

  it('rejects a UTF-8 BOM followed by bytes that are not UTF-8', async () => {
    await expectImportErrorSync(
      () => decodeTranscriptBytes(concat(BOM_UTF8, iconv.encode('café', 'windows-1252')), 'liar.txt'),
      'liar.txt',
      /not valid UTF-8/,
    );
  });
});

describe('mixed encodings', () => {
  it('reads a transcript that mixes UTF-8 and Windows-1252 lines line by line, and says which lines', async () => {
    const { decodeTextBytes } = await import('../../../electron/core/import/decode');
    const bytes = concat(utf8('Aroha: Kia ora whānau.\n'), iconv.encode('Renée: Bonjour – café.\n', 'windows-1252'), utf8('Aroha: Ka pai, Māori.\n'));
    const { text, warnings } = decodeTextBytes(bytes, 'mixed.txt');
    expect(text).toBe('Aroha: Kia ora whānau.\nRenée: Bonjour – café.\nAroha: Ka pai, Māori.\n');
    expect(warnings).toEqual([expect.stringMatching(/^mixed\.txt: mixes UTF-8 and Windows-1252 text: line 2 is Windows-1252, the rest UTF-8/)]);
    // A file wholly in one encoding has no warning.
    expect(decodeTextBytes(iconv.encode('Renée: café\nJosé: olé\n', 'windows-1252'), 'old.txt').warnings).toEqual([]);
    expect(decodeTextBytes(utf8('Aroha: whānau\n'), 'new.txt').warnings).toEqual([]);
  });
});
