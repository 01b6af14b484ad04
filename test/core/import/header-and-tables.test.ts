/** Header values Focal does not understand are reported, never dropped; .csv/.tsv transcript tables. */
import { describe, expect, it } from 'vitest';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import { parseTable } from '../../../electron/core/import/parse-table';
import { parsePlainText } from '../../../electron/core/import/parse-text';
import { expectWellFormed, fixtureBytes, slice, turns } from './helpers';

describe('header lines', () => {
  it('reads `Mode: Kaupapa Māori group interview` as tikanga-based and reports the keys it does not know', async () => {
    const p = await parseTranscriptFile('mode-header.txt', fixtureBytes('formats/mode-header.txt'));
    expect(p.metadata).toMatchObject({ title: 'Kōrero with the rōpū', mode: 'tikanga', kind: 'Kaupapa Māori group interview' });
    expect(p.metadata.other).toEqual({ Recorder: 'Zoom H4n', Transcriber: 'Ana' });
    expect(p.warnings).toEqual([
      `header "Recorder: Zoom H4n" is not a detail Focal knows; it is kept with the source's details, not in the transcript`,
      `header "Transcriber: Ana" is not a detail Focal knows; it is kept with the source's details, not in the transcript`,
    ]);
  });

  it('recognises kaupapa Maori / Maaori, marae and hui as tikanga-based, focus groups and interviews as mainstream, silently', () => {
    for (const mode of ['kaupapa Maori interview', 'Kaupapa Maaori', 'Marae-based wānanga', 'hui']) {
      const p = parsePlainText(`Mode: ${mode}\n\nA: Hi.`);
      expect([mode, p.metadata.mode, p.warnings]).toEqual([mode, 'tikanga', []]);
    }
    for (const mode of ['focus group', 'Individual interview', 'Online workshop']) {
      const p = parsePlainText(`Mode: ${mode}\n\nA: Hi.`);
      expect([mode, p.metadata.mode, p.warnings]).toEqual([mode, 'mainstream', []]);
    }
  });

  it('asks about a mode it cannot read instead of silently choosing', () => {
    const p = parsePlainText('Mode: Talanoa\n\nA: Hi.');
    expect(p.metadata).toMatchObject({ mode: 'mainstream', kind: 'Talanoa' });
    expect(p.warnings).toEqual(['Mode "Talanoa" was not understood; imported as a mainstream session: change its mode to tikanga-based if it follows tikanga']);
  });
});

describe('.csv and .tsv transcript tables', () => {
  it('Time,Speaker,Text rows become turns with times, whatever the column order', () => {
    const p = parseTable('Speaker,Text,Time\nMere Tawhiri,"Kia ora: welcome.",00:00:04\nWill,Ka pai.,1:02:03\n,"No speaker, a note.",1:02:10\n', 't.csv', 'csv');
    expectWellFormed(p);
    expect(p.blocks.map((b) => [b.kind, b.speaker, b.startMs, slice(p, b)])).toEqual([
      ['turn', 'Mere Tawhiri', 4000, 'Kia ora: welcome.'],
      ['turn', 'Will', 3_723_000, 'Ka pai.'],
      ['text', undefined, 3_730_000, 'No speaker, a note.'],
    ]);
  });

  it('NVivo Timespan\\tContent\\tSpeaker in a .tsv', () => {
    const p = parseTable('Timespan\tContent\tSpeaker\n0:00:00.0 - 0:00:09.2\tKia ora.\tAroha\n', 'nvivo.tsv', 'tsv');
    expect(turns(p).map((b) => [b.speaker, b.startMs, b.endMs])).toEqual([['Aroha', 0, 9200]]);
  });

  it('leaves two-column workshop tables as they were', () => {
    const p = parseTable('Feedback received,Response to feedback\nMore training,Agreed\n', 'w.csv', 'csv');
    expect(p.blocks.map((b) => b.speaker)).toEqual(['Feedback received', 'Response to feedback']);
  });
});
