/**
 * Word transcripts (.docx). The archive is checked first (docx-zip-check.ts), then mammoth
 * turns the document into simple HTML whose paragraphs go through the same rules as plain text
 * (blocks-from-paragraphs.ts). Word adds one way of marking a speaker: a bold run at the start
 * of the paragraph — **Aroha:** words, **Aroha**: words, or **Aroha** words.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { blocksFromParagraphs, type SourceLine } from './blocks-from-paragraphs';
import { checkDocxZip } from './docx-zip-check';
import { ImportError } from './errors';
import { htmlParagraphs, type HtmlParagraph } from './html-text';
import { looksLikeSpeakerLabel } from './speaker-label';
import { TranscriptBuilder } from './transcript-builder';

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
  const lines = htmlParagraphs(html.normalize('NFC')).map(toSourceLine);
  const builder = new TranscriptBuilder();
  const metadata = blocksFromParagraphs(lines, builder, { unit: 'paragraph' });
  return builder.build('docx', metadata);
}

function toSourceLine(p: HtmlParagraph): SourceLine {
  if (p.heading) return { text: p.text, heading: true };
  const speaker = boldSpeaker(p);
  return speaker ?? { text: p.text };
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
  return { speaker: label, text: rest.trim() };
}
