/**
 * Chart files are drawn here, in the core, from the chart's data and its export labels: a bar chart
 * (code frequencies) and a heat map (matrix, co-occurrence) as SVG. Nothing the renderer sends ends
 * up in the file: every element and attribute below is fixed, every label is escaped text, and no
 * script, link, style sheet, foreign object, animation or external reference is ever written.
 * Text widths are estimated (no font metrics in the core); long labels are never cut: row labels
 * wrap onto as many lines as they need (the rows grow), column labels run at an angle with the
 * room above made for them, so the full name is in the file.
 */

export interface BarChartModel {
  type: 'bar';
  title: string;
  axis: string;
  bars: Array<{ label: string; value: number; color: string }>;
}

export interface HeatChartModel {
  type: 'heat';
  title: string;
  rows: string[];
  cols: string[];
  /** values[row][col] shade the cell; text[row][col] is printed in it. */
  values: number[][];
  text: string[][];
}

export type ChartModel = BarChartModel | HeatChartModel;

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

const FONT = 'Noto Sans, Segoe UI, system-ui, sans-serif';
const INK = '#1b1f26';
const HEAT = ['#f4f6fd', '#c9d3f5', '#8ea2ea', '#3b5bd6', '#24398a'];
const CHAR = 7; // estimated width of one character at 12px

/** Text safe inside an XML element or attribute: escaped, characters XML 1.0 forbids replaced. */
export function xmlText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Only `#rrggbb` colours reach an attribute; anything else is grey. */
function colour(c: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : '#8a8f98';
}

/** A label broken at spaces into lines of at most `width` (estimated); a longer word is split. */
function lines(label: string, width: number): string[] {
  const max = Math.max(4, Math.floor(width / CHAR));
  const out: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    let w = [...word];
    while (w.length > max) {
      if (line) out.push(line);
      line = '';
      out.push(w.slice(0, max).join(''));
      w = w.slice(max);
    }
    const rest = w.join('');
    if (!rest) continue;
    if (line && [...line].length + 1 + w.length > max) {
      out.push(line);
      line = rest;
    } else line = line ? `${line} ${rest}` : rest;
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}

const LINE_H = 14;

/** A label of several lines, right-aligned at x, centred on y. */
function labelLines(x: number, y: number, ls: string[]): string[] {
  const first = y - ((ls.length - 1) * LINE_H) / 2;
  return ls.map((l, k) => text(x, Math.round(first + k * LINE_H), l, { anchor: 'end' }));
}

function fit(label: string, width: number): string {
  const chars = [...label];
  const max = Math.max(3, Math.floor(width / CHAR));
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

function text(x: number, y: number, s: string, attrs: { anchor?: 'start' | 'middle' | 'end'; size?: number; weight?: 'bold'; fill?: string; rotate?: number } = {}): string {
  const rotate = attrs.rotate ? ` transform="rotate(${attrs.rotate} ${x} ${y})"` : '';
  return `<text x="${x}" y="${y}" text-anchor="${attrs.anchor ?? 'start'}" font-size="${attrs.size ?? 12}"${attrs.weight ? ' font-weight="bold"' : ''} fill="${attrs.fill ?? INK}"${rotate}>${xmlText(s)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, stroke?: string): string {
  return `<rect x="${x}" y="${y}" width="${Math.max(0, w)}" height="${Math.max(0, h)}" fill="${fill}"${stroke ? ` stroke="${stroke}" stroke-width="1"` : ''}/>`;
}

function wrap(width: number, height: number, title: string, body: string[]): ChartSvg {
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${xmlText(title)}</title>`,
    rect(0, 0, width, height, '#ffffff'),
    ...body,
    '</svg>',
    '',
  ].join('\n');
  return { svg, width, height };
}

