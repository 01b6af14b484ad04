/**
 * Matrix and chart files: written where the person chooses (the host's save dialog: a native dialog
 * in Electron, the exports/ folder in the browser harness; a path given on the CLI), through a
 * temporary file, and audited as an `exports` row (profile report, no quote items) with an
 * audit_log line of ids, counts and the hash. Every label is an export label (export-labels.ts).
 * SVG is drawn by the core from the chart's data; a PNG (drawn by the renderer from that SVG,
 * since the core has no rasteriser) is checked and rebuilt (png-check.ts) before it is written.
 */
import type { ChartImage, ChartSpec, MatrixInput, SavedFile } from '../../../shared/domain/analysis';
import type { FocalCore } from '../app/focal-core';
import { recordFileExport } from '../audit/export-audit';
import { FocalError } from '../errors';
import { sha256 } from '../export/write-file';
import { withAuditedFile } from '../audit/audited-file';
import { chartImage } from './chart-data';
import { labeller, labelMatrixForExport, type LabelOptions } from './export-labels';
import { runMatrix } from './matrix';
import { matrixCsv, matrixXlsx } from './matrix-export';
import { cleanPng } from './png-check';

export type MatrixFileInput = MatrixInput & { format: 'csv' | 'xlsx'; realNames?: boolean | undefined };

function slug(name: string): string {
  return name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').trim().replace(/\s+/g, '-').slice(0, 80) || 'focal';
}

const naming = (o: LabelOptions) => (o.realNames ? 'real names (everyone named consented to be named)' : 'pseudonyms');

/** The matrix as a file's bytes, with export labels; refuses forced real names without consent. */
export async function matrixFile(core: FocalCore, input: MatrixFileInput): Promise<{ bytes: Buffer; name: string; detail: Record<string, number | string | boolean> }> {
  const { format, realNames, ...matrixInput } = input;
  const db = core.requireProject().db;
  const options = { realNames: !!realNames };
  const { matrix: m, notes } = labelMatrixForExport(db, runMatrix(db, matrixInput), options);
  const about = [`People are named by ${naming(options)}; groups by their attribution; sessions by their export title.`, ...notes];
  const project = labeller(db).text(core.requireProject().info().name, 'Focal project', 'project name');
  const bytes = format === 'csv' ? Buffer.from(`\ufeff${matrixCsv(m, notes)}`, 'utf8') : await matrixXlsx(m, `${project}: codes by ${m.colsLabel.toLowerCase()}`, about);
  const detail = { cols: m.colsBy, rows: m.rows.length, columns: m.cols.length, neutralLabels: notes.length, realNames: options.realNames };
  return { bytes, name: slug(`matrix-codes-by-${m.colsLabel.toLowerCase()}`), detail };
}

function refused(core: FocalCore, format: string, e: unknown): never {
  if (e instanceof FocalError && e.code === 'blocked-by-gate') {
    recordFileExport(core, { format, destination: '', sha256: null, action: 'file-export-refused', detail: { reason: 'no-named-consent', people: ((e.details as { participantIds?: number[] })?.participantIds ?? []).length } });
  }
  throw e;
}

/** Writes and audits one matrix or chart file at `path`. */
function writeAudited(core: FocalCore, path: string, bytes: Buffer, format: string, detail: Record<string, number | string | boolean>): SavedFile {
  // Recorded pending before the file exists, completed once it is in place (audit/audited-file.ts).
  const { exportId, sha256: hash } = withAuditedFile(core, { format, profile: 'report', quotes: [], action: 'file-exported', detail: { ...detail, bytes: bytes.length } }, path, bytes);
  return { path, sha256: hash, exportId };
}

export async function exportMatrix(core: FocalCore, input: MatrixFileInput): Promise<SavedFile | null> {
  const format = `matrix-${input.format}`;
  const file = await matrixFile(core, input).catch((e: unknown) => refused(core, format, e));
  const path = await core.host.chooseExportPath(`${file.name}.${input.format}`, [input.format]);
  if (!path) return null;
  return writeAudited(core, path, file.bytes, format, file.detail);
}

/** The matrix written to a path the CLI was given (or, with path null, returned for stdout and audited as such). */
export async function writeMatrixFile(core: FocalCore, input: MatrixFileInput, path: string | null): Promise<{ bytes: Buffer; saved: SavedFile | null }> {
  const format = `matrix-${input.format}`;
  const file = await matrixFile(core, input).catch((e: unknown) => refused(core, format, e));
  if (path) return { bytes: file.bytes, saved: writeAudited(core, path, file.bytes, format, file.detail) };
  recordFileExport(core, { format, destination: 'stdout', sha256: sha256(file.bytes), action: 'file-exported', detail: { ...file.detail, bytes: file.bytes.length } });
  return { bytes: file.bytes, saved: null };
}

export interface ChartSaveInput {
  chart: ChartSpec;
  format: 'png' | 'svg';
  /** For PNG: the core's SVG (chart-image) drawn by the renderer, as a data URL. */
  png?: string | undefined;
  realNames?: boolean | undefined;
}

export function chartImageFor(core: FocalCore, input: { chart: ChartSpec; realNames?: boolean | undefined }): ChartImage {
  return chartImage(core.requireProject().db, input.chart, { realNames: !!input.realNames });
}

function pngBytes(data: string | undefined, image: ChartImage): Buffer {
  const m = data === undefined ? null : /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(data);
  if (!m) throw new FocalError('bad-input', 'The chart image is not a PNG data URL; export it again.');
  return cleanPng(Buffer.from(m[1] as string, 'base64'), { width: image.width * image.scale, height: image.height * image.scale });
}

export async function saveChart(core: FocalCore, input: ChartSaveInput): Promise<SavedFile | null> {
  const format = `chart-${input.format}`;
  let image: ChartImage;
  try {
    image = chartImageFor(core, input);
  } catch (e) {
    refused(core, format, e);
  }
  const bytes = input.format === 'svg' ? Buffer.from(image.svg, 'utf8') : pngBytes(input.png, image);
  const path = await core.host.chooseExportPath(`${image.name}.${input.format}`, [input.format]);
  if (!path) return null;
  return writeAudited(core, path, bytes, format, { chart: input.chart.kind, labels: image.labels.length, neutralLabels: image.notes.length, realNames: !!input.realNames });
}
