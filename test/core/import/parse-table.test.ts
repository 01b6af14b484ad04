import { describe, expect, it } from 'vitest';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import { parseTable } from '../../../electron/core/import/parse-table';
import { expectImportErrorSync, expectWellFormed, fixtureBytes, slice } from './helpers';

describe('workshop table: the TSV fixture', async () => {
  const p = await parseTranscriptFile('workshop-feedback.tsv', fixtureBytes('workshop-feedback.tsv'));
  const find = (start: string) => {
    const i = p.blocks.findIndex((b) => slice(p, b).startsWith(start));
    expect(i, start).toBeGreaterThanOrEqual(0);
    return i;
  };

  it('is well formed, with HTML stripped', () => {
    expect(p.format).toBe('tsv');
    expectWellFormed(p);
    expect(p.text).not.toMatch(/<\/?[pb]>/);
  });

  it('makes the two bold rows headings', () => {
    const headings = p.blocks.filter((b) => b.kind === 'heading').map((b) => slice(p, b));
    expect(headings).toEqual(['Māori workforce', 'Training needs']);
  });

  it('uses the column headers as speakers', () => {
    expect(p.blocks[find('How do we make sure')]!.speaker).toBe('Feedback received');
    expect(p.blocks[find('The plan now includes')]!.speaker).toBe('Response to feedback');
  });

  it('links a response to its own row and the rows below it with an empty response cell', () => {
    const response = p.blocks[find('The plan now includes an apprenticeship')]!;
    expect(slice(p, response)).toBe('The plan now includes an apprenticeship for a Māori or Pasifika worker.');
    expect(response.respondsTo).toEqual([find('How do we make sure'), find('When qualifications')]);
    expect(p.blocks[find('Noted and passed')]!.respondsTo).toEqual([find('I cannot get a training allowance')]);
    expect(p.blocks[find('A new action')]!.respondsTo).toEqual([find('People are doing this work')]);
    // Feedback rows respond to nothing.
    expect(p.blocks[find('When qualifications')]!.respondsTo).toBeUndefined();
  });

  it('places each response after the rows it answers', () => {
    for (const b of p.blocks) for (const i of b.respondsTo ?? []) expect(i).toBeLessThan(p.blocks.indexOf(b));
  });
});

describe('workshop table: CSV and HTML cells', () => {
  it('reads quoted CSV cells with paragraphs, line breaks and entities, and skips empty rows', () => {
    const csv = [
      'Question,Answer',
      '"<p>First para.</p><p>Second &amp; last.</p>","Line one<br>Line two"',
      ',',
      '<strong>Section</strong>,',
      'Only a question,',
    ].join('\r\n');
    const p = parseTable(csv, 'q.csv', 'csv');
    expectWellFormed(p);
    expect(p.format).toBe('csv');
    expect(p.blocks.map((b) => [b.kind, b.speaker, slice(p, b)])).toEqual([
      ['turn', 'Question', 'First para.\nSecond & last.'],
      ['turn', 'Answer', 'Line one\nLine two'],
      ['heading', undefined, 'Section'],
      ['turn', 'Question', 'Only a question'],
    ]);
    expect(p.blocks[1]!.respondsTo).toEqual([0]);
  });

  it('detects the delimiter when the extension is wrong, and keeps a < that is not a tag', () => {
    const p = parseTable('Feedback\tResponse\nA < B & C\tOK\n', 'tabs.csv', 'csv');
    expect(p.blocks.map((b) => slice(p, b))).toEqual(['A < B & C', 'OK']);
  });

  it('rejects a row with an unclosed quote', async () => {
    await expectImportErrorSync(() => parseTable('A,B\n"never closed,x\ny,z\n', 'quote.csv', 'csv'), 'quote.csv', /quoted cell is never closed/);
  });
});
