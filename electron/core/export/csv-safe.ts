/**
 * Every CSV/TSV Focal writes goes through here: papaparse's unparse with each text cell that a
 * spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first)
 * written with a leading apostrophe, OWASP's rule against CSV injection. Numbers stay numbers;
 * the apostrophe shows in a text editor and Excel/LibreOffice hide it.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as it is safe to write: a text cell that would start a formula gets a leading `'`. */
export function safeCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface SafeCsvOptions {
  /** Header row; each header is made safe too. */
  fields?: string[];
  delimiter?: ',' | '\t' | ';';
  /** Start with a UTF-8 BOM (so Excel shows macrons) and end with a line break. */
  bom?: boolean;
  trailingNewline?: boolean;
}

/** CSV (CRLF lines) from rows of cells, each cell made safe. */
export function safeCsv(rows: unknown[][], options: SafeCsvOptions = {}): string {
  const data = rows.map((r) => r.map(safeCell));
  const body = options.fields
    ? Papa.unparse({ fields: options.fields.map((f) => safeCell(f) as string), data }, { newline: '\r\n', delimiter: options.delimiter ?? ',' })
    : Papa.unparse(data, { newline: '\r\n', delimiter: options.delimiter ?? ',' });
  return `${options.bom ? '\uFEFF' : ''}${body}${options.trailingNewline ? '\r\n' : ''}`;
}
