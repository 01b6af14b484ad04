import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../../electron/core/import/parse-text';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import { expectWellFormed, fixtureBytes, slice, turns } from './helpers';

describe('plain text: the hui fixture', async () => {
  const parsed = await parseTranscriptFile('hui-tupu-group-interview.txt', fixtureBytes('hui-tupu-group-interview.txt'));

  it('is well formed and marked as txt', () => {
    expect(parsed.format).toBe('txt');
    expectWellFormed(parsed);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the header lines into metadata, not into the text', () => {
    expect(parsed.metadata).toEqual({
      title: 'Group interview, Kaupapa Māori peer service (day 2)',
      date: '2010-06-15',
      mode: 'tikanga',
      kind: 'tikanga-based group interview',
      facilitators: 'Waiata Henare (facilitator), Koro Hemi (kaumātua)',
      other: {},
    });
    expect(parsed.text).not.toContain('Title:');
    expect(parsed.text).not.toContain('Facilitators:');
  });

  it('has two leading note blocks and one trailing note block', () => {
    const kinds = parsed.blocks.map((b) => b.kind);
    expect(kinds.slice(0, 3)).toEqual(['note', 'note', 'turn']);
    expect(kinds[kinds.length - 1]).toBe('note');
    expect(kinds.filter((k) => k === 'note')).toHaveLength(3);
    expect(slice(parsed, parsed.blocks[1])).toBe('[Karakia tīmatanga led by Koro Hemi. Not recorded.]');
    expect(slice(parsed, parsed.blocks[parsed.blocks.length - 1])).toBe('[Karakia whakamutunga. Not recorded.]');
  });

  it('has one turn per speaker paragraph, labels only in `speaker`', () => {
    const t = turns(parsed);
    expect(t).toHaveLength(13);
    expect(t[0]!.speaker).toBe('Waiata Henare');
    expect(t.map((b) => b.speaker)).toContain('Mere Tawhiri');
    expect(slice(parsed, t[0])).toMatch(/^Kia ora koutou\./);
    const aroha = t.find((b) => b.speaker === 'Aroha Ngata');
    expect(slice(parsed, aroha)).toMatch(/^Kia ora\. For us it starts with whakapapa/);
    for (const label of ['Waiata Henare:', 'Aroha Ngata:', 'Tama Rewiri:', 'Mere Tawhiri:', 'Koro Hemi:']) {
      expect(parsed.text).not.toContain(label);
    }
  });

  it('turns inline bracketed notes into annotations whose range includes the brackets', () => {
    const taps = parsed.annotations.find((a) => a.text === 'taps head');
    expect(taps).toBeDefined();
    expect(parsed.text.slice(taps!.start, taps!.end)).toBe('[taps head]');

    const withdrawn = parsed.annotations.find((a) => a.text.startsWith('Kōrero withdrawn'));
    expect(withdrawn?.text).toBe('Kōrero withdrawn from the record at the request of the speaker.');
    const owner = parsed.blocks.find((b) => b.start <= withdrawn!.start && withdrawn!.end <= b.end);
    expect(owner?.kind).toBe('turn');
    expect(owner?.speaker).toBe('Mere Tawhiri');
    expect(parsed.text.slice(withdrawn!.start, withdrawn!.end)).toBe('[Kōrero withdrawn from the record at the request of the speaker.]');
  });

  it('keeps macrons and spellings exactly as written', () => {
    for (const word of ['whānau', 'Māori', 'kaumātua', 'rōpū', 'Kōrero', 'Maaori', 'whanau health']) {
      expect(parsed.text + JSON.stringify(parsed.metadata)).toContain(word);
    }
  });
});