function barSvg(m: BarChartModel): ChartSvg {
  const bars = [...m.bars].sort((a, b) => b.value - a.value);
  const labelW = Math.min(240, Math.max(60, ...bars.map((b) => [...b.label].length * CHAR))) + 20;
  const plotW = 480;
  const width = labelW + plotW + 60;
  const wrapped = bars.map((b) => lines(b.label, labelW - 12));
  const rowH = Math.max(28, Math.max(1, ...wrapped.map((l) => l.length)) * LINE_H + 8);
  const top = 40;
  const height = Math.max(160, top + bars.length * rowH + 48);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const body: string[] = [text(12, 22, m.title, { size: 14, weight: 'bold' })];
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const mid = y + rowH / 2;
    const w = Math.round((b.value / max) * plotW);
    body.push(...labelLines(labelW - 8, mid + 4, wrapped[i]!));
    body.push(rect(labelW, mid - 10, w, 20, colour(b.color)));
    body.push(text(labelW + w + 6, mid + 4, String(b.value)));
  });
  const axisY = top + bars.length * rowH + 4;
  body.push(rect(labelW, axisY, plotW, 1, INK));
  body.push(text(labelW + plotW / 2, axisY + 28, m.axis, { anchor: 'middle' }));
  return wrap(width, height, m.title, body);
}

function shade(v: number, max: number): string {
  if (v <= 0) return HEAT[0]!;
  const i = Math.min(HEAT.length - 1, 1 + Math.floor((v / Math.max(1, max)) * (HEAT.length - 2) + 0.5));
  return HEAT[i]!;
}

function heatSvg(m: HeatChartModel): ChartSvg {
  const cellW = 84;
  const labelW = Math.min(240, Math.max(60, ...m.rows.map((r) => [...r].length * CHAR))) + 20;
  const wrapped = m.rows.map((r) => lines(r, labelW - 12));
  const cellH = Math.max(36, Math.max(1, ...wrapped.map((l) => l.length)) * LINE_H + 8);
  // Column labels at 35°: their height is about 0.6 of their length, all of it made room for.
  const colLabelH = Math.max(24, ...m.cols.map((c) => Math.round([...c].length * CHAR * 0.6))) + 16;
  const top = 32 + colLabelH;
  // The last column's label runs up and to the right (cos 35° ≈ 0.82 of its length): room for all of it.
  const lastReach = m.cols.length ? labelW + (m.cols.length - 0.5) * cellW + Math.round([...m.cols[m.cols.length - 1]!].length * CHAR * 0.82) + 16 : 0;
  const width = Math.max(labelW + m.cols.length * cellW + 140, lastReach);
  const height = top + m.rows.length * cellH + 24;
  const max = Math.max(1, ...m.values.flat());
  const body: string[] = [text(12, 22, m.title, { size: 14, weight: 'bold' })];
  m.cols.forEach((c, j) => body.push(text(labelW + j * cellW + cellW / 2, top - 8, c, { rotate: -35 })));
  m.rows.forEach((r, i) => {
    const y = top + i * cellH;
    body.push(...labelLines(labelW - 8, y + cellH / 2 + 4, wrapped[i]!));
    m.cols.forEach((_c, j) => {
      const v = m.values[i]?.[j] ?? 0;
      const fill = shade(v, max);
      body.push(rect(labelW + j * cellW, y, cellW, cellH, fill, '#ffffff'));
      const t = m.text[i]?.[j] ?? '';
      if (t) body.push(text(labelW + j * cellW + cellW / 2, y + cellH / 2 + 4, fit(t, cellW - 8), { anchor: 'middle', fill: HEAT.indexOf(fill) >= 3 ? '#ffffff' : INK }));
    });
  });
  return wrap(width, height, m.title, body);
}

/** The chart as SVG; notes (why a label is neutral) go in its description. */
export function chartSvg(m: ChartModel, notes: string[] = []): ChartSvg {
  const out = m.type === 'bar' ? barSvg(m) : heatSvg(m);
  if (!notes.length) return out;
  return { ...out, svg: out.svg.replace('</title>\n', `</title>\n<desc>${xmlText(notes.join('\n'))}</desc>\n`) };
}

/** The SVG elements and attributes a chart file may hold: what chartSvg writes, and nothing else. */
export const SVG_ALLOWED: Record<string, readonly string[]> = {
  svg: ['xmlns', 'width', 'height', 'viewBox', 'font-family'],
  title: [],
  desc: [],
  rect: ['x', 'y', 'width', 'height', 'fill', 'stroke', 'stroke-width'],
  text: ['x', 'y', 'text-anchor', 'font-size', 'font-weight', 'fill', 'transform'],
};
