/**
 * Reading a participant register CSV into headed rows: BOM stripped, delimiter (comma, tab or
 * semicolon) detected, headers matched to the fixed columns or kept as attribute columns.
 * Problems that make the whole file unreadable throw 'import-failed' before anything is written.
 */
import Papa from 'papaparse';
import { fold } from '../../../shared/text/fold';
import { FocalError } from '../errors';
import { cleanName } from './commit';
import { registerColumn, type RegisterColumn } from './register-columns';

export interface RegisterRow {
  /** 1-based row number as a spreadsheet shows it: the header is row 1. */
  rowNo: number;
  cells: string[];
}

export interface FileColumn {
  index: number;
  /** The header as written in the file, for messages. */
  header: string;
}

export interface RegisterTable {
  fixed: Map<RegisterColumn, FileColumn>;
  /** Every other headed column: an attribute named by its header. */
  attributes: Array<FileColumn & { name: string }>;
  rows: RegisterRow[];
  warnings: string[];
}

const fatal = (message: string) => new FocalError('import-failed', message);

export function cell(row: RegisterRow, col: FileColumn | undefined): string {
  // A cell Focal's own export guarded against formula injection ('=…, '+…, '-…, '@…) reads back as written.
  return col ? (row.cells[col.index] ?? '').normalize('NFC').trim().replace(/^'(?=[=+\-@\t\r])/, '') : '';
}

export function readRegister(file: string, csv: string): RegisterTable {
  const text = csv.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { header: false, delimitersToGuess: [',', '\t', ';'], skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw fatal(`${file}: the quotes on row ${row} are not closed properly, so the rows after it cannot be read; fix that row's quotes (a quote inside a value is written "").`);
  }
  const [header, ...body] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) {
    throw fatal(`${file} is empty; the first row must name the columns, e.g. name,pseudonym,role`);
  }
  const rows: RegisterRow[] = body.map((cells, i) => ({ rowNo: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));

  const fixed = new Map<RegisterColumn, FileColumn>();
  const attributes: RegisterTable['attributes'] = [];
  const warnings: string[] = [];
  header.forEach((raw, index) => {
    const h = raw.normalize('NFC').trim();
    if (h === '') {
      if (rows.some((r) => (r.cells[index] ?? '').trim() !== '')) {
        warnings.push(`${file}: column ${index + 1} has no heading, so its values were not imported; give it a heading to import it as an attribute`);
      }
      return;
    }
    const col = registerColumn(h);
    const same = col ? fixed.get(col) : attributes.find((a) => fold(a.name) === fold(cleanName(h)));
    if (same) throw fatal(`${file}: columns ${same.index + 1} and ${index + 1} are both '${h}'; keep one of them.`);
    if (col) fixed.set(col, { index, header: h });
    else attributes.push({ index, header: h, name: cleanName(h) });
  });
  if (!fixed.has('name')) {
    throw fatal(`${file}: no 'name' column; the first row must name the columns, e.g. name,pseudonym,role`);
  }
  for (const r of rows) {
    const extra = r.cells.slice(header.length).filter((c) => c.trim() !== '');
    if (extra.length) warnings.push(`${file} row ${r.rowNo}: has ${extra.length} value(s) beyond the last heading, which were not imported`);
  }
  return { fixed, attributes, rows, warnings };
}
