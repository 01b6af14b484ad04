/**
 * The importers' single entry point: file name and bytes in, ParsedTranscript out. Pure — no
 * database, no file system, no Electron — so the CLI, the app and the tests share it.
 */
import type { ParsedTranscript, SourceFormat } from '../../../shared/domain/transcript';
import { decodeTextBytes } from './decode';
import { ImportError } from './errors';
import { parseDocx } from './parse-docx';
import { parseMarkdown } from './parse-markdown';
import { parseSrt } from './parse-srt';
import { parseTable } from './parse-table';
import { parsePlainText } from './parse-text';
import { parseVtt } from './parse-vtt';
import { suspectTurnWarnings } from './suspect-turns';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const EXTENSIONS: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  docx: 'docx',
  vtt: 'vtt',
  srt: 'srt',
  tsv: 'tsv',
  csv: 'csv',
};
export const SUPPORTED_EXTENSIONS = '.txt .md .docx .vtt .srt .tsv .csv';

/** What to tell someone who picked a format Focal cannot read, when there is something better to say. */
const ADVICE: Record<string, string> = {
  doc: 'old Word .doc files cannot be imported; open it in Word and save it as .docx',
  rtf: 'RTF files cannot be imported; open it in Word and save it as .docx',
  pdf: 'PDF files cannot be imported; export the transcript from its source as .docx or .txt',
  odt: 'OpenDocument files cannot be imported; save it as .docx',
};

export async function parseTranscriptFile(fileName: string, bytes: Uint8Array): Promise<ParsedTranscript> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new ImportError(fileName, `is ${mb} MB; Focal imports files up to 50 MB. Split it and import the parts.`);
  }
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const declared = EXTENSIONS[extension];
  if (!declared) {
    const advice = ADVICE[extension] ?? `${extension ? `.${extension} files` : 'files without an extension'} cannot be imported`;
    throw new ImportError(fileName, `${advice}. Focal imports ${SUPPORTED_EXTENSIONS}`);
  }
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty (0 bytes)');

  const decoded = declared === 'docx' ? undefined : decodeTextBytes(bytes, fileName);
  const parsed = decoded ? parseText(decoded.text, fileName, declared as Exclude<SourceFormat, 'docx'>) : await parseDocx(bytes, fileName);
  if (decoded?.warnings.length) parsed.warnings.unshift(...decoded.warnings);
  if (parsed.blocks.length === 0) {
    throw new ImportError(fileName, 'no transcript text found; check that the file holds the transcript itself and not only a header');
  }
  parsed.warnings.push(...suspectTurnWarnings(parsed));
  return parsed;
}

function parseText(text: string, fileName: string, declared: Exclude<SourceFormat, 'docx'>): ParsedTranscript {
  switch (declared === 'txt' ? (sniff(text) ?? 'txt') : declared) {
    case 'vtt':
      return parseVtt(text, fileName);
    case 'srt':
      return parseSrt(text, fileName);
    case 'tsv':
      return parseTable(text, fileName, 'tsv');
    case 'csv':
      return parseTable(text, fileName, 'csv');
    case 'md':
      return parseMarkdown(text);
    default:
      return parsePlainText(text);
  }
}

/** Captions saved as .txt are still captions: the content decides when it is unmistakable. */
function sniff(text: string): 'vtt' | 'srt' | undefined {
  if (/^WEBVTT(?:[ \t]|\n|$)/.test(text)) return 'vtt';
  if (/^\s*\d+\n\d{1,3}:\d{2}:\d{2}[,.]\d{3}[ \t]*-->/.test(text)) return 'srt';
  return undefined;
}
