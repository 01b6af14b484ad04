/**
 * Builds small, valid .docx files in memory for tests, so no binary fixtures need checking in.
 *
 *   buildDocx([
 *     [{ text: 'Aroha:', bold: true }, ' Kia ora whānau.'],
 *     'Tama: Kia ora.',
 *     { heading: 1, text: 'Part two' },
 *   ])
 *
 * `docxEntries` returns the archive's files so a test can add or replace entries (zip slip,
 * zip bombs) before zipping them with fflate's `zipSync`.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface DocxRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A paragraph: plain text, a list of runs, or a heading. An empty string is an empty paragraph. */
export type DocxParagraph = string | (string | DocxRun)[] | { heading: 1 | 2 | 3; text: string };

/** A table: rows of cells; a cell is its paragraphs (a string is one paragraph, "\n" splits paragraphs). */
export interface DocxTable {
  table: (string | DocxParagraph[])[][];
}

export type DocxBodyItem = DocxParagraph | DocxTable;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/></w:style>
</w:styles>`;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runXml(run: string | DocxRun): string {
  const r = typeof run === 'string' ? { text: run } : run;
  const props = `${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
}

function cellXml(cell: string | DocxParagraph[]): string {
  const paragraphs = typeof cell === 'string' ? cell.split('\n') : cell;
  return `<w:tc>${paragraphs.map(paragraphXml).join('') || '<w:p/>'}</w:tc>`;
}

function itemXml(item: DocxBodyItem): string {
  if (typeof item === 'object' && !Array.isArray(item) && 'table' in item) {
    return `<w:tbl>${item.table.map((row) => `<w:tr>${row.map(cellXml).join('')}</w:tr>`).join('')}</w:tbl><w:p/>`;
  }
  return paragraphXml(item);
}

function paragraphXml(p: DocxParagraph): string {
  if (typeof p === 'string') return p === '' ? '<w:p/>' : `<w:p>${runXml(p)}</w:p>`;
  if (Array.isArray(p)) return `<w:p>${p.map(runXml).join('')}</w:p>`;
  return `<w:p><w:pPr><w:pStyle w:val="Heading${p.heading}"/></w:pPr>${runXml(p.text)}</w:p>`;
}

export function documentXml(paragraphs: DocxBodyItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map(itemXml).join('')}</w:body></w:document>`;
}

/** The files of a minimal .docx holding `paragraphs`. */
export function docxEntries(paragraphs: DocxBodyItem[]): Zippable {
  return {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    'word/styles.xml': strToU8(STYLES),
    'word/document.xml': strToU8(documentXml(paragraphs)),
  };
}

export function buildDocx(paragraphs: DocxBodyItem[]): Uint8Array {
  return zipSync(docxEntries(paragraphs));
}
