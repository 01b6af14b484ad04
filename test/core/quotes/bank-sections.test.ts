/** The quote bank's sections: mainstream and tikanga-based quotes apart, labelled as the exports label them. */
import { describe, expect, it } from 'vitest';
import { sectionsByMode } from '../../../electron/core/export/formats';
import { bankSections } from '../../../renderer/src/quotes/bank-sections';

describe('quote bank sections', () => {
  const quotes = [
    { id: 1, mode: 'tikanga' as const },
    { id: 2, mode: 'mainstream' as const },
    { id: 3, mode: 'tikanga' as const },
    { id: 4, mode: 'mainstream' as const },
  ];

  it('puts each mode in its own labelled section, mainstream first, keeping the bank order', () => {
    expect(bankSections(quotes).map((s) => [s.label, s.quotes.map((q) => q.id)])).toEqual([
      ['Mainstream focus groups and interviews', [2, 4]],
      ['Tikanga-based kōrero', [1, 3]],
    ]);
  });

  it('uses the same headings as the exports, and shows no empty section', () => {
    const exportLabels = sectionsByMode(quotes as never).map((s) => s.label);
    expect(bankSections(quotes).map((s) => s.label)).toEqual(exportLabels);
    expect(bankSections(quotes.filter((q) => q.mode === 'tikanga')).map((s) => s.label)).toEqual(['Tikanga-based kōrero']);
    expect(bankSections([])).toEqual([]);
  });
});
