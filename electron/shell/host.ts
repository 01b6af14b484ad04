/**
 * The core's HostServices answered with native dialogs and the system clipboard. Dialogs are
 * modal to the window that asked, so a second one cannot be opened behind the first.
 */
import { join } from 'node:path';
import { app, type BrowserWindow, clipboard, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { dataFileExtensions, dataFileLabels, type HostServices } from '../core/host';
import { importExtensions, projectExtension, safeFileName, withExtension } from './policy';

const projectFilter = { name: 'Focal project', extensions: [projectExtension] };

export function electronHost(getWindow: () => BrowserWindow | null): HostServices {
  async function save(options: SaveDialogOptions): Promise<string | null> {
    const win = getWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async function open(options: OpenDialogOptions): Promise<string[] | null> {
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  }

  const inDocuments = (fileName: string) => join(app.getPath('documents'), fileName);

  return {
    platform: 'electron',

    async chooseNewProjectPath(suggestedName) {
      const path = await save({
        title: 'New Focal project',
        buttonLabel: 'Create',
        defaultPath: inDocuments(withExtension(safeFileName(suggestedName, 'Project'), [projectExtension])),
        filters: [projectFilter],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return path && withExtension(path, [projectExtension]);
    },

    async chooseProjectToOpen() {
      const paths = await open({ title: 'Open a Focal project', filters: [projectFilter], properties: ['openFile'] });
      return paths?.[0] ?? null;
    },

    async chooseImportFiles() {
      return open({
        title: 'Import transcripts',
        buttonLabel: 'Import',
        filters: [{ name: 'Transcripts and tables', extensions: importExtensions }],
        properties: ['openFile', 'multiSelections'],
      });
    },

    async chooseExportPath(suggestedName, extensions) {
      const path = await save({
        title: 'Export',
        buttonLabel: 'Export',
        defaultPath: inDocuments(withExtension(safeFileName(suggestedName, 'Export'), extensions)),
        filters: extensions.length ? [{ name: extensions.map((e) => e.toUpperCase()).join(' / '), extensions }] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return path && withExtension(path, extensions);
    },

    async writeClipboard(text) {
      clipboard.writeText(text);
    },

    async chooseKeyFile(purpose, suggestedName) {
      const filters = [{ name: 'Kaitiaki key', extensions: ['focalkey'] }];
      if (purpose === 'open') return (await open({ title: 'Unlock a kaitiaki key', filters, properties: ['openFile'] }))?.[0] ?? null;
      const path = await save({
        title: 'Keep the kaitiaki key',
        buttonLabel: 'Create key',
        defaultPath: inDocuments(withExtension(safeFileName(suggestedName, 'Kaitiaki key'), ['focalkey'])),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return path && withExtension(path, ['focalkey']);
    },

    async chooseDataFile(purpose, kind, suggestedName) {
      const ext = dataFileExtensions[kind];
      const filters = [{ name: dataFileLabels[kind], extensions: [ext] }];
      if (purpose === 'open') return (await open({ title: `Open a ${dataFileLabels[kind].replace(/^(?!REFI)./, (c) => c.toLowerCase())}`, filters, properties: ['openFile'] }))?.[0] ?? null;
      const path = await save({
        title: `Save the ${dataFileLabels[kind].replace(/^(?!REFI)./, (c) => c.toLowerCase())}`,
        buttonLabel: 'Save',
        defaultPath: inDocuments(withExtension(safeFileName(suggestedName, dataFileLabels[kind]), [ext])),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return path && withExtension(path, [ext]);
    },
  };
}
