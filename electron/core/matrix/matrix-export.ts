/**
 * Matrix exports: CSV (csv-safe) and XLSX (exceljs). They hold counts only, never quote text; their
 * labels are the export labels (export-labels.ts: pseudonyms, export titles, rules applied), and
 * the notes say why a label is neutral. Each file written is audited (save-files.ts).
 */
import type { MatrixResult } from '../../../shared/domain/analysis';
import { safeCsv } from '../export/csv-safe';

/** The matrix as CSV rows; notes (why a label is neutral) follow after an empty row. */
export function matrixCsv(m: MatrixResult, notes: string[] = []): string {
  const header = ['Code', ...m.cols.flatMap((c) => [`${c.label}: segments`, `${c.label}: participants`]), 'Total segments', 'Total participants'];
  const rows: unknown[][] = m.rows.map((r, i) => [
    r.path,
    ...m.cols.flatMap((_c, j) => {
      const cell = m.cells[i]?.[j];
      return [cell?.segments ?? 0, cell?.participants ?? 0];
    }),
    m.rowTotals[i]?.segments ?? 0,
    m.rowTotals[i]?.participants ?? 0,
  ]);
  const tail = notes.length ? [[], ...notes.map((n) => ['Note', n])] : [];
  return safeCsv([header, ...rows, ...tail]);
}

export async function matrixXlsx(m: MatrixResult, title: string, notes: string[] = []): Promise<Buffer> {
  // Loaded when first used: exceljs takes ~180 ms to load, which every CLI command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Focal';
  const sheet = (name: string, pick: 'segments' | 'participants') => {
    const ws = wb.addWorksheet(name);
    // Plain values only: a label such as `=HYPERLINK(…)` is stored as a string cell, never a formula.
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
  for (const n of notes) about.addRow([`Note: ${n}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
