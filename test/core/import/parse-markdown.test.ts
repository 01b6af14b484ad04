import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../electron/core/import/parse-markdown';
import { expectWellFormed, slice } from './helpers';

describe('markdown', () => {
  const md = [
    '**Title:** Wānanga notes',
    '**Date**: 15 June 2010',
    '',
    '# Opening',
    '',
    '[Karakia tīmatanga led by Koro Hemi.]',
    '',
    '**Aroha:** Kia ora whānau, this is *really* important.',
    '',
    'It carries on here with **bold** words and snake_case_names.',
    '',
    '**Tama**: Kia ora.',
    '',
    '_Mere:_ Ka pai.',
    '',
    'Koro Hemi: Plain prefix [laughs].',
    '',
    '## Closing ##',
    '',
    'Some prose with no speaker.',
  ].join('\n');
  const p = parseMarkdown(md);

  it('is well formed', () => {
    expect(p.format).toBe('md');
    expectWellFormed(p);
  });

  it('reads emphasised header lines at the top', () => {
    expect(p.metadata).toEqual({ title: 'Wānanga notes', date: '2010-06-15', other: {} });
  });

  it('makes # headings heading blocks without the #s', () => {
    const headings = p.blocks.filter((b) => b.kind === 'heading').map((b) => slice(p, b));
    expect(headings).toEqual(['Opening', 'Closing']);
  });

  it('recognises Speaker:, **Speaker:**, **Speaker**: and _Speaker:_ and strips only their emphasis', () => {
    expect(p.blocks.map((b) => b.kind)).toEqual(['heading', 'note', 'turn', 'turn', 'turn', 'turn', 'heading', 'text']);
    const t = p.blocks.filter((b) => b.kind === 'turn');
    expect(t.map((b) => b.speaker)).toEqual(['Aroha', 'Tama', 'Mere', 'Koro Hemi']);
    expect(slice(p, t[0])).toBe('Kia ora whānau, this is *really* important.\nIt carries on here with **bold** words and snake_case_names.');
    expect(slice(p, t[1])).toBe('Kia ora.');
    expect(slice(p, t[2])).toBe('Ka pai.');
    expect(p.text).not.toContain('**Aroha');
    expect(p.annotations.map((a) => a.text)).toEqual(['Karakia tīmatanga led by Koro Hemi.', 'laughs']);
  });

  it('reads --- front matter and underlined headings', () => {
    const q = parseMarkdown('---\ntitle: "Hui, day 2"\nmode: hui\nrecorder: Zoom\n---\n\nPart one\n========\n\nA: Hi.\n\n---\n\nB: Bye.');
    expectWellFormed(q);
    expect(q.metadata).toEqual({ title: 'Hui, day 2', mode: 'tikanga', kind: 'hui', other: { recorder: 'Zoom' } });
    expect(q.blocks.map((b) => [b.kind, slice(q, b)])).toEqual([
      ['heading', 'Part one'],
      ['turn', 'Hi.'],
      ['turn', 'Bye.'],
    ]);
  });
});
