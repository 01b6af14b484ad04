/** Otter, Rev, Descript, Trint and Sonix text exports: speakers, times, titles, and words kept as written. */
import { describe, expect, it } from 'vitest';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import { parsePlainText } from '../../../electron/core/import/parse-text';
import { expectWellFormed, fixtureBytes, slice, turns } from './helpers';

const parse = (name: string) => parseTranscriptFile(name, fixtureBytes(`formats/${name}`));
const rows = (p: Awaited<ReturnType<typeof parse>>) => turns(p).map((b) => [b.speaker, b.startMs, slice(p, b)]);

describe('Otter.ai text export', async () => {
  const p = await parse('otter-hui.txt');

  it('takes speakers and start times from the `Name  m:ss` lines, over an hour too', () => {
    expectWellFormed(p);
    expect(rows(p)).toEqual([
      ['Mere Tawhiri', 3_000, 'Kia ora koutou. My mokopuna asked me: why do we do this?'],
      ['Hēmi Te Whata', 45_000, 'Because the whānau said so.\nNote: that was the first time we spoke of it.'],
      ['Will', 750_000, 'I will say one thing. Aroha: she told me that herself.'],
      ['Mere Tawhiri', 3_723_000, 'Ka pai. We finish with a karakia.\n[laughter]'],
      ['Will', 4_325_000, 'Kia ora.'],
    ]);
  });

  it('never leaves a label or a time line in the quotable text', () => {
    for (const gone of ['0:03', '0:45', 'Mere Tawhiri', 'Hēmi Te Whata  ', '1:02:03']) expect(p.text).not.toContain(gone);
  });

  it('reads the title line and the date line, keeping the line as written', () => {
    expect(p.metadata.title).toBe('Hui with the rōpū, Porirua');
    expect(p.metadata.date).toBe('2010-06-15');
    expect(p.metadata.other).toEqual({ Recorded: 'Tue, 15 June 2010 10:15AM • 1:12:40' });
  });

  it("keeps Otter's footer as prose, not as part of the last turn", () => {
    const last = p.blocks[p.blocks.length - 1]!;
    expect([last.kind, slice(p, last)]).toEqual(['text', 'Transcribed by https://otter.ai']);
  });

  it('never takes a `Key: value` line before the first turn for the title, and keeps it as written', () => {
    const q = parsePlainText('Keywords: whānau, mahi\n\nAroha  0:03\nKia ora.\n\nTama  0:10\nKia ora anō.\n');
    expect(q.metadata.title).toBeUndefined();
    expect(q.blocks.map((b) => [b.kind, slice(q, b)])[0]).toEqual(['text', 'Keywords: whānau, mahi']);
  });

  it('needs more than one space between name and time unless the file shows the pattern', () => {
    const single = parsePlainText('Aroha 0:03\nKia ora.\n\nTama 0:10\nKia ora anō.\n\nAroha 0:20\nKa pai.\n');
    expect(turns(single).map((b) => [b.speaker, b.startMs])).toEqual([
      ['Aroha', 3000],
      ['Tama', 10000],
      ['Aroha', 20000],
    ]);
    // A programme in a report: names and times, but no words below each and nothing recurring.
    const programme = parsePlainText('Programme\n\nRegistration 9:00\nOpening 9:30\nLunch 12:00\n');
    expect(turns(programme)).toEqual([]);
    expect(programme.text).toContain('Registration 9:00');
  });
});

