/**
 * A chart file's data, worked out in the core from the chart's spec (never taken from the
 * renderer), with export labels (export-labels.ts), then drawn by chart-svg.ts.
 */
import type { ChartImage, ChartSpec } from '../../../shared/domain/analysis';
import type { ProjectDb } from '../db/open-project';
import { listCodes } from '../codes/code-queries';
import { chartSvg, type ChartModel } from './chart-svg';
import { cooccurrence } from './cooccurrence';
import { labeller, labelMatrixForExport, type LabelOptions } from './export-labels';
import { runMatrix } from './matrix';
import { modeMixNotes, type SessionMode } from './mode-mix';

/** Segments per code in the sources of one mode. */
function segmentsInMode(db: ProjectDb, mode: SessionMode): Map<number, number> {
  const rows = db
    .prepare('SELECT cd.code_id AS id, count(*) AS n FROM codings cd JOIN sources s ON s.id = cd.source_id WHERE s.mode = ? GROUP BY cd.code_id')
    .all(mode) as Array<{ id: number; n: number }>;
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** PNGs are drawn at twice the SVG's size, as the on-screen export was. */
export const PNG_SCALE = 2;

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}

function model(db: ProjectDb, spec: ChartSpec, options: LabelOptions): { model: ChartModel; notes: string[]; name: string } {
  if (spec.kind === 'matrix') {
    const { matrix: m, notes } = labelMatrixForExport(db, runMatrix(db, spec.matrix), options);
    return {
      name: `matrix-codes-by-${slug(m.colsLabel)}`,
      notes: [...m.warnings, ...notes],
      model: {
        type: 'heat',
        title: `Codes by ${m.colsLabel.toLowerCase()}: coded segments / distinct participants`,
        rows: m.rows.map((r) => r.name),
        cols: m.cols.map((c) => c.label),
        values: m.cells.map((row) => row.map((c) => c.segments)),
        text: m.cells.map((row) => row.map((c) => (c.segments ? `${c.segments} / ${c.participants}` : ''))),
      },
    };
  }
  const l = labeller(db);
  if (spec.kind === 'frequency') {
    const codes = listCodes(db, spec.frameId);
    const inMode = spec.mode ? segmentsInMode(db, spec.mode) : null;
    return {
      name: 'code-frequencies',
      notes: [...modeMixNotes(db, codes.map((c) => c.id), spec.mode), ...l.notes],
      model: {
        type: 'bar',
        title: spec.mode ? `Coded segments per code (${spec.mode === 'tikanga' ? 'tikanga-based sessions' : 'mainstream sessions'})` : 'Coded segments per code',
        axis: 'Segments',
        bars: codes.map((c) => ({ label: l.codePath(c.id).name, value: inMode ? (inMode.get(c.id) ?? 0) : c.counts.segments, color: c.color })),
      },
    };
  }
  const co = cooccurrence(db, { ...(spec.frameId === undefined ? {} : { frameId: spec.frameId }), ...(spec.mode ? { mode: spec.mode } : {}) });
  const names = co.codes.map((c) => l.codePath(c.codeId).name);
  const values = co.codes.map((_a, i) => co.codes.map((_b, j) => (i === j ? 0 : (co.counts[i]?.[j] ?? 0))));
  return {
    name: 'code-co-occurrence',
    notes: [...co.notes, ...l.notes],
    model: { type: 'heat', title: 'Segments of the row’s code that overlap a coding of the column’s code', rows: names, cols: names, values, text: values.map((r) => r.map((v) => (v ? String(v) : ''))) },
  };
}

export function chartImage(db: ProjectDb, spec: ChartSpec, options: LabelOptions = {}): ChartImage {
  const m = model(db, spec, options);
  const { svg, width, height } = chartSvg(m.model, m.notes);
  const labels = m.model.type === 'bar' ? m.model.bars.map((b) => b.label) : [...m.model.rows, ...m.model.cols];
  return { svg, width, height, scale: PNG_SCALE, labels: [...new Set(labels)], notes: m.notes, name: m.name };
}
