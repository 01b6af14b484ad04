/** Word exports from Otter, Rev and Microsoft Teams, and transcripts laid out as Word tables (NVivo's too). */
import { describe, expect, it } from 'vitest';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { buildDocx } from './docx-builder';
import { expectWellFormed, slice, turns } from './helpers';

const rows = (p: ParsedTranscript) => turns(p).map((b) => [b.speaker, b.startMs, b.endMs, slice(p, b)]);

describe('Otter and Rev Word exports', () => {
  it('Otter .docx: `Name  0:03` paragraphs, the words in the paragraphs below', async () => {
    const p = await parseTranscriptFile(
      'otter.docx',
      buildDocx([
        'Hui with the rōpū',
        'Tue, 15 June 2010 10:15AM • 1:12:40',
        '',
        'Mere Tawhiri  0:03',
        'Kia ora koutou. He asked: why?',
        '',
        'Hope  1:02:03',
        'Note: this is what I said.',
        'And more.',
      ]),
    );
    expectWellFormed(p);
    expect(rows(p)).toEqual([
      ['Mere Tawhiri', 3000, undefined, 'Kia ora koutou. He asked: why?'],
      ['Hope', 3_723_000, undefined, 'Note: this is what I said.\nAnd more.'],
    ]);
    expect(p.metadata).toMatchObject({ title: 'Hui with the rōpū', date: '2010-06-15' });
  });

  it('Rev .docx: `Speaker 1 (00:00:05):` paragraphs', async () => {
    const p = await parseTranscriptFile(
      'rev.docx',
      buildDocx(['Speaker 1 (00:00:05):', 'Kia ora: welcome.', 'Ngaire Pōtae (01:00:12):', 'Kia ora.', 'Speaker 1: (01:01:00)', 'Ka pai.']),
    );
    expect(rows(p)).toEqual([
      ['Speaker 1', 5000, undefined, 'Kia ora: welcome.'],
      ['Ngaire Pōtae', 3_612_000, undefined, 'Kia ora.'],
      ['Speaker 1', 3_660_000, undefined, 'Ka pai.'],
    ]);
  });
});

describe('Microsoft Teams Word transcripts', () => {
  it('a bold name then a time, the words in the next paragraph', async () => {
    const p = await parseTranscriptFile(
      'teams.docx',
      buildDocx([
        [{ text: 'Aroha Ngata', bold: true }, '   0:03'],
        'Kia ora koutou. Agenda: two things.',
        [{ text: 'Will Baker', bold: true }, ' 1:00:07'],
        'Thanks: good to be here.',
        [{ text: 'Aroha Ngata', bold: true }, ' 1:01:00'],
        'Ka pai.',
      ]),
    );
    expectWellFormed(p);
    expect(rows(p)).toEqual([
      ['Aroha Ngata', 3000, undefined, 'Kia ora koutou. Agenda: two things.'],
      ['Will Baker', 3_607_000, undefined, 'Thanks: good to be here.'],
      ['Aroha Ngata', 3_660_000, undefined, 'Ka pai.'],
    ]);
  });

  it('a bold name paragraph, a time paragraph, then the words', async () => {
    const p = await parseTranscriptFile(
      'teams2.docx',
      buildDocx([[{ text: 'Hēmi Te Whata', bold: true }], '0:03', 'Kia ora.', [{ text: 'Grace', bold: true }], '1:00:07', 'Kia ora anō.']),
    );
    expect(rows(p)).toEqual([
      ['Hēmi Te Whata', 3000, undefined, 'Kia ora.'],
      ['Grace', 3_607_000, undefined, 'Kia ora anō.'],
    ]);
  });

  it('the older layout: a time range, the name, the words (start and end kept)', async () => {
    const p = await parseTranscriptFile(
      'teams-old.docx',
      buildDocx(['0:0:0.0 --> 0:0:3.760', 'Aroha Ngata', 'Kia ora.', '', '1:0:4.0 --> 1:0:9.5', 'Grace', 'Kia ora: anō.']),
    );
    expect(rows(p)).toEqual([
      ['Aroha Ngata', 0, 3760, 'Kia ora.'],
      ['Grace', 3_604_000, 3_609_500, 'Kia ora: anō.'],
    ]);
  });
});