describe('plain text: turns, continuations and headers', () => {
  it('keeps a turn running over several paragraphs, paragraphs separated by "\\n"', () => {
    const p = parsePlainText('Aroha: First paragraph.\n\nSecond paragraph.\n\nThird one.\n\nTama: Next.\n');
    expectWellFormed(p);
    expect(p.blocks).toHaveLength(2);
    expect(slice(p, p.blocks[0])).toBe('First paragraph.\nSecond paragraph.\nThird one.');
    expect(p.blocks[1]!.speaker).toBe('Tama');
  });

  it('accepts turns on consecutive lines without blank lines, and labels like GEOFF or Facilitator (Sam Lee)', () => {
    const p = parsePlainText("INTERVIEWER: Question?\nGEOFF: Answer.\nFacilitator (Sam Lee): Thanks.\nHēmi te Whata: Kia ora.\nO'Brien: Hi.\n");
    expect(p.blocks.map((b) => b.speaker)).toEqual(['INTERVIEWER', 'GEOFF', 'Facilitator (Sam Lee)', 'Hēmi te Whata', "O'Brien"]);
    expect(p.text).toBe('Question?\n\nAnswer.\n\nThanks.\n\nKia ora.\n\nHi.');
  });

  it('does not take an ordinary sentence with a colon for a speaker', () => {
    const p = parsePlainText('Aroha: He said to me: go home.\n\nHe said to me: go home, and so I did.\n');
    expect(p.blocks).toHaveLength(1);
    expect(slice(p, p.blocks[0])).toBe('He said to me: go home.\nHe said to me: go home, and so I did.');
  });

  it('takes a label alone on its line as the speaker of the lines that follow', () => {
    const p = parsePlainText('INTERVIEWER:\nHow did it start?\n\nGEOFF:\n\nWith a phone call.\n');
    expect(p.blocks.map((b) => [b.speaker, slice(p, b)])).toEqual([
      ['INTERVIEWER', 'How did it start?'],
      ['GEOFF', 'With a phone call.'],
    ]);
  });

  it('does not mistake a turn on the first line for a header, nor a header for a turn', () => {
    const noHeader = parsePlainText('Facilitator: Welcome, everyone.\n\nAroha: Kia ora.\n');
    expect(noHeader.metadata).toEqual({ other: {} });
    expect(noHeader.blocks.map((b) => b.speaker)).toEqual(['Facilitator', 'Aroha']);

    const header = parsePlainText('Title: Round two\nFacilitator: Sam Lee\nTranscribed by: J. Smith\n\nFacilitator: Welcome back.\n');
    expect(header.metadata.title).toBe('Round two');
    expect(header.metadata.facilitators).toBe('Sam Lee');
    expect(header.metadata.other).toEqual({ 'Transcribed by': 'J. Smith' });
    expect(header.blocks).toHaveLength(1);
    expect(header.blocks[0]!.speaker).toBe('Facilitator');
    expect(slice(header, header.blocks[0])).toBe('Welcome back.');
  });

  it('reads a header followed directly by the first turn, and only in the top block', () => {
    const p = parsePlainText('Date: 15/06/2010\nGroup: Peer workers\nAroha: Kia ora.\n\nTitle: not a header down here\n\nAroha: Ka pai.');
    expect(p.metadata).toEqual({ date: '2010-06-15', group: 'Peer workers', other: {} });
    expect(p.blocks.map((b) => b.speaker)).toEqual(['Aroha', 'Title', 'Aroha']);
  });

  it('understands the known header keys case-insensitively and the date formats', () => {
    const p = parsePlainText(
      'TITLE: T\ndate: 15 June 2010\nInterview round: 2\nLocation: Porirua\nNotes: Phone recording\nType: focus group\nDuration: 45 min\n\nA: Hi.\n',
    );
    expect(p.metadata).toEqual({
      title: 'T',
      date: '2010-06-15',
      round: '2',
      location: 'Porirua',
      notes: 'Phone recording',
      kind: 'focus group',
      mode: 'mainstream',
      other: { Duration: '45 min' },
    });
  });

  it('detects tikanga mode from hui and wānanga, keeping the kind as written', () => {
    expect(parsePlainText('Mode: Online hui\n\nA: Hi.').metadata).toMatchObject({ mode: 'tikanga', kind: 'Online hui' });
    expect(parsePlainText('Kind: Wānanga\n\nA: Hi.').metadata).toMatchObject({ mode: 'tikanga', kind: 'Wānanga' });
    expect(parsePlainText('Mode: focus group\n\nA: Hi.').metadata).toMatchObject({ mode: 'mainstream' });
    // "Chui" merely contains the letters.
    expect(parsePlainText('Mode: Chui interview\n\nA: Hi.').metadata.mode).toBe('mainstream');
  });

  it('keeps an unreadable date as written and warns', () => {
    const p = parsePlainText('Title: T\nDate: sometime in June\n\nA: Hi.');
    expect(p.metadata.date).toBeUndefined();
    expect(p.metadata.other).toEqual({ Date: 'sometime in June' });
    expect(p.warnings[0]).toMatch(/not understood as a date/);
  });

  it('makes paragraphs before the first turn text blocks, and a paragraph after a note a text block', () => {
    const p = parsePlainText('Some preamble\nwrapped over two lines.\n\nA: Hi.\n\n[Recording ends.]\n\nTranscribed by Jane.\n');
    expectWellFormed(p);
    expect(p.blocks.map((b) => b.kind)).toEqual(['text', 'turn', 'note', 'text']);
    expect(slice(p, p.blocks[0])).toBe('Some preamble\nwrapped over two lines.');
  });

  it('keeps a bracketed line written straight under a turn inside the turn', () => {
    const p = parsePlainText('A: I said that\n[laughter]\nand we moved on.\n\n[Break]\n');
    expect(p.blocks.map((b) => b.kind)).toEqual(['turn', 'note']);
    expect(p.annotations.map((a) => a.text)).toEqual(['laughter', 'Break']);
  });

  it('does not make annotations of Markdown links or empty brackets', () => {
    const p = parsePlainText('A: See [the plan](https://example.org) and [] and [ ] and [sic].');
    expect(p.annotations.map((a) => a.text)).toEqual(['sic']);
    expect(p.text).toContain('[sic]');
  });
});
