/** Browser mode has no save dialog to ask "replace it?": an export never lands on an existing file. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWebHost } from '../../electron/web/web-host';
import { tempDir } from '../support/temp';

describe('web host export paths', () => {
  it('numbers the name when the file exists: name (2).docx, name (3).docx', async () => {
    const dir = tempDir();
    const host = createWebHost(dir);
    const first = await host.chooseExportPath('Hui ā-rohe quote bank.docx', ['docx']);
    expect(first).toBe(join(dir, 'exports', 'Hui ā-rohe quote bank.docx'));
    writeFileSync(first!, 'first export');
    const second = await host.chooseExportPath('Hui ā-rohe quote bank.docx', ['docx']);
    expect(second).toBe(join(dir, 'exports', 'Hui ā-rohe quote bank (2).docx'));
    writeFileSync(second!, 'second export');
    expect(await host.chooseExportPath('Hui ā-rohe quote bank.docx', ['docx'])).toBe(join(dir, 'exports', 'Hui ā-rohe quote bank (3).docx'));
    expect(readFileSync(first!, 'utf8')).toBe('first export');
  });

  it('numbers a name given without its extension, and one with no extension at all', async () => {
    const dir = tempDir();
    const host = createWebHost(dir);
    const a = await host.chooseExportPath('Matrix', ['csv']);
    writeFileSync(a!, '');
    expect(await host.chooseExportPath('Matrix', ['csv'])).toBe(join(dir, 'exports', 'Matrix (2).csv'));
    const b = await host.chooseExportPath('README', []);
    writeFileSync(b!, '');
    expect(await host.chooseExportPath('README', [])).toBe(join(dir, 'exports', 'README (2)'));
  });

  it('treats a folder of that name as taken too', async () => {
    const dir = tempDir();
    const host = createWebHost(dir);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'exports', 'Audit.csv'), { recursive: true });
    expect(await host.chooseExportPath('Audit.csv', ['csv'])).toBe(join(dir, 'exports', 'Audit (2).csv'));
  });
});
