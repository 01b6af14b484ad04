/**
 * A chart PNG from the renderer, checked and rewritten before it is written: the signature, then
 * chunks each with a valid CRC, IHDR first, IEND last and nothing after it; the size must be the
 * one the core asked for; the image data must inflate to exactly the pixels IHDR declares (so
 * nothing rides after the pixels inside the zlib stream); text and metadata chunks (tEXt, iTXt,
 * zTXt, eXIf, iCCP, animation chunks and anything unknown) are dropped; the file is rebuilt from
 * IHDR, the palette/colour chunks kept and the re-compressed pixels.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { FocalError } from '../errors';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Ancillary chunks that carry colour only, kept; every other ancillary chunk is dropped. */
const KEEP = new Set(['PLTE', 'tRNS', 'sRGB', 'gAMA', 'cHRM', 'pHYs']);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const MAX_PIXELS = 64_000_000;

const bad = (why: string) => new FocalError('bad-input', `The chart image is not a plain PNG (${why}); export it again.`);

export interface PngChunk {
  type: string;
  data: Buffer;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Every chunk, in order; throws unless the structure is exactly signature, IHDR … IEND. */
export function readPngChunks(bytes: Buffer): PngChunk[] {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw bad('no PNG signature');
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) throw bad('a chunk is cut short');
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw bad('a chunk has no valid type');
    if (len > 0x7fffffff || at + 12 + len > bytes.length) throw bad(`the ${type} chunk runs past the end`);
    const data = bytes.subarray(at + 8, at + 8 + len);
    const crc = bytes.readUInt32BE(at + 8 + len);
    if ((crc32(bytes.subarray(at + 4, at + 8 + len)) >>> 0) !== crc) throw bad(`the ${type} chunk's checksum is wrong`);
    chunks.push({ type, data });
    at += 12 + len;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw bad('IHDR is not the first chunk');
  if (chunks.at(-1)?.type !== 'IEND') throw bad('there is no IEND chunk');
  if (at !== bytes.length) throw bad(`${bytes.length - at} bytes follow the end of the image`);
  if (chunks.filter((c) => c.type === 'IHDR').length !== 1) throw bad('more than one IHDR');
  return chunks;
}

export interface PngExpect {
  width: number;
  height: number;
}

/** The PNG checked (structure, size, pixels) and rebuilt with only its image and colour chunks. */
export function cleanPng(bytes: Buffer, expect?: PngExpect): Buffer {
  const chunks = readPngChunks(bytes);
  const ihdr = chunks[0]!.data;
  if (ihdr.length !== 13) throw bad('IHDR has the wrong length');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [depth, colourType, compression, filter, interlace] = [ihdr[8]!, ihdr[9]!, ihdr[10]!, ihdr[11]!, ihdr[12]!];
  if (!width || !height || width * height > MAX_PIXELS) throw bad('its size is out of range');
  if (expect && (width !== expect.width || height !== expect.height)) throw bad(`it is ${width}×${height}, not the ${expect.width}×${expect.height} chart`);
  const channels = CHANNELS[colourType];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth) || compression !== 0 || filter !== 0) throw bad('its colour format is not one PNG defines');
  if (interlace !== 0) throw bad('it is interlaced');
  const idat = chunks.filter((c) => c.type === 'IDAT');
  if (!idat.length) throw bad('it has no image data');
  const first = chunks.findIndex((c) => c.type === 'IDAT');
  if (chunks.slice(first, first + idat.length).some((c) => c.type !== 'IDAT')) throw bad('its image data is not in one run');
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const expected = height * (rowBytes + 1);
  let pixels: Buffer;
  try {
    // Bytes after the end of the zlib stream are ignored here and gone once the pixels are re-compressed.
    pixels = inflateSync(Buffer.concat(idat.map((c) => c.data)), { maxOutputLength: expected + 1 });
  } catch {
    throw bad('its image data does not decompress to the declared size');
  }
  if (pixels.length !== expected) throw bad('its image data is not the declared size');
  for (let y = 0; y < height; y++) if ((pixels[y * (rowBytes + 1)] as number) > 4) throw bad('a row has an unknown filter');
  const kept = chunks.filter((c) => KEEP.has(c.type) && chunks.indexOf(c) < first);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), ...kept.map((c) => pngChunk(c.type, c.data)), pngChunk('IDAT', deflateSync(pixels)), pngChunk('IEND', Buffer.alloc(0))]);
}
