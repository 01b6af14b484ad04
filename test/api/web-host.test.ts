/** The browser harness's host answers: file names from project names, exports, the clipboard. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWebHost, fileSlug } from '../../electron/web/web-host';
import { tempDir } from '../support/temp';

describe('fileSlug', () => {
  it.each([
    ['Hui study', 'hui-study'],
    ['Hui ā-rohe', 'hui-ā-rohe'],
    ['Whānau  Ora: round 2', 'whānau-ora-round-2'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Users\\x', 'c-users-x'],
    ['tab\there\u0000nul', 'tab-here-nul'],
    ['...', 'project'],
    ['', 'project'],
  ])('%j → %j', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });

  it('keeps a macron written as a combining mark (NFC)', () => {
    expect(fileSlug('Ma\u0304ori')).toBe('māori');
  });
});

describe('createWebHost', () => {
  it('picks a free name in the working folder', async () => {
    const dir = tempDir();
    const host = createWebHost(dir);
    expect(await host.chooseNewProjectPath('Hui study')).toBe(join(dir, 'hui-study.focal'));
    writeFileSync(join(dir, 'hui-study.focal'), '');
    writeFileSync(join(dir, 'hui-study-2.focal'), '');
    expect(await host.chooseNewProjectPath('Hui study')).toBe(join(dir, 'hui-study-3.focal'));
  });

  it('has no dialogs to open projects or import files', async () => {
    const host = createWebHost(tempDir());
    expect(await host.chooseProjectToOpen()).toBeNull();
    expect(await host.chooseImportFiles()).toBeNull();
    expect(host.platform).toBe('web');
  });

  it('exports into <workDir>/exports without leaving it', async () => {
    const dir = tempDir();
    const host = createWebHost(dir);
    expect(await host.chooseExportPath('Codebook.docx', ['docx'])).toBe(join(dir, 'exports', 'Codebook.docx'));
    expect(await host.chooseExportPath('../secret', ['csv'])).toBe(join(dir, 'exports', '-secret.csv'));
    expect(existsSync(join(dir, 'exports'))).toBe(true);
  });

  it('keeps the last clipboard text in memory', async () => {
    const host = createWebHost(tempDir());
    expect(host.clipboardText).toBeNull();
    await host.writeClipboard('Kia ora');
    expect(host.clipboardText).toBe('Kia ora');
  });
});
