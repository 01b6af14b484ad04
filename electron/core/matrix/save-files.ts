/**
 * Writing matrix exports and chart images to a place the person chooses (the host's save dialog:
 * a native dialog in Electron, the exports/ folder in the browser harness). Chart images are
 * checked to be what they claim (a PNG, an SVG without scripts) so this is no general way out.
 */
import { writeFileSync } from 'node:fs';
import type { MatrixInput } from '../../../shared/domain/analysis';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { runMatrix } from './matrix';
import { matrixCsv, matrixXlsx } from './matrix-export';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function slug(name: string): string {
  return name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').trim().replace(/\s+/g, '-').slice(0, 80) || 'focal';
}

export function chartBytes(format: 'png' | 'svg', data: string): Buffer {
  if (format === 'png') {
    const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(data);
    const bytes = m ? Buffer.from(m[1] as string, 'base64') : null;
    if (!bytes || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new FocalError('bad-input', 'The chart image is not a PNG; export it again.');
    return bytes;
  }
  const text = data.trim();
  if (!/^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(text) || /<script|<foreignObject|\son\w+\s*=/i.test(text)) throw new FocalError('bad-input', 'The chart image is not a plain SVG; export it again.');
  return Buffer.from(text, 'utf8');
}

export async function saveChart(core: FocalCore, input: { name: string; format: 'png' | 'svg'; data: string }): Promise<{ path: string } | null> {
  const bytes = chartBytes(input.format, input.data);
  const path = await core.host.chooseExportPath(`${slug(input.name)}.${input.format}`, [input.format]);
  if (!path) return null;
  writeFileSync(path, bytes);
  return { path };
}

export async function exportMatrix(core: FocalCore, input: MatrixInput & { format: 'csv' | 'xlsx' }): Promise<{ path: string } | null> {
  const { format, ...matrixInput } = input;
  const project = core.requireProject();
  const m = runMatrix(project.db, matrixInput);
  const title = `${project.info().name}: codes by ${m.colsLabel.toLowerCase()}`;
  const bytes = format === 'csv' ? Buffer.from(`\ufeff${matrixCsv(m)}`, 'utf8') : await matrixXlsx(m, title);
  const path = await core.host.chooseExportPath(`${slug(`matrix-codes-by-${m.colsLabel.toLowerCase()}`)}.${format}`, [format]);
  if (!path) return null;
  writeFileSync(path, bytes);
  return { path };
}
