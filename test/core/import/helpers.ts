/** Shared helpers for the import tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ParsedBlock, ParsedTranscript } from '../../../shared/domain/transcript';
import { ImportError } from '../../../electron/core/import/errors';

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)));
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

export function slice(parsed: ParsedTranscript, block: ParsedBlock | undefined): string {
  if (!block) throw new Error('no such block');
  return parsed.text.slice(block.start, block.end);
}

export function turns(parsed: ParsedTranscript): ParsedBlock[] {
  return parsed.blocks.filter((b) => b.kind === 'turn');
}

/**
 * Invariants every parser must keep: `text` is exactly the blocks joined by "\n\n", blocks are
 * in order and non-empty, annotations lie inside a block and slice to `[their text]`, and no
 * turn's range starts with its own speaker label.
 */
export function expectWellFormed(parsed: ParsedTranscript): void {
  expect(parsed.blocks.map((b) => slice(parsed, b)).join('\n\n')).toBe(parsed.text);
  for (const b of parsed.blocks) {
    const s = slice(parsed, b);
    expect(s.length).toBeGreaterThan(0);
    expect(s).toBe(s.trim());
    expect(s).not.toContain('\n\n');
    if (b.kind === 'turn' && b.speaker) expect(s.startsWith(`${b.speaker}:`)).toBe(false);
  }
  for (const a of parsed.annotations) {
    const s = parsed.text.slice(a.start, a.end);
    expect(s.startsWith('[') && s.endsWith(']')).toBe(true);
    expect(s.slice(1, -1).trim()).toBe(a.text);
    expect(parsed.blocks.some((b) => b.start <= a.start && a.end <= b.end)).toBe(true);
  }
  expect(parsed.text).toBe(parsed.text.normalize('NFC'));
}

/** Asserts that `promise` rejects with an ImportError whose one-line message names `fileName` and matches `reason`. */
export async function expectImportError(promise: Promise<unknown>, fileName: string, reason: RegExp): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const e = error as ImportError;
  expect(e.fileName).toBe(fileName);
  expect(e.message.startsWith(`${fileName}: `)).toBe(true);
  expect(e.message).not.toContain('\n');
  expect(e.reason).toMatch(reason);
  return e;
}

/** The same for synchronous parsers. */
export function expectImportErrorSync(run: () => unknown, fileName: string, reason: RegExp): Promise<ImportError> {
  return expectImportError(Promise.resolve().then(run), fileName, reason);
}
