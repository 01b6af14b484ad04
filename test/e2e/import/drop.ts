/**
 * Dropping files the way a person does: a DataTransfer built in the page holding real File objects
 * (bytes sent over as base64), dispatched as dragenter → dragover → drop on the drop target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '../support/app';

export interface DropFile {
  name: string;
  base64: string;
}

export const fixtureFile = (name: string): DropFile => ({ name, base64: readFileSync(join(ROOT, 'test', 'fixtures', name)).toString('base64') });
export const textFile = (name: string, text: string): DropFile => ({ name, base64: Buffer.from(text, 'utf8').toString('base64') });

// Runs in the page (this project's Node-side tsconfig has no DOM types, so it is passed as source).
const BUILD_DATA_TRANSFER = `(list) => {
  const dt = new DataTransfer();
  for (const f of list) {
    const binary = atob(f.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    dt.items.add(new File([bytes], f.name, { type: f.name.endsWith('.csv') ? 'text/csv' : 'text/plain' }));
  }
  return dt;
}`;

export async function dataTransfer(page: Page, files: DropFile[]) {
  return page.evaluateHandle(`(${BUILD_DATA_TRANSFER})(${JSON.stringify(files)})`);
}

/** Drags the files over `target`, lets `whileOver` look at the page mid-drag, then drops them. */
export async function dropFiles(page: Page, target: Locator, files: DropFile[], whileOver?: () => Promise<void>): Promise<void> {
  const dt = await dataTransfer(page, files);
  await target.dispatchEvent('dragenter', { dataTransfer: dt });
  await target.dispatchEvent('dragover', { dataTransfer: dt });
  await whileOver?.();
  await target.dispatchEvent('drop', { dataTransfer: dt });
  await dt.dispose();
}
