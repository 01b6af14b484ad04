/**
 * Bytes → text for every text-based import format (.txt .md .vtt .srt .tsv .csv).
 *
 * Detection order: byte-order mark, UTF-16 without a mark, valid UTF-8, then Windows-1252
 * (what Word and Excel on Windows write when told "plain text"). The result is NFC with "\n"
 * line endings; nothing else is touched, so macrons, double vowels (Maaori) and [sic] survive
 * exactly as written.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './errors';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | MultiByteHint;

/** chardet is only trusted for multi-byte East Asian encodings, which Windows-1252 would turn into mojibake. */
const MULTI_BYTE_HINTS = ['Shift_JIS', 'EUC-JP', 'GB18030', 'Big5', 'EUC-KR'] as const;
type MultiByteHint = (typeof MULTI_BYTE_HINTS)[number];

/** How much of the file the UTF-16 sniffer looks at. */
const SNIFF_BYTES = 4096;

export function decodeTranscriptBytes(bytes: Uint8Array, fileName: string): string {
  return decodeTextBytes(bytes, fileName).text;
}

/** Line ends to "\n" and NFC: what every importer stores (REFI positions are counted before this; see qdpx/text-map.ts). */
export function normaliseTranscriptText(raw: string): string {
  // CRLF (Windows) and lone CR (old Mac) become LF; form feed and vertical tab are page/line breaks in exports.
  return raw.replace(/\r\n?|[\f\v]/g, '\n').normalize('NFC');
}

/** The file's text as written (encoding detected, byte-order mark removed), before line ends and NFC are normalised. */
export function decodeTranscriptRaw(bytes: Uint8Array, fileName: string): string {
  return decodeRaw(bytes, fileName, TRANSCRIPT_ADVICE).text;
}

export interface DecodedText {
  text: string;
  /** A file that mixes UTF-8 and Windows-1252 lines: which lines, and how they were read. */
  warnings: string[];
}

/** How a binary file is refused; a register says "save the register as CSV" instead. */
export interface DecodeOptions {
  binaryAdvice?: string;
}

const TRANSCRIPT_ADVICE = 'save the transcript as .txt or .docx and import that';

/** Decoded and normalised (line ends, NFC), with the warnings of a file that mixes encodings. */
export function decodeTextBytes(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): DecodedText {
  const raw = decodeRaw(bytes, fileName, options.binaryAdvice ?? TRANSCRIPT_ADVICE);
  const text = normaliseTranscriptText(raw.text);
  if (text.trim() === '') throw new ImportError(fileName, 'the file has no text, only blank space');
  return { text, warnings: raw.warnings };
}

function decodeRaw(bytes: Uint8Array, fileName: string, advice: string): DecodedText {
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty (0 bytes)');

  const { encoding, bomLength } = detectEncoding(bytes, fileName, advice);
  const body = bytes.subarray(bomLength);
  const warnings: string[] = [];
  let text: string;
  const mixed = encoding === 'windows-1252' ? mixedLines(body) : undefined;
  if (mixed) {
    text = mixed.text;
    warnings.push(mixedWarning(fileName, mixed.legacyLines));
  } else if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      // Only reachable with a UTF-8 BOM: the file claims UTF-8 but is not. Guessing would silently garble it.
      throw new ImportError(fileName, 'starts with a UTF-8 marker but is not valid UTF-8; open it and save it again as UTF-8 text');
    }
  } else {
    text = iconv.decode(body, encoding, { stripBOM: false });
  }

  rejectControlCharacters(text, fileName, advice);
  return { text: text.replace(/^\uFEFF/, ''), warnings };
}

/**
 * A file edited in two programs: some lines valid UTF-8 with non-ASCII letters (`whānau`), others
 * not UTF-8 at all (Windows-1252 `é` is one byte). Read as a whole in Windows-1252 the UTF-8 lines
 * turn to mojibake (`whÄnau`), so each line is read in the encoding that reads it cleanly.
 * Undefined when the file is not mixed (no line is UTF-8 beyond ASCII).
 */
function mixedLines(bytes: Uint8Array): { text: string; legacyLines: number[] } | undefined {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  const legacyLines: number[] = [];
  let utf8Lines = 0;
  let start = 0;
  let lineNo = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    try {
      parts.push(utf8.decode(line));
      if (line.some((b) => b >= 0x80)) utf8Lines++;
    } catch {
      parts.push(iconv.decode(Buffer.from(line), 'windows-1252'));
      legacyLines.push(lineNo);
    }
    start = end + 1;
    lineNo++;
  }
  if (utf8Lines === 0 || legacyLines.length === 0) return undefined;
  return { text: parts.join('\n'), legacyLines };
}

function mixedWarning(fileName: string, lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? ` and ${lines.length - 10} more` : '');
  return `${fileName}: mixes UTF-8 and Windows-1252 text: line${lines.length === 1 ? '' : 's'} ${shown} ${lines.length === 1 ? 'is' : 'are'} Windows-1252, the rest UTF-8; each line was read in the encoding that reads it cleanly. Check those lines, then save the file again as UTF-8.`;
}

function detectEncoding(bytes: Uint8Array, fileName: string, advice: string): { encoding: Encoding; bomLength: number } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { encoding: utf16, bomLength: 0 };

  // NUL never appears in real single-byte or UTF-8 text: this is an image, a zip, a PDF...
  if (bytes.includes(0)) throw new ImportError(fileName, `looks like a binary file, not text; ${advice}`);
  if (isValidUtf8(bytes)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: multiByteHint(bytes) ?? 'windows-1252', bomLength: 0 };
}

/**
 * UTF-16 without a BOM: mostly-Latin text has a NUL in every other byte — at odd offsets for
 * little-endian, even offsets for big-endian — and almost none in the other position.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function multiByteHint(bytes: Uint8Array): MultiByteHint | undefined {
  const best = chardet.analyse(bytes.subarray(0, 64 * 1024))[0];
  if (!best || best.confidence < 90) return undefined;
  return MULTI_BYTE_HINTS.find((name) => name === best.name);
}

/**
 * Text decoded from a binary file is full of C0/C1 control characters. A few strays (a DOS
 * end-of-file mark, a form feed) are tolerated; more than 1% of the text is not a transcript.
 */
function rejectControlCharacters(text: string, fileName: string, advice: string): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isControl = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0b && c !== 0x0c) || (c >= 0x7f && c <= 0x9f);
    if (isControl) controls++;
  }
  if (controls > Math.max(2, text.length * 0.01)) throw new ImportError(fileName, `looks like a binary file, not text; ${advice}`);
}
