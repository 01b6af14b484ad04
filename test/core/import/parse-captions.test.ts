import { describe, expect, it } from 'vitest';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import { parseSrt } from '../../../electron/core/import/parse-srt';
import { parseVtt } from '../../../electron/core/import/parse-vtt';
import { expectImportErrorSync, expectWellFormed, fixtureBytes, slice, turns } from './helpers';

describe('WebVTT: the focus-group fixture', async () => {
  const p = await parseTranscriptFile('focus-group-lived-experience.vtt', fixtureBytes('focus-group-lived-experience.vtt'));

  it('has one turn per cue, since no two consecutive cues share a speaker', () => {
    expect(p.format).toBe('vtt');
    expectWellFormed(p);
    expect(p.blocks).toHaveLength(8);
    expect(p.blocks.every((b) => b.kind === 'turn')).toBe(true);
    expect(p.blocks.map((b) => b.speaker)).toEqual([
      'Facilitator (Sam Lee)',
      'Rachel Moana',
      'David Chen',
      'Rachel Moana',
      'Priya Sharma',
      'David Chen',
      'Facilitator (Sam Lee)',
      'Priya Sharma',
    ]);
  });

  it('keeps timestamps in milliseconds and only the spoken words in the text', () => {
    expect(p.blocks[0]).toMatchObject({ startMs: 1000, endMs: 9500 });
    expect(p.blocks[7]).toMatchObject({ startMs: 104500, endMs: 122000 });
    expect(slice(p, p.blocks[0])).toBe("Thanks everyone for joining on Teams today. We'll start with what peer support has meant for you at work.");
    expect(p.text).not.toContain('<v');
    expect(p.text).not.toContain('Sam Lee');
  });
});

describe('WebVTT: cue handling', () => {
  const vtt = [
    'WEBVTT - exported by Teams',
    'Kind: captions',
    '',
    'NOTE this is a comment',
    'over two lines',
    '',
    'STYLE',
    '::cue { color: yellow }',
    '',
    'intro-1',
    '00:01.000 --> 00:04.000 align:start',
    '<v.loud Aroha Ngata>Kia ora <i>koutou</i>,</v>',
    'welcome &amp; thanks.',
    '',
    '00:00:04.500 --> 00:00:06.000',
    '<v Aroha Ngata><c.yellow>Ka pai</c> [laughs].',
    '',
    '00:00:06.000 --> 00:00:08.000',
    '<v Tama>Kia ora &lt;3&nbsp;whānau',
    '',
    '00:00:08.000 --> 00:00:09.000',
    'Mere: Prefixed speaker.',
    '',
    '00:00:09.000 --> 00:00:10.000',
    'and more from Mere.',
    '',
    '00:00:10.000 --> 00:00:11.000',
    '[applause]',
    '',
    '01:00:00.000 --> 01:00:01.500',
    '<v Tama>Bye.</v>',
    '<v Aroha Ngata>Bye!</v>',
    '',
  ].join('\n');
  const p = parseVtt(vtt, 'inline.vtt');

  it('joins consecutive cues by one speaker into one turn', () => {
    expectWellFormed(p);
    expect(p.blocks.map((b) => [b.kind, b.speaker, slice(p, b)])).toEqual([
      ['turn', 'Aroha Ngata', 'Kia ora koutou, welcome & thanks. Ka pai [laughs].'],
      ['turn', 'Tama', 'Kia ora <3\u00a0whānau'],
      ['turn', 'Mere', 'Prefixed speaker. and more from Mere.'],
      ['note', undefined, '[applause]'],
      ['turn', 'Tama', 'Bye.'],
      ['turn', 'Aroha Ngata', 'Bye!'],
    ]);
    expect(p.blocks[0]).toMatchObject({ startMs: 1000, endMs: 6000 });
    expect(p.blocks[2]).toMatchObject({ startMs: 8000, endMs: 10000 });
    expect(p.blocks[4]).toMatchObject({ startMs: 3_600_000, endMs: 3_601_500 });
    expect(p.annotations.map((a) => a.text)).toEqual(['laughs', 'applause']);
  });

  it('rejects a file without the WEBVTT line', async () => {
    await expectImportErrorSync(() => parseVtt('00:00:01.000 --> 00:00:02.000\nHi\n', 'captions.vtt'), 'captions.vtt', /^not a WebVTT file: the first line must be WEBVTT$/);
  });

  it('rejects a malformed timestamp, naming the line', async () => {
    const e = await expectImportErrorSync(
      () => parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n00:00:03,000 --> 00:00:04.000\nThere\n', 'bad.vtt'),
      'bad.vtt',
      /^line 6: /,
    );
    expect(e.reason).toContain('00:00:03,000');
    await expectImportErrorSync(() => parseVtt('WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHi\n', 'back.vtt'), 'back.vtt', /line 3: .*ends before it starts/);
    await expectImportErrorSync(() => parseVtt('WEBVTT\n\n00:61:00.000 --> 00:62:00.000\nHi\n', 'mins.vtt'), 'mins.vtt', /line 3/);
  });

  it('warns about an empty cue instead of failing', () => {
    const q = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Sam></v>\n\n00:00:02.000 --> 00:00:03.000\n<v Sam>Hi\n', 'empty-cue.vtt');
    expect(q.blocks).toHaveLength(1);
    expect(q.warnings).toEqual(['line 3: cue has no text; skipped']);
  });
});

describe('SRT', async () => {
  const p = await parseTranscriptFile('individual-interview-manager.srt', fixtureBytes('individual-interview-manager.srt'));

  it('joins GEOFF cues 2 and 3 into one turn', () => {
    expect(p.format).toBe('srt');
    expectWellFormed(p);
    expect(p.blocks.map((b) => b.speaker)).toEqual(['INTERVIEWER', 'GEOFF', 'INTERVIEWER', 'GEOFF']);
    const geoff = turns(p)[1]!;
    expect(geoff).toMatchObject({ startMs: 8500, endMs: 35000 });
    expect(slice(p, geoff)).toMatch(/^To be honest .* different\. True peer support is two people/);
    expect(p.text).not.toContain('GEOFF:');
    expect(p.text).toContain('Mind & Body');
  });

  it('handles lower-case speakers, tags, a missing index and dialogue lines', () => {
    const q = parseSrt(
      '1\r\n00:00:01,000 --> 00:00:02,000\ninterviewer: <i>Hello</i>\n\n00:00:02,500 --> 00:00:03,000\n- Geoff: Hi.\n- Sam: Hey.\n',
      'x.srt',
    );
    expect(q.blocks.map((b) => [b.speaker, slice(q, b)])).toEqual([
      ['interviewer', 'Hello'],
      ['Geoff', 'Hi.'],
      ['Sam', 'Hey.'],
    ]);
  });

  it('rejects malformed cues with the line number', async () => {
    await expectImportErrorSync(() => parseSrt('1\n00:00:01,000 -> 00:00:02,000\nHi\n', 'arrow.srt'), 'arrow.srt', /^line 2: .*expected a timing like 00:00:02,000 --> 00:00:08,000/);
    await expectImportErrorSync(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n', 'cut.srt'), 'cut.srt', /^line 5: cue 2 has no timing/);
    await expectImportErrorSync(() => parseSrt('Hello there\n', 'prose.srt'), 'prose.srt', /^line 1: "Hello there" is not a cue number or timing/);
  });
});
