/** ECharts options for Focal's charts, built from plain results (pure functions, no chart library import). */
import type { CooccurrenceResult, MatrixResult } from '../../../shared/domain/analysis';

const FONT = { fontFamily: 'Noto Sans, Segoe UI, system-ui, sans-serif', color: '#1b1f26' };
const HEAT = ['#f4f6fd', '#c9d3f5', '#8ea2ea', '#3b5bd6', '#24398a'];

export type ChartOption = Record<string, unknown>;

/** ECharts puts a formatter's string into the tooltip as HTML: code names are escaped to stay text. */
export function tip(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * No grow-in animation: bars caught mid-animation showed the wrong lengths against the axis, and
 * Export PNG copies whatever frame is on screen. Also spares people who prefer reduced motion.
 */
const STILL = { animation: false } as const;

export function frequencyOption(codes: Array<{ name: string; color: string; segments: number }>): ChartOption {
  const sorted = [...codes].sort((a, b) => a.segments - b.segments);
  return {
    ...STILL,
    textStyle: FONT,
    grid: { left: 8, right: 40, top: 16, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => tip(`${sorted[p.dataIndex]?.name ?? ''}: ${sorted[p.dataIndex]?.segments ?? 0} segments`) },
    xAxis: { type: 'value', name: 'Segments', nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((c) => c.name), axisLabel: { interval: 0, width: 180, overflow: 'break' } },
    series: [
      {
        type: 'bar',
        data: sorted.map((c) => ({ value: c.segments, itemStyle: { color: c.color } })),
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
      },
    ],
  };
}

function heatmap(rows: string[], cols: string[], data: Array<[number, number, number]>, max: number, label: (v: number, x: number, y: number) => string): ChartOption {
  return {
    ...STILL,
    textStyle: FONT,
    grid: { left: 8, right: 16, top: 16, bottom: 64, containLabel: true },
    // The full names of the cell's row and column, whatever the axis could show.
    tooltip: { position: 'top', formatter: (p: { value: [number, number, number] }) => tip(`${rows[p.value[1]] ?? ''} × ${cols[p.value[0]] ?? ''}: ${p.value[2]}`) },
    xAxis: { type: 'category', data: cols, splitArea: { show: true }, axisLabel: { interval: 0, rotate: cols.length > 4 ? 30 : 0, width: cols.length > 4 ? 200 : 120, overflow: 'break' } },
    yAxis: { type: 'category', data: rows, splitArea: { show: true }, inverse: true, axisLabel: { interval: 0, width: 180, overflow: 'break' } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: HEAT }, textStyle: FONT },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, formatter: (p: { value: [number, number, number] }) => label(p.value[2], p.value[0], p.value[1]) },
        emphasis: { itemStyle: { borderColor: '#1b1f26', borderWidth: 1 } },
      },
    ],
  };
}

export function matrixOption(m: MatrixResult): ChartOption {
  const data: Array<[number, number, number]> = [];
  m.rows.forEach((_r, i) => m.cols.forEach((_c, j) => data.push([j, i, m.cells[i]?.[j]?.segments ?? 0])));
  return heatmap(
    m.rows.map((r) => r.name),
    m.cols.map((c) => c.label),
    data,
    m.maxSegments,
    (v, x, y) => (v ? `${v} / ${m.cells[y]?.[x]?.participants ?? 0}` : ''),
  );
}

export function cooccurrenceOption(co: CooccurrenceResult): ChartOption {
  const data: Array<[number, number, number]> = [];
  let max = 0;
  co.codes.forEach((_a, i) =>
    co.codes.forEach((_b, j) => {
      const v = i === j ? 0 : (co.counts[i]?.[j] ?? 0);
      max = Math.max(max, v);
      data.push([j, i, v]);
    }),
  );
  const names = co.codes.map((c) => c.name);
  return heatmap(names, names, data, max, (v) => (v ? String(v) : ''));
}
