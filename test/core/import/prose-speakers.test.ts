/** Reports and other prose: no invented speakers, and a turn that swallowed the document is reported. */
import { describe, expect, it } from 'vitest';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import { parsePlainText } from '../../../electron/core/import/parse-text';
import { buildDocx } from './docx-builder';
import { expectWellFormed, fixtureBytes, slice, turns, utf8 } from './helpers';

/** Prose paragraphs without any colon: `n` paragraphs of about 60 words. */
function prose(n: number): string[] {
  const words = 'whānau services peer support workers described how the kaupapa shaped their mahi and their training over many years'.split(' ');
  return Array.from({ length: n }, (_, i) => Array.from({ length: 60 }, (_, j) => words[(i * 7 + j) % words.length]).join(' ') + '.');
}

describe('a long report in plain text', async () => {
  const report = `${new TextDecoder().decode(fixtureBytes('formats/report-front.txt'))}\n${prose(400).join('\n\n')}\n\nReferences:\n\nSmith, J. (2009). A study.\n`;
  const p = await parseTranscriptFile('report.txt', utf8(report));

  it('has no speakers at all', () => {
    expectWellFormed(p);
    expect(turns(p)).toEqual([]);
  });

  it('keeps contact and date lines as prose, as written', () => {
    for (const line of ['Tel: 04 123 4567', 'Email: reports@example.org.nz', 'Date: June 2010']) expect(p.text).toContain(line);
  });

  it('makes section words alone on their line headings, as written', () => {
    const headings = p.blocks.filter((b) => b.kind === 'heading').map((b) => slice(p, b));
    expect(headings).toEqual(['Contents:', 'Acknowledgements:', 'References:']);
  });

  it('reports no suspect turn, because there are none', () => {
    expect(p.warnings).toEqual([]);
  });
});

describe('a long report in Word', () => {
  it('has no speakers from bold section labels, contact lines or heading styles', async () => {
    const p = await parseTranscriptFile(
      'report.docx',
      buildDocx([
        { heading: 1, text: 'Peer support in Aotearoa' },
        [{ text: 'Tel:', bold: true }, ' 04 123 4567'],
        [{ text: 'Email:', bold: true }, ' reports@example.org.nz'],
        [{ text: 'Date:', bold: true }, ' June 2010'],
        '',
        [{ text: 'Acknowledgements:', bold: true }],
        ...prose(400),
        { heading: 2, text: 'References' },
        'Smith, J. (2009). A study.',
      ]),
    );
    expect(turns(p)).toEqual([]);
    expect(p.text).toContain('Tel: 04 123 4567');
    expect(p.blocks.filter((b) => b.kind === 'heading').map((b) => slice(p, b))).toEqual(['Peer support in Aotearoa', 'Acknowledgements:', 'References']);
  });
});

describe('labels that must look like labels', () => {
  it('a label seen once, alone on its line, heading ~5,000 words or more is not a speaker', () => {
    const p = parsePlainText(`Ngā Kōrero o Te Wā:\n\n${prose(100).join('\n\n')}\n`);
    expect(turns(p)).toEqual([]);
    expect(slice(p, p.blocks[0])).toBe('Ngā Kōrero o Te Wā:');
  });

  it('a `Word: ...` line carrying on a wrapped sentence of a prose paragraph, seen once, is prose', () => {
    const p = parsePlainText('The review found many things about services, and of all of them\nWhānau: the word came up often\nin the interviews.\n');
    expect(turns(p)).toEqual([]);
    expect(p.blocks).toHaveLength(1);
    // Under a short title line, the same label is a speaker.
    const q = parsePlainText('Interview transcript\nQ: How did it start?\nA: With a phone call.\n');
    expect(turns(q).map((b) => b.speaker)).toEqual(['Q', 'A']);
  });

  it('still finds real speakers: common-word names, one-off speakers, names with macrons, colons in the words', () => {
    const p = parsePlainText(
      [
        'Will: I will say: it helped.',
        'Hope: Me too.',
        'Māhina Tūhoe: Kia ora: kia ora.',
        'Will: Again.',
        'Guest: A one-off comment.',
        'Hope: Ka pai.',
      ].join('\n\n'),
    );
    expect(turns(p).map((b) => [b.speaker, slice(p, b)])).toEqual([
      ['Will', 'I will say: it helped.'],
      ['Hope', 'Me too.'],
      ['Māhina Tūhoe', 'Kia ora: kia ora.'],
      ['Will', 'Again.'],
      ['Guest', 'A one-off comment.'],
      ['Hope', 'Ka pai.'],
    ]);
  });

  it('a section word that recurs as a label is a speaker (a participant called Summary is unlikely, but Note-taker is not)', () => {
    const p = parsePlainText(['Date: 15/06/2010', '', ...prose(30), 'Note: one.', 'Aroha: two.', 'Note: three.'].join('\n\n'));
    expect(turns(p).map((b) => b.speaker)).toEqual(['Note', 'Aroha', 'Note']);
  });
});

describe('suspect turns', () => {
  it('reports a turn over 5,000 words in a file whose other turns are short', async () => {
    const body = ['Aroha: Kia ora.', 'Tama: Kia ora anō.', 'Aroha: Ka pai.', `Tama: ${prose(100).join(' ')}`, 'Aroha: Ka kite.'].join('\n\n');
    const p = await parseTranscriptFile('long-turn.txt', utf8(body));
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/^the turn by "Tama" starting "whānau services peer support workers.*…" has 6,000 words \(\d+% of the text\) while the other turns have about \d words: check that "Tama" is a speaker and not a heading$/);
  });

  it('does not report long turns when all turns are long', async () => {
    const turn = prose(90).join(' ');
    const p = await parseTranscriptFile('monologues.txt', utf8(`Aroha: ${turn}\n\nTama: ${turn}\n\nAroha: ${turn}\n`));
    expect(p.warnings).toEqual([]);
  });
});
