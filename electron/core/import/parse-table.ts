/**
 * Tables saved as .tsv/.csv. A transcript table — a header row naming speaker and text columns,
 * and maybe a time column (`Time,Speaker,Text`; see transcript-table.ts) — gives one turn per row.
 *
 * Otherwise, two-column workshop tables such as "Feedback received | Response to feedback".
 *
 * The first row names the columns, and each column's name is the speaker of its cells. A row
 * whose first cell is only bold (`<b>Māori workforce</b>`, `<p><b>…</b></p>`) and whose second
 * cell is empty is a section heading. A response covers its own row and the rows after it with
 * an empty second cell (a merged cell in the original), up to the next heading or response; it is
 * placed after the rows it covers, so it reads after the feedback it answers and `respondsTo`
 * always points back.
 */
import Papa from 'papaparse';
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { ImportError } from './errors';
import { htmlToText } from './html-text';
import { TranscriptBuilder } from './transcript-builder';
import { tableTurns, transcriptColumns } from './transcript-table';

const BOLD_ONLY = /^\s*(?:<p>\s*)?<(b|strong)>([\s\S]*?)<\/\1>\s*(?:<\/p>\s*)?$/i;

export function parseTable(text: string, fileName: string, format: 'tsv' | 'csv'): ParsedTranscript {
  const rows = readRows(text, format === 'tsv' ? '\t' : ',', fileName);
  const builder = new TranscriptBuilder();
  const [headerRow, ...body] = rows;
  if (!headerRow) throw new ImportError(fileName, 'the table has no rows');
  const columns = transcriptColumns(headerRow.map(htmlToText));
  if (columns) {
    for (const t of tableTurns(body.map((cells) => cells.map(htmlToText)), columns, (m) => builder.warn(m))) {
      const times = { ...(t.startMs === undefined ? {} : { startMs: t.startMs }), ...(t.endMs === undefined ? {} : { endMs: t.endMs }) };
      builder.add(t.speaker === undefined ? 'text' : 'turn', t.text, t.speaker === undefined ? times : { speaker: t.speaker, ...times });
    }
    return builder.build(format);
  }
  const columnName = (i: number) => htmlToText(headerRow[i] ?? '') || `Column ${i + 1}`;
  const [askSpeaker, answerSpeaker] = [columnName(0), columnName(1)];

  let pending: { text: string; covers: number[] } | undefined;
  const flush = () => {
    if (pending) builder.add('turn', pending.text, { speaker: answerSpeaker, respondsTo: pending.covers });
    pending = undefined;
  };
  let warnedExtra = false;

  body.forEach((cells, r) => {
    const rowNumber = r + 2; // 1-based, after the header row
    const first = htmlToText(cells[0] ?? '');
    const second = htmlToText(cells[1] ?? '');
    if (!warnedExtra && cells.slice(2).some((c) => htmlToText(c) !== '')) {
      builder.warn(`row ${rowNumber}: only the first two columns are imported; later columns were ignored`);
      warnedExtra = true;
    }
    if (first === '' && second === '') return;

    const heading = BOLD_ONLY.exec(cells[0] ?? '');
    if (heading && second === '') {
      flush();
      builder.add('heading', htmlToText(heading[2] ?? ''));
      return;
    }
    // A new response closes the previous one's group before its own row is placed.
    if (second !== '') flush();
    const rowBlock = first === '' ? -1 : builder.add('turn', first, { speaker: askSpeaker });
    if (second !== '') {
      if (rowBlock < 0) builder.warn(`row ${rowNumber}: a response with nothing in the first column`);
      pending = { text: second, covers: rowBlock < 0 ? [] : [rowBlock] };
    } else if (pending && rowBlock >= 0) {
      pending.covers.push(rowBlock);
    }
  });
  flush();
  return builder.build(format);
}

/**
 * Rows via papaparse with the delimiter the extension implies; when that yields a single column
 * (a .csv saved with tabs, say), papaparse guesses the delimiter instead.
 */
function readRows(text: string, delimiter: string, fileName: string): string[][] {
  const parse = (d: string) => Papa.parse<string[]>(text, { delimiter: d, skipEmptyLines: 'greedy' });
  let result = parse(delimiter);
  if ((result.data[0]?.length ?? 0) < 2) {
    const guessed = parse('');
    if ((guessed.data[0]?.length ?? 0) >= 2) result = guessed;
  }
  // An unclosed quote swallows the rest of the file into one cell: better refused than silently merged.
  const unclosed = result.errors.find((e) => e.type === 'Quotes');
  if (unclosed) {
    throw new ImportError(fileName, `row ${(unclosed.row ?? 0) + 1}: a quoted cell is never closed; check the quote marks in that row`);
  }
  return result.data;
}
