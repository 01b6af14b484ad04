/**
 * Chart files never cut a label ("Roster and conditi…"): long code names wrap onto more lines
 * (rows) or run at an angle with room made for them (columns), so every word reaches the file.
 */
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../electron/core/matrix/chart-svg';

const LONG = 'Roster and conditions of employment under the DHB contract';
const LONGER = 'Whakawhanaungatanga-and-relationships-before-any-paperwork-at-all';
const words = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join(' ');

describe('chart labels in exported files', () => {
  it('bar chart: a long name wraps onto lines, every word kept, nothing cut', () => {
    const { svg } = chartSvg({ type: 'bar', title: 'Code frequencies', axis: 'Segments', bars: [{ label: LONG, value: 3, color: '#3c5ad2' }, { label: 'Short', value: 1, color: '#b4b400' }] });
    expect(svg).not.toContain('…');
    for (const w of LONG.split(' ')) expect(words(svg)).toContain(w);
  });

  it('heat map: long row and column names are whole, even one long word', () => {
    const { svg } = chartSvg({ type: 'heat', title: 'Co-occurrence', rows: [LONG, LONGER], cols: [LONG, LONGER], values: [[0, 1], [1, 0]], text: [['', '1'], ['1', '']] });
    expect(svg).not.toContain('…');
    const all = words(svg).replace(/\s+/g, '');
    expect(all).toContain(LONG.replace(/\s+/g, ''));
    expect(all).toContain(LONGER);
  });
});

describe('chart labels on screen (the ECharts options)', () => {
  it('axis labels wrap instead of being truncated; tooltips carry the full names, as text', async () => {
    const { cooccurrenceOption, frequencyOption } = await import('../../../renderer/src/charts/options');
    const co = cooccurrenceOption({ codes: [{ id: 1, name: LONG }, { id: 2, name: '<b>Tag</b>' }], counts: [[0, 2], [2, 0]] } as never);
    const axes = [co.xAxis, co.yAxis] as Array<{ axisLabel: { overflow: string } }>;
    for (const a of axes) expect(a.axisLabel.overflow).toBe('break');
    const tip = (co.tooltip as { formatter: (p: unknown) => string }).formatter({ value: [1, 0, 2] });
    expect(tip).toBe(`${LONG} × &#60;b&#62;Tag&#60;/b&#62;: 2`);
    const bars = frequencyOption([{ name: LONG, color: '#3c5ad2', segments: 4 }]);
    expect((bars.yAxis as { axisLabel: { overflow: string } }).axisLabel.overflow).toBe('break');
    expect((bars.tooltip as { formatter: (p: unknown) => string }).formatter({ dataIndex: 0 })).toBe(`${LONG}: 4 segments`);
  });
});
