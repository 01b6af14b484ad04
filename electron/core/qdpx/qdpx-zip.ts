/**
 * A `.qdpx` (a zip holding `project.qde` and `sources/`) read safely: the central directory is read
 * first (the docx checks' reader: import/docx-zip-check.ts) and the archive refused when it is not
 * a zip, holds an unsafe path (`..`, absolute: zip slip), is encrypted, uses a method other than
 * store/deflate, declares more than 500 MB, or compresses a sizeable entry more than 100:1 (a zip
 * bomb). Each entry is then inflated in chunks and refused as soon as it outgrows what it declared,
 * so a lying directory cannot unpack a bomb either. Nothing is written to disk.
 */
import { Inflate } from 'fflate';
import { isUnsafePath, MAX_COMPRESSION_RATIO, readCentralDirectory, type ZipEntry } from '../import/docx-zip-check';
import { FocalError } from '../errors';

export const MAX_QDPX_UNPACKED = 500 * 1024 * 1024;
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MAX_ENTRIES = 20_000;
const CHUNK = 1024 * 1024;
const SIG_LOCAL = 0x04034b50;

const mb = (n: number) => (n / 1048576).toFixed(1);

export interface QdpxArchive {
  /** Entry names as written, and their bytes (folders left out). */
  files: Map<string, Uint8Array>;
  /** The entry holding the project (`project.qde`, or ATLAS.ti's `<Name>.qde`). */
  qdeName: string;
}

export function readQdpxZip(bytes: Uint8Array, label: string): QdpxArchive {
  const refuse = (why: string) => new FocalError('bad-input', `${label}: ${why}; nothing was imported.`);
  const entries = readCentralDirectory(bytes);
  if (!entries) throw refuse('it is not a REFI-QDA project (.qdpx is a zip archive, and this is not one)');
  if (entries.length > MAX_ENTRIES) throw refuse(`it holds ${entries.length} files, more than a REFI-QDA project would`);
  let total = 0;
  for (const e of entries) {
    if (isUnsafePath(e.name)) throw refuse(`the archive contains the unsafe path "${e.name}" (pointing outside the project): refused`);
    if (e.flags & 1) throw refuse(`"${e.name}" is encrypted`);
    if (e.method !== 0 && e.method !== 8) throw refuse(`"${e.name}" uses compression method ${e.method}, which REFI-QDA tools never write`);
    total += e.size;
  }
  const bomb = () => refuse(`it looks like a zip bomb (${mb(total)} MB would be unpacked from ${mb(bytes.length)} MB)`);
  if (total > MAX_QDPX_UNPACKED) throw bomb();
  if (entries.some((e) => e.size > RATIO_FLOOR_BYTES && e.size / Math.max(1, e.compressedSize) > MAX_COMPRESSION_RATIO)) throw bomb();
  const qdes = entries.filter((e) => !e.name.includes('/') && /\.qde$/i.test(e.name));
  const qde = qdes.find((e) => e.name.toLowerCase() === 'project.qde') ?? (qdes.length === 1 ? qdes[0] : undefined);
  if (!qde) throw refuse(qdes.length ? `it holds ${qdes.length} .qde files and none is project.qde` : 'there is no project.qde in it, so it is not a REFI-QDA project');
  const files = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    files.set(e.name, inflateEntry(bytes, e, label));
  }
  return { files, qdeName: qde.name };
}

function inflateEntry(bytes: Uint8Array, e: ZipEntry, label: string): Uint8Array {
  const damaged = () => new FocalError('bad-input', `${label}: the archive is damaged ("${e.name}" cannot be read); nothing was imported.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== SIG_LOCAL) throw damaged();
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw damaged();
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw damaged();
    return bytes.subarray(start, end);
  }
  const out = new Uint8Array(e.size);
  let produced = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (produced + chunk.length > e.size) {
      over = true;
      return;
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  try {
    for (let at = start; at < end && !over; at += CHUNK) {
      const stop = Math.min(at + CHUNK, end);
      inflater.push(bytes.subarray(at, stop), stop === end);
    }
  } catch {
    throw damaged();
  }
  if (over) throw new FocalError('bad-input', `${label}: it looks like a zip bomb ("${e.name}" unpacks to more than the ${e.size} bytes it declares); nothing was imported.`);
  if (produced !== e.size) throw damaged();
  return out;
}

/** An entry by a REFI path (`internal://x.txt`, `sources/x.txt`, `Sources/x.txt`): NVivo Windows writes `Sources/`, the rest `sources/`. */
export function sourceEntry(files: Map<string, Uint8Array>, ref: string): Uint8Array | undefined {
  const name = ref.replace(/^internal:\/\//i, '');
  if (isUnsafePath(name)) return undefined;
  const candidates = [name, `sources/${name}`, `Sources/${name}`];
  for (const c of candidates) {
    const hit = files.get(c);
    if (hit) return hit;
  }
  const lower = new Set(candidates.map((c) => c.toLowerCase()));
  for (const [k, v] of files) if (lower.has(k.toLowerCase())) return v;
  return undefined;
}
