/**
 * Matrix exports: CSV (papaparse) and XLSX (exceljs). They hold counts only, never quote text,
 * so they do not pass through the export gate; segment text leaves the app only through the gate.
 */
import Papa from 'papaparse';
import type { MatrixResult } from '../../../shared/domain/analysis';

export function matrixCsv(m: MatrixResult): string {
  const header = ['Code', ...m.cols.flatMap((c) => [`${c.label}: segments`, `${c.label}: participants`]), 'Total segments', 'Total participants'];
  const rows = m.rows.map((r, i) => [
    r.path,
    ...m.cols.flatMap((_c, j) => {
      const cell = m.cells[i]?.[j];
      return [cell?.segments ?? 0, cell?.participants ?? 0];
    }),
    m.rowTotals[i]?.segments ?? 0,
    m.rowTotals[i]?.participants ?? 0,
  ]);
  return Papa.unparse([header, ...rows], { newline: '\r\n' });
}

export async function matrixXlsx(m: MatrixResult, title: string): Promise<Buffer> {
  // Loaded when first used: exceljs takes ~180 ms to load, which every CLI command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Focal';
  const sheet = (name: string, pick: 'segments' | 'participants') => {
    const ws = wb.addWorksheet(name);
    ws.addRow(['Code', ...m.cols.map((c) => c.label), 'Total']).font = { bold: true };
    m.rows.forEach((r, i) => ws.addRow([r.path, ...m.cols.map((_c, j) => m.cells[i]?.[j]?.[pick] ?? 0), m.rowTotals[i]?.[pick] ?? 0]));
    ws.getColumn(1).width = 32;
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  };
  sheet('Segments', 'segments');
  sheet('Participants', 'participants');
  const about = wb.addWorksheet('About');
  about.addRow([title]).font = { bold: true };
  about.addRow([`Rows: codes. Columns: ${m.colsLabel}. Cells: coded segments, and distinct participants who said them.`]);
  for (const w of m.warnings) about.addRow([`Note: ${w}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