describe('Word tables', () => {
  it('a Time | Speaker | Text table becomes one turn per row, with its times', async () => {
    const p = await parseTranscriptFile(
      'table.docx',
      buildDocx([
        { heading: 1, text: 'Hui transcript' },
        {
          table: [
            ['Time', 'Speaker', 'Text'],
            ['00:00:04', 'Mere Tawhiri', 'Kia ora.\nHe said: come.'],
            ['01:02:03', 'Will', 'Kia ora anō.'],
            ['01:02:09', 'Will', 'A second row by the same speaker.'],
          ],
        },
        'Transcript ends.',
      ]),
    );
    expectWellFormed(p);
    expect(rows(p)).toEqual([
      ['Mere Tawhiri', 4000, undefined, 'Kia ora.\nHe said: come.'],
      ['Will', 3_723_000, undefined, 'Kia ora anō.'],
      ['Will', 3_729_000, undefined, 'A second row by the same speaker.'],
    ]);
    expect(p.text).not.toContain('Speaker');
    expect(p.blocks.map((b) => b.kind)).toEqual(['heading', 'turn', 'turn', 'turn', 'text']);
  });

  it('columns in any order and under other names (Name | Transcript | Timestamp, Speaker | Dialogue)', async () => {
    const p = await parseTranscriptFile(
      'order.docx',
      buildDocx([{ table: [['Name', 'Transcript', 'Timestamp'], ['Aroha', 'Kia ora.', '[00:05]'], ['Tama', 'Ka pai.', '']] }]),
    );
    expect(rows(p)).toEqual([
      ['Aroha', 5000, undefined, 'Kia ora.'],
      ['Tama', undefined, undefined, 'Ka pai.'],
    ]);
    const q = await parseTranscriptFile('dialogue.docx', buildDocx([{ table: [['Speaker:', 'Dialogue'], ['Aroha', 'Kia ora.']] }]));
    expect(rows(q)).toEqual([['Aroha', undefined, undefined, 'Kia ora.']]);
  });

  it("NVivo's transcript export: Timespan | Content | Speaker, start and end kept", async () => {
    const p = await parseTranscriptFile(
      'nvivo.docx',
      buildDocx([
        {
          table: [
            ['Timespan', 'Content', 'Speaker'],
            ['0:00:00.0 - 0:00:09.2', 'Kia ora koutou.', 'Aroha Ngata'],
            ['0:00:09.2 - 1:00:11.5', 'Kia ora.', 'Tama'],
            ['1:00:11.5 - 1:00:20.0', 'A row with no speaker continues.', ''],
          ],
        },
      ]),
    );
    expect(rows(p)).toEqual([
      ['Aroha Ngata', 0, 9200, 'Kia ora koutou.'],
      ['Tama', 9200, 3_611_500, 'Kia ora.\nA row with no speaker continues.'],
    ]);
  });

  it('warns about a time it cannot read, and leaves other tables as paragraphs', async () => {
    const p = await parseTranscriptFile(
      'bad.docx',
      buildDocx([
        { table: [['Region', 'Count'], ['Porirua', '12']] },
        { table: [['Time', 'Speaker', 'Text'], ['soon', 'Aroha', 'Kia ora.']] },
      ]),
    );
    expect(p.warnings).toEqual(['table 2, row 2: "soon" is not a time (expected 00:01:05 or 0:00:00.0 - 0:00:09.2); rows like it keep no time']);
    expect(rows(p)).toEqual([['Aroha', undefined, undefined, 'Kia ora.']]);
    expect(p.text).toContain('Porirua');
  });
});
