/**
 * Registers arrive as Excel and Notepad save them: UTF-16 with a BOM ("Unicode Text", tab
 * separated), Windows-1252 ("CSV"), and files edited in two programs that mix UTF-8 lines with
 * Windows-1252 ones. Each is read as the transcript importer reads text; a mixed file is read line
 * by line in the encoding that reads each cleanly, with a warning naming the lines.
 */
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64');

describe('register encodings', () => {
  const { api, path } = testCore();
  let n = 0;
  beforeEach(async () => {
    await api['project-new']({ name: 'Register', path: path(`reg-${++n}.focal`) });
  });
  const names = async () => (await api['participants-list']({})).filter((p) => p.kind === 'person').map((p) => p.name).sort();

  it('reads a UTF-16LE register with a BOM (tab separated, as Excel saves "Unicode Text") with its macrons', async () => {
    const text = 'name\trole\tgroup\nHēmi Te Whata\tparticipant\tRōpū Ā\nMere Tāwhiri\tkaumātua\tRōpū Ā\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const r = await api['participants-import-csv']({ fileName: 'register.txt', dataBase64: b64(bytes) });
    expect(r).toMatchObject({ created: 2, groupsCreated: 1, warnings: [] });
    expect(await names()).toEqual(['Hēmi Te Whata', 'Mere Tāwhiri']);
    expect((await api['participants-list']({})).find((p) => p.name === 'Mere Tāwhiri')?.role).toBe('kaumātua');
  });

  it('reads UTF-16BE with a BOM too', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('name,role\nWiremu Pōtae,participant\n', 'utf-16be')]);
    await api['participants-import-csv']({ fileName: 'be.csv', dataBase64: b64(bytes) });
    expect(await names()).toEqual(['Wiremu Pōtae']);
  });

  it('reads a Windows-1252 register (Excel "CSV") without mojibake', async () => {
    const bytes = iconv.encode('name,notes\nRenée O’Brien,“prefers email” – €0\nJosé Ngata,\n', 'windows-1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await api['participants-import-csv']({ fileName: 'excel.csv', dataBase64: b64(bytes) });
    expect(r.warnings).toEqual([]);
    expect(await names()).toEqual(['José Ngata', 'Renée O’Brien']);
    expect((await api['participants-list']({})).find((p) => p.name === 'Renée O’Brien')?.notes).toBe('“prefers email” – €0');
  });

  it('warns, naming the file and lines, when UTF-8 and Windows-1252 lines are mixed, and reads each line cleanly', async () => {
    const bytes = Buffer.concat([
      Buffer.from('name,role\nHēmi Te Whata,participant\n', 'utf8'),
      iconv.encode('Renée Smith,facilitator\n', 'windows-1252'),
      Buffer.from('Mere Tāwhiri,kaumātua\n', 'utf8'),
    ]);
    const r = await api['participants-import-csv']({ fileName: 'edited.csv', dataBase64: b64(bytes) });
    expect(await names()).toEqual(['Hēmi Te Whata', 'Mere Tāwhiri', 'Renée Smith']);
    expect(r.warnings).toEqual([expect.stringMatching(/^edited\.csv: mixes UTF-8 and Windows-1252 text: line 3 is Windows-1252, the rest UTF-8; each line was read in the encoding that reads it cleanly/)]);
  });

  it('a binary file or an empty one is refused naming the file, with nothing written', async () => {
    await expect(api['participants-import-csv']({ fileName: 'photo.csv', dataBase64: b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0])) })).rejects.toMatchObject({
      code: 'import-failed',
      message: expect.stringMatching(/^photo\.csv: looks like a binary file, not text; save the register as CSV/),
    });
    await expect(api['participants-import-csv']({ fileName: 'none.csv', dataBase64: '' })).rejects.toMatchObject({ code: 'import-failed', message: expect.stringMatching(/^none\.csv: the file is empty/) });
    await expect(api['participants-import-csv']({ fileName: 'x.csv' } as never)).rejects.toMatchObject({ code: 'bad-input' });
    expect(await names()).toEqual([]);
  });
});
