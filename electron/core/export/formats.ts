/**
 * Writing a quote bank in each format: Word (grouped by code, headings ready for a report), Excel,
 * CSV and Markdown. UTF-8 throughout, macrons intact. Only gate-passed output (QuoteOut) comes in:
 * these writers never see an original text, a real name or the pseudonym key.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { safeCsv } from './csv-safe';
import type { ExportFormat, QuoteOut } from '../../../shared/domain/quotes';

export interface BankMeta {
  projectName: string;
  /** NZ date of the export, dd/mm/yyyy. */
  date: string;
  profile: string;
  gateVersion: number;
  /** A time column (csv, xlsx) and "at mm:ss" in the footnote (docx, md): the quote's time in its recording. */
  withTime?: boolean;
}

export interface BankItem extends QuoteOut {
  quoteId: number;
  /** mm:ss (h:mm:ss) in the recording, when asked for and the transcript is timed. */
  time?: string;
}

const MODE_LABEL = { mainstream: 'Mainstream', tikanga: 'Tikanga-based' } as const;

/** Quotes grouped by code path, codes in alphabetical order (as a report's sections), quotes in bank order. */
export function groupByCode(items: BankItem[]): Array<[string, BankItem[]]> {
  const groups = new Map<string, BankItem[]>();
  for (const i of items) groups.set(i.codePath, [...(groups.get(i.codePath) ?? []), i]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en-NZ'));
}

const mixed = (items: BankItem[]) => new Set(items.map((i) => i.mode)).size > 1;

const SECTION_LABEL = { mainstream: 'Mainstream focus groups and interviews', tikanga: 'Tikanga-based kōrero' } as const;

/**
 * Mainstream and tikanga-based quotes are kept apart: an export holding both has one labelled
 * section for each (mainstream first), each grouped by code; an export of one mode has one
 * unlabelled section.
 */
export function sectionsByMode(items: BankItem[]): Array<{ label: string | null; items: BankItem[] }> {
  if (!mixed(items)) return [{ label: null, items }];
  return (['mainstream', 'tikanga'] as const).map((m) => ({ label: SECTION_LABEL[m], items: items.filter((i) => i.mode === m) }));
}

function footnote(i: BankItem, showMode: boolean): string {
  return `${i.attribution}, ${i.sourceTitle}${i.time ? ` at ${i.time}` : ''}${showMode ? ` · ${MODE_LABEL[i.mode]}` : ''}`;
}

export async function writeDocx(items: BankItem[], meta: BankMeta): Promise<Buffer> {
  const showMode = mixed(items);
  const children: Paragraph[] = [
    new Paragraph({ text: `Quote bank: ${meta.projectName}`, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: `Exported ${meta.date}. ${items.length} quote${items.length === 1 ? '' : 's'}, pseudonymised and checked against consent (gate version ${meta.gateVersion}, ${meta.profile} profile).`, italics: true, size: 18 })] }),
  ];
  // Nested headings follow the code tree (Heading 1 for a top-level code, Heading 2 under it, ...),
  // each parent written once, so the document's outline is the code frame.
  const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];
  for (const section of sectionsByMode(items)) {
    // A labelled mode section is Heading 1, and its code tree starts one level down.
    const top = section.label ? 1 : 0;
    if (section.label) children.push(new Paragraph({ text: section.label, heading: HeadingLevel.HEADING_1 }));
    let previous: string[] = [];
    for (const [code, group] of groupByCode(section.items)) {
      const parts = code.split('/');
      const same = parts.findIndex((p, i) => previous[i] !== p);
      parts.forEach((p, i) => {
        if (same !== -1 && i >= same) children.push(new Paragraph({ text: p, heading: LEVELS[Math.min(i + top, LEVELS.length - 1)]! }));
      });
      previous = parts;
      children.push(...quoteParagraphs(group, showMode));
    }
  }
  const doc = new Document({ creator: 'Focal', title: `Quote bank: ${meta.projectName}`, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

function quoteParagraphs(group: BankItem[], showMode: boolean): Paragraph[] {
  const children: Paragraph[] = [];
  {
    for (const i of group) {
      const paras = i.text.split(/\n{2,}/);
      paras.forEach((p, n) =>
        children.push(new Paragraph({ indent: { left: 720, right: 720 }, spacing: { after: n === paras.length - 1 ? 60 : 120 }, children: [new TextRun({ text: `${n === 0 ? '“' : ''}${p}${n === paras.length - 1 ? '”' : ''}`, italics: true })] })),
      );
      children.push(new Paragraph({ indent: { left: 720, right: 720 }, alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [new TextRun({ text: footnote(i, showMode), size: 20 })] }));
    }
  }
  return children;
}

const COLUMNS = ['quote_id', 'code', 'quote', 'attribution', 'source', 'mode'] as const;
const row = (i: BankItem, withTime = false) => [i.quoteId, i.codePath, i.text, i.attribution, i.sourceTitle, MODE_LABEL[i.mode], ...(withTime ? [i.time ?? ''] : [])];

export async function writeXlsx(items: BankItem[], meta: BankMeta): Promise<Buffer> {
  // Loaded when first used: exceljs takes ~180 ms to load, which every CLI command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Focal';
  const ws = wb.addWorksheet('Quotes');
  ws.columns = [
    { header: 'Quote id', key: 'id', width: 10 },
    { header: 'Code', key: 'code', width: 28 },
    { header: 'Quote', key: 'quote', width: 80 },
    { header: 'Attribution', key: 'attribution', width: 30 },
    { header: 'Source', key: 'source', width: 36 },
    { header: 'Mode', key: 'mode', width: 16 },
    ...(meta.withTime ? [{ header: 'Time', key: 'time', width: 10 }] : []),
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of items) ws.addRow(row(i, meta.withTime));
  ws.getColumn('quote').alignment = { wrapText: true, vertical: 'top' };
  const about = wb.addWorksheet('About');
  about.addRows([['Project', meta.projectName], ['Exported', meta.date], ['Profile', meta.profile], ['Gate version', meta.gateVersion], ['Quotes', items.length]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function writeCsv(items: BankItem[], withTime = false): Buffer {
  // A BOM so Excel reads UTF-8 (macrons) correctly.
  // Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe.
  return Buffer.from(safeCsv(items.map((i) => row(i, withTime)), { fields: [...COLUMNS, ...(withTime ? ['time'] : [])], bom: true, trailingNewline: true }), 'utf8');
}

export function writeMarkdown(items: BankItem[], meta: BankMeta): Buffer {
  const showMode = mixed(items);
  const escape = (s: string) => s.replace(/([\\`*_#<>|])/g, '\\$1');
  const lines = [`# Quote bank: ${escape(meta.projectName)}`, '', `_Exported ${meta.date}. ${items.length} quotes, pseudonymised and checked against consent (gate version ${meta.gateVersion}, ${meta.profile} profile)._`, ''];
  for (const section of sectionsByMode(items)) {
    const h = section.label ? '###' : '##';
    if (section.label) lines.push(`## ${escape(section.label)}`, '');
    for (const [code, group] of groupByCode(section.items)) {
      lines.push(`${h} ${escape(code.split('/').join(' › '))}`, '');
      for (const i of group) {
        for (const p of i.text.split(/\n{2,}/)) lines.push(`> ${escape(p)}`, '>');
        lines.push(`> — ${escape(footnote(i, showMode))}`, '');
      }
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

export async function writeBank(format: ExportFormat, items: BankItem[], meta: BankMeta): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return writeDocx(items, meta);
    case 'xlsx':
      return writeXlsx(items, meta);
    case 'csv':
      return writeCsv(items, meta.withTime);
    case 'md':
      return writeMarkdown(items, meta);
  }
}
