/**
 * Safety checks on a .docx (a zip archive) before mammoth is allowed near it.
 *
 * mammoth unzips with JSZip, which trusts the sizes in the zip's central directory and inflates
 * a whole entry into memory before noticing a lie. So the directory is read here first and the
 * archive refused when it is not a zip, has entries with unsafe paths (`../`, absolute: zip
 * slip), declares more than 200 MB, or compresses any sizeable entry more than 100:1 (zip bomb).
 * Then every entry is inflated in small chunks and dropped, stopping as soon as it produces
 * more than it declared, so a lying directory cannot make mammoth unpack a bomb either.
 */
import { Inflate } from 'fflate';
import { ImportError } from './errors';

export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_COMPRESSION_RATIO = 100;
/** Small parts compress well (repetitive XML) and cannot hurt; the ratio rule applies above this size. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;
const INFLATE_CHUNK = 4096;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const U32_MAX = 0xffffffff;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Throws ImportError unless `bytes` is a zip that is safe to hand to mammoth as a Word document. */
export function checkDocxZip(bytes: Uint8Array, fileName: string): void {
  const notZip = (detail = '') => new ImportError(fileName, `not a Word .docx file (not a zip archive)${detail}`);
  // Old .doc files and password-protected .docx files are OLE2 compound files, not zips.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw notZip(': it looks like an old .doc or a password-protected document; in Word, remove any password and save it as .docx');
  }
  const entries = readCentralDirectory(bytes);
  if (!entries) throw notZip();
  if (entries.length > MAX_ENTRIES) throw new ImportError(fileName, `not a Word .docx file: it holds ${entries.length} files`);

  let total = 0;
  for (const e of entries) {
    if (isUnsafePath(e.name)) {
      throw new ImportError(fileName, `refused: the archive contains the unsafe path "${e.name}" (pointing outside the document); this is not a file Word saved`);
    }
    if (e.flags & 1) throw new ImportError(fileName, 'the document is encrypted; remove the password in Word, save, and import again');
    if (e.method !== 0 && e.method !== 8) {
      throw new ImportError(fileName, `not a Word .docx file: "${e.name}" uses compression method ${e.method}, which Word never writes`);
    }
    total += e.size;
  }
  const bomb = () => new ImportError(fileName, `looks like a zip bomb: ${mb(total)} MB would be unpacked from ${mb(bytes.length)} MB; it was not opened`);
  if (total > MAX_UNPACKED_BYTES) throw bomb();
  if (entries.some((e) => e.size > RATIO_FLOOR_BYTES && e.size / Math.max(1, e.compressedSize) > MAX_COMPRESSION_RATIO)) throw bomb();

  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportError(fileName, 'not a Word .docx file (word/document.xml is missing); open it in Word, save it as .docx and import that');
  }
  for (const e of entries) verifyEntrySize(bytes, e, fileName);
}

export function isUnsafePath(name: string): boolean {
  if (/^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((segment) => segment === '..');
}

/** Reads the central directory; undefined when `bytes` is not a readable zip. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  const inside = (at: number, length: number) => at >= 0 && at + length <= bytes.length;

  // The end record is in the last 22 bytes plus up to 64 KB of comment.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === SIG_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if ((count === 0xffff || offset === U32_MAX) && inside(end - 20, 20) && u32(end - 20) === SIG_ZIP64_LOCATOR) {
    const at64 = u64(end - 12);
    if (!inside(at64, 56) || u32(at64) !== SIG_ZIP64_END) return undefined;
    count = u64(at64 + 32);
    offset = u64(at64 + 48);
  }

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (!inside(at, 46) || u32(at) !== SIG_CENTRAL) return undefined;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (!inside(at + 46, nameLength + extraLength + commentLength)) return undefined;
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    readZip64Extra(entry, view, at + 46 + nameLength, extraLength);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
    if (entries.length > MAX_ENTRIES) break;
  }
  return entries;
}

/** Sizes and offsets too big for 32 bits live in the zip64 extra field (id 1), in this order, only for fields set to 0xFFFFFFFF. */
function readZip64Extra(e: ZipEntry, view: DataView, from: number, length: number): void {
  const end = from + length;
  for (let at = from; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = (current: number) => {
        if (field + 8 > Math.min(end, at + 4 + size)) return current;
        const value = view.getUint32(field, true) + view.getUint32(field + 4, true) * 2 ** 32;
        field += 8;
        return value;
      };
      if (e.size === U32_MAX) e.size = next(e.size);
      if (e.compressedSize === U32_MAX) e.compressedSize = next(e.compressedSize);
      if (e.localOffset === U32_MAX) e.localOffset = next(e.localOffset);
      return;
    }
    at += 4 + size;
  }
}

/** Inflates one entry chunk by chunk, keeping nothing, and stops as soon as it outgrows its declared size. */
function verifyEntrySize(bytes: Uint8Array, e: ZipEntry, fileName: string): void {
  const damaged = () => new ImportError(fileName, `the Word file is damaged (cannot read "${e.name}"); open it in Word, save it again and import that`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== SIG_LOCAL) throw damaged();
  const dataStart = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const dataEnd = dataStart + e.compressedSize;
  if (dataEnd > bytes.length) throw damaged();
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw damaged();
    return;
  }

  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
  });
  try {
    for (let at = dataStart; at < dataEnd && produced <= e.size; at += INFLATE_CHUNK) {
      const stop = Math.min(at + INFLATE_CHUNK, dataEnd);
      inflater.push(bytes.subarray(at, stop), stop === dataEnd);
    }
  } catch {
    throw damaged();
  }
  if (produced > e.size) {
    throw new ImportError(fileName, `looks like a zip bomb: "${e.name}" unpacks to more than the ${e.size} bytes it declares; it was not opened`);
  }
}