describe('Rev text export', async () => {
  const p = await parse('rev-interview.txt');

  it('reads `Speaker 1 (00:00:05):`, `Name (00:05):` and `Name: (00:05)` with their times', () => {
    expectWellFormed(p);
    expect(rows(p)).toEqual([
      ['Speaker 1', 5_000, 'Thanks for coming in. Can you tell me: how did it start?'],
      ['Ngaire Pōtae', 12_000, 'It started with a phone call from my cousin.\nShe said: come and see.'],
      ['Speaker 1', 3_909_000, 'And now?'],
      ['Ngaire Pōtae', 3_930_000, 'Now I run the group. Date: every Tuesday.'],
    ]);
    expect(p.metadata.title).toBe('Interview with a peer support worker');
    expect(p.text).not.toMatch(/\(\d\d:\d\d/);
  });

  it('reads a Rev label with the words on the same line', () => {
    const q = parsePlainText('Speaker 1 (00:05): Kia ora.\nSpeaker 2 (01:00:07): Kia ora: welcome.\n');
    expect(rows(q)).toEqual([
      ['Speaker 1', 5000, 'Kia ora.'],
      ['Speaker 2', 3_607_000, 'Kia ora: welcome.'],
    ]);
  });
});

describe('Descript, Trint and Sonix styles', () => {
  const expected = (a: string, b: string) => [
    [a, 4_000, expect.stringMatching(/^Kia ora, welcome/)],
    [b, 70_000, expect.stringMatching(/^Having someone who gets it/)],
    [a, 3_602_000, expect.any(String)],
  ];

  it('`[00:00:04] Name: words`', async () => {
    const p = await parse('descript-inline.txt');
    expectWellFormed(p);
    expect(rows(p)).toEqual(expected('Aroha Ngata', 'Grace'));
    expect(slice(p, turns(p)[0])).toBe("Kia ora, welcome. Today's question: what helps?");
    expect(p.annotations).toEqual([]);
  });

  it('`Name [00:00:04]: words`', async () => {
    const p = await parse('trint-name-time.txt');
    expect(rows(p)).toEqual(expected('Aroha Ngata', 'Grace'));
    expect(slice(p, turns(p)[1])).toBe("Having someone who gets it: that's it.");
  });

  it('`00:00:04 Name: words`', async () => {
    const p = await parse('sonix-time-name.txt');
    expect(rows(p)).toEqual(expected('Tāne Rāwiri', 'Hope'));
    expect(slice(p, turns(p)[2])).toBe('Ka kite: see you.');
  });

  it('`[00:00:04]` lines before `Name: words`; a time line before no label stays as written', async () => {
    const p = await parse('time-lines.txt');
    expectWellFormed(p);
    expect(rows(p)).toEqual(expected('Aroha Ngata', 'Grace'));
    expect(p.blocks.slice(3).map((b) => [b.kind, slice(p, b)])).toEqual([
      ['note', '[01:00:30]'],
      ['note', '[Recording ends.]'],
    ]);
  });
});

describe('timed labels that are not a transcript', () => {
  it('one timed label in a document is prose (a programme line, a total in a table)', () => {
    const report = `The day went well.\n\nLunch: (12:30) in the foyer.\n\n${'Then we met again and talked about the mahi. '.repeat(150)}\n`;
    const p = parsePlainText(report);
    expect(turns(p)).toEqual([]);
    expect(p.text).toContain('Lunch: (12:30) in the foyer.');
    // In a transcript, the same shape is a turn whose words start with a time.
    const t = parsePlainText('Aroha: Kia ora.\n\nTama: Kia ora.\n\nAroha: (10:30) we started.\n');
    expect(turns(t).map((b) => [b.speaker, b.startMs, slice(t, b)])).toEqual([
      ['Aroha', undefined, 'Kia ora.'],
      ['Tama', undefined, 'Kia ora.'],
      ['Aroha', undefined, '(10:30) we started.'],
    ]);
    const q = parsePlainText('Time spent\n\nTotal  3:45\nfor the whole session.\n');
    expect(turns(q)).toEqual([]);
    expect(q.text).toContain('Total  3:45');
  });

  it('Zoom: `[Name] 10:15:03` lines, the words below', () => {
    const p = parsePlainText('[Aroha Ngata] 10:15:03\nKia ora: welcome.\n\n[Tama Rewiri] 10:15:20\nKia ora.\n');
    expect(turns(p).map((b) => [b.speaker, b.startMs, slice(p, b)])).toEqual([
      ['Aroha Ngata', 36_903_000, 'Kia ora: welcome.'],
      ['Tama Rewiri', 36_920_000, 'Kia ora.'],
    ]);
  });
});
