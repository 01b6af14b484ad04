import { describe, expect, it, vi } from 'vitest';
import { electronHost } from '../../../electron/shell/host';
import { electron } from './fake-electron';

vi.hoisted(() => void (process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron'));
vi.mock('electron', async () => (await import('./fake-electron')).electron);

const win = { id: 1 };
const host = electronHost(() => win as never);
const { showSaveDialog, showOpenDialog } = electron.dialog;

describe('the Electron host services', () => {
  it('asks where to save a new project, modal to the window, and adds .focal when the dialog did not', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/me/Hui 2025' });
    expect(await host.chooseNewProjectPath('Hui: 2025/26')).toBe('/home/me/Hui 2025.focal');
    const [parent, options] = showSaveDialog.mock.calls.at(-1)!;
    expect(parent).toBe(win);
    expect(options.filters).toEqual([{ name: 'Focal project', extensions: ['focal'] }]);
    // Characters no file system accepts are taken out of the suggested name.
    expect(options.defaultPath).toMatch(/Hui 2025 26\.focal$/);
  });

  it('answers null when a dialog is cancelled', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await host.chooseNewProjectPath('x')).toBeNull();
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await host.chooseProjectToOpen()).toBeNull();
  });

  it('opens one .focal project', async () => {
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/p/a.focal'] });
    expect(await host.chooseProjectToOpen()).toBe('/p/a.focal');
    const [, options] = showOpenDialog.mock.calls.at(-1)!;
    expect(options).toMatchObject({ filters: [{ extensions: ['focal'] }], properties: ['openFile'] });
  });

  it('imports several transcripts at once', async () => {
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/t/a.vtt', '/t/b.docx'] });
    expect(await host.chooseImportFiles()).toEqual(['/t/a.vtt', '/t/b.docx']);
    const [, options] = showOpenDialog.mock.calls.at(-1)!;
    expect(options.properties).toContain('multiSelections');
    expect(options.filters[0].extensions).toEqual(['txt', 'md', 'docx', 'vtt', 'srt', 'tsv', 'csv']);
  });

  it('asks for an export path with the export\'s own extensions', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/out/codebook' });
    expect(await host.chooseExportPath('Codebook', ['xlsx'])).toBe('/out/codebook.xlsx');
    const [, options] = showSaveDialog.mock.calls.at(-1)!;
    expect(options.filters).toEqual([{ name: 'XLSX', extensions: ['xlsx'] }]);
    expect(options.defaultPath).toMatch(/Codebook\.xlsx$/);
  });

  it('writes text to the clipboard', async () => {
    await host.writeClipboard('kia ora');
    expect(electron.clipboard.writeText).toHaveBeenCalledWith('kia ora');
  });

  it('uses a free-standing dialog when there is no window', async () => {
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/p/a.focal'] });
    await electronHost(() => null).chooseProjectToOpen();
    expect(showOpenDialog.mock.calls.at(-1)!).toHaveLength(1);
  });
});
