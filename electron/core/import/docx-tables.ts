/**
 * mammoth's HTML for a Word document, split into runs of paragraphs and top-level tables, so a
 * table that holds the transcript (transcript-table.ts) can be read row by row. Tables inside
 * tables stay in their cell's HTML.
 */

export type HtmlChunk = { kind: 'html'; html: string } | { kind: 'table'; html: string; rows: string[][] };

const TABLE_TOKEN = /<(\/?)(table|tr|td|th)\b[^>]*>/gi;

export function splitTables(html: string): HtmlChunk[] {
  if (!/<table\b/i.test(html)) return [{ kind: 'html', html }];
  const chunks: HtmlChunk[] = [];
  let depth = 0;
  let outsideFrom = 0;
  let tableFrom = 0;
  let rows: string[][] = [];
  let row: string[] | undefined;
  let cellFrom = -1;

  for (const m of html.matchAll(TABLE_TOKEN)) {
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const at = m.index;
    const after = at + m[0].length;
    if (name === 'table') {
      if (!closing) {
        if (depth === 0) {
          if (at > outsideFrom) chunks.push({ kind: 'html', html: html.slice(outsideFrom, at) });
          tableFrom = at;
          rows = [];
        }
        depth++;
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          chunks.push({ kind: 'table', html: html.slice(tableFrom, after), rows });
          outsideFrom = after;
        }
      }
      continue;
    }
    if (depth !== 1) continue;
    if (name === 'tr') {
      if (!closing) rows.push((row = []));
      else row = undefined;
    } else if (!closing) {
      cellFrom = after;
    } else if (row && cellFrom >= 0) {
      row.push(html.slice(cellFrom, at));
      cellFrom = -1;
    }
  }
  if (depth > 0) chunks.push({ kind: 'html', html: html.slice(tableFrom) });
  else if (outsideFrom < html.length) chunks.push({ kind: 'html', html: html.slice(outsideFrom) });
  return chunks;
}
