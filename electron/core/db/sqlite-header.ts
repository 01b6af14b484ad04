/**
 * Reads the first 100 bytes of a file to tell, before SQLite touches it, whether it is an SQLite
 * database at all and whether it is whole. SQLite itself would happily "open" a text file and
 * only fail later; checking the header first lets us refuse clearly and never write to it.
 * Header layout: https://www.sqlite.org/fileformat.html#the_database_header
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const MAGIC = 'SQLite format 3\0';
export const FOCAL_APPLICATION_ID = 0x466f4341; // "FoCA"

export type HeaderCheck =
  | { kind: 'sqlite'; applicationId: number; userVersion: number }
  | { kind: 'not-sqlite'; reason: string }
  | { kind: 'truncated'; reason: string };

export function readSqliteHeader(path: string): HeaderCheck {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { kind: 'not-sqlite', reason: 'the file is empty' };
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 16 || header.toString('latin1', 0, 16) !== MAGIC) {
      return { kind: 'not-sqlite', reason: 'it is not a database file' };
    }
    if (read < 100) return { kind: 'truncated', reason: `the file ends after ${read} bytes, inside its header` };
    let pageSize = header.readUInt16BE(16);
    if (pageSize === 1) pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
      return { kind: 'not-sqlite', reason: 'its header is damaged (invalid page size)' };
    }
    const changeCounter = header.readUInt32BE(24);
    const pageCount = header.readUInt32BE(28);
    const versionValidFor = header.readUInt32BE(92);
    // The in-header page count is trustworthy only when it was written with the change counter.
    if (pageCount > 0 && changeCounter === versionValidFor && size < pageCount * pageSize) {
      return {
        kind: 'truncated',
        reason: `the file is ${size} bytes but its header says ${pageCount * pageSize}: it was cut short (copy interrupted?)`,
      };
    }
    if (size % pageSize !== 0) {
      return { kind: 'truncated', reason: `its size (${size} bytes) is not a whole number of pages: it was cut short` };
    }
    return { kind: 'sqlite', userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
  } finally {
    closeSync(fd);
  }
}
