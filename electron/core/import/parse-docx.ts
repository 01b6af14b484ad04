/**
 * Word transcripts (.docx). The archive is checked first (docx-zip-check.ts), then mammoth
 * turns the document into simple HTML whose paragraphs go through the same rules as plain text
 * (blocks-from-paragraphs.ts). Word adds ways of marking a speaker: a bold run at the start
 * of the paragraph — **Aroha:** words, **Aroha**: words, or **Aroha** words; a bold name and a
 * time (`**Aroha Ngata** 0:03`, Teams), the words in the next paragraph; and a table whose
 * header row names speaker and text columns (transcript-table.ts), one turn per row.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { blocksFromParagraphs, type SourceLine } from './blocks-from-paragraphs';
import { checkDocxZip } from './docx-zip-check';
import { ImportError } from './errors';
import { splitTables } from './docx-tables';
import { htmlParagraphs, htmlToText, type HtmlParagraph } from './html-text';
import { looksLikeSpeakerLabel } from './speaker-label';
import { timeSpan } from './time-stamps';
import { TranscriptBuilder } from './transcript-builder';
import { tableTurns, transcriptColumns } from './transcript-table';

export async function parseDocx(bytes: Uint8Array, fileName: string): Promise<ParsedTranscript> {
  checkDocxZip(bytes, fileName);

  let html: string;
  try {
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Empty paragraphs are kept: they separate a header block from the transcript, as blank lines do in text.
        ignoreEmptyParagraphs: false,
        // Images are never read: a transcript's pictures are not text, and reading them costs time and memory.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        // Never follow links to files outside the document.
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ImportError(fileName, `could not be read as a Word document (${detail}); open it in Word, save it as .docx again and import that`);
  }

  // mammoth reads the XML as UTF-8 and does not normalise; Word may store decomposed macrons.
  const builder = new TranscriptBuilder();
  const lines = documentLines(html.normalize('NFC'), (m) => builder.warn(m));
  const metadata = blocksFromParagraphs(lines, builder, { unit: 'paragraph' });
  return builder.build('docx', metadata);
}

/** Paragraphs, and each row of a transcript table as one line with its speaker and time. */
function documentLines(html: string, warn: (message: string) => void): SourceLine[] {
  const lines: SourceLine[] = [];
  let table = 0;
  for (const chunk of splitTables(html)) {
    if (chunk.kind === 'table') {
      table++;
      const [header, ...body] = chunk.rows.map((row) => row.map(htmlToText));
      const columns = header && transcriptColumns(header);
      if (columns) {
        const warnTable = (m: string) => warn(`table ${table}, ${m}`);
        for (const t of tableTurns(body, columns, warnTable)) {
          const line: SourceLine = t.speaker === undefined ? { text: t.text } : { speaker: t.speaker, text: t.text, strong: true };
          if (t.speaker !== undefined && t.startMs !== undefined) line.startMs = t.startMs;
          if (t.speaker !== undefined && t.endMs !== undefined) line.endMs = t.endMs;
          lines.push(line);
        }
        // The table's last row is a turn of its own: what follows the table does not continue it.
        lines.push({ text: '', endsTurn: true });
        continue;
      }
    }
    lines.push(...htmlParagraphs(chunk.html).map(toSourceLine));
  }
  return lines;
}

function toSourceLine(p: HtmlParagraph): SourceLine {
  if (p.heading) return { text: p.text, heading: true };
  const speaker = boldSpeaker(p);
  if (speaker) return speaker;
  const line: SourceLine = { text: p.text };
  if (p.raw !== p.text) line.raw = p.raw;
  if (p.leadingBold !== undefined && p.leadingBold === p.text) line.bold = true;
  return line;
}

/**
 * A bold run opening the paragraph is a speaker label when it reads like one. The colon may be
 * inside the bold run, straight after it, or absent (`**Aroha** Kia ora`), in which case there
 * must be words after it: a paragraph that is all bold is emphasis or a heading, not a speaker.
 */
function boldSpeaker(p: HtmlParagraph): SourceLine | undefined {
  if (p.leadingBold === undefined || !p.text.startsWith(p.leadingBold)) return undefined;
  let label = p.leadingBold;
  let rest = p.text.slice(label.length);
  if (label.endsWith(':')) label = label.slice(0, -1).trimEnd();
  else if (/^\s*:/.test(rest)) rest = rest.replace(/^\s*:/, '');
  else if (rest.trim() === '') return undefined;
  if (!looksLikeSpeakerLabel(label)) return undefined;
  // `**Aroha Ngata** 0:03` (Teams): the time is the turn's, the words come in the next paragraph.
  const span = /\d:\d/.test(rest) ? timeSpan(rest.trim()) : undefined;
  if (span) return { speaker: label, text: '', whole: p.text, strong: true, ...span };
  return { speaker: label, text: rest.trim(), whole: p.text };
}
