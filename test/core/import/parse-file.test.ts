import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import { buildDocx } from './docx-builder';
import { expectImportError, expectWellFormed, fixtureBytes, utf8 } from './helpers';

describe('parseTranscriptFile', () => {
  it('dispatches on the extension, case-insensitively, and sets the format', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['a.TXT', utf8('A: Hi.'), 'txt'],
      ['a.md', utf8('# H\n\nA: Hi.'), 'md'],
      ['a.vtt', utf8('WEBVTT\n\n00:01.000 --> 00:02.000\nA: Hi.'), 'vtt'],
      ['a.srt', utf8('1\n00:00:01,000 --> 00:00:02,000\nA: Hi.'), 'srt'],
      ['a.tsv', utf8('Q\tA\nHi\tHo'), 'tsv'],
      ['a.csv', utf8('Q,A\nHi,Ho'), 'csv'],
      ['a.docx', buildDocx(['A: Hi.']), 'docx'],
    ];
    for (const [name, bytes, format] of cases) {
      const p = await parseTranscriptFile(name, bytes);
      expect(p.format, name).toBe(format);
      expectWellFormed(p);
    }
  });

  it('parses a .txt that is really WebVTT or SRT as captions', async () => {
    const vtt = fixtureBytes('focus-group-lived-experience.vtt');
    const p = await parseTranscriptFile('teams-export.txt', vtt);
    expect(p.format).toBe('vtt');
    expect(p.blocks[0]).toMatchObject({ speaker: 'Facilitator (Sam Lee)', startMs: 1000, endMs: 9500 });
    const srt = await parseTranscriptFile('captions.txt', fixtureBytes('individual-interview-manager.srt'));
    expect(srt.format).toBe('srt');
  });

  it('decodes UTF-16 text files before parsing', async () => {
    const text = 'Title: Hui\nMode: hui\n\nAroha: Kia ora whānau.\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    const p = await parseTranscriptFile('hui.txt', bytes);
    expect(p.text).toBe('Kia ora whānau.');
    expect(p.metadata.mode).toBe('tikanga');
  });

  it('rejects files over 50 MB with the size and what to do', async () => {
    const e = await expectImportError(parseTranscriptFile('huge.txt', new Uint8Array(51 * 1024 * 1024)), 'huge.txt', /^is 51\.0 MB; Focal imports files up to 50 MB\. Split it and import the parts\.$/);
    expect(e.message).toBe('huge.txt: is 51.0 MB; Focal imports files up to 50 MB. Split it and import the parts.');
  });

  it('rejects empty and whitespace-only files', async () => {
    await expectImportError(parseTranscriptFile('empty.txt', new Uint8Array()), 'empty.txt', /empty/);
    await expectImportError(parseTranscriptFile('empty.docx', new Uint8Array()), 'empty.docx', /empty/);
    await expectImportError(parseTranscriptFile('blank.md', utf8('\n   \n\t\n')), 'blank.md', /no text/);
  });

  it('rejects binary content whatever the extension claims', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    await expectImportError(parseTranscriptFile('image.txt', png), 'image.txt', /binary/);
  });

  it('rejects unsupported extensions, naming the supported ones', async () => {
    const e = await expectImportError(parseTranscriptFile('notes.pages', utf8('x')), 'notes.pages', /\.pages files cannot be imported/);
    expect(e.reason).toContain('.txt .md .docx .vtt .srt .tsv .csv');
    await expectImportError(parseTranscriptFile('old.doc', utf8('x')), 'old.doc', /save it as \.docx.*\.txt \.md \.docx/);
    await expectImportError(parseTranscriptFile('README', utf8('x')), 'README', /without an extension/);
  });

  it('rejects a file with a header but no transcript', async () => {
    await expectImportError(parseTranscriptFile('header-only.txt', utf8('Title: Hui\nDate: 2010-06-15\n')), 'header-only.txt', /no transcript text found/);
    await expectImportError(parseTranscriptFile('cues.vtt', utf8('WEBVTT\n\nNOTE nothing here\n')), 'cues.vtt', /no transcript text found/);
  });

  it('passes on the format parsers\' errors', async () => {
    await expectImportError(parseTranscriptFile('x.vtt', utf8('Not captions')), 'x.vtt', /first line must be WEBVTT/);
    await expectImportError(parseTranscriptFile('x.docx', utf8('Not a zip')), 'x.docx', /not a zip archive/);
  });
});
