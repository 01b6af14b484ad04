/**
 * What the core asks of whatever hosts it: the Electron shell answers with native dialogs, the
 * browser harness with its working folder, the CLI and tests with fixed answers. The core never
 * imports `electron`; this interface is the only way it reaches the desktop.
 */
export interface HostServices {
  platform: 'electron' | 'web' | 'cli';
  /** Ask where to save a new project. null = cancelled. */
  chooseNewProjectPath(suggestedName: string): Promise<string | null>;
  /** Ask which project to open. null = cancelled. */
  chooseProjectToOpen(): Promise<string | null>;
  /** Ask which transcript files to import. null = cancelled. */
  chooseImportFiles(): Promise<string[] | null>;
  /** Ask where to write an export. null = cancelled. */
  chooseExportPath(suggestedName: string, extensions: string[]): Promise<string | null>;
  /** Put gate-checked text on the clipboard. */
  writeClipboard(text: string): Promise<void>;
  /** Ask where to keep a new kaitiaki key file ('save') or which one to unlock ('open'). null = cancelled. */
  chooseKeyFile?(purpose: 'save' | 'open', suggestedName: string): Promise<string | null>;
  /**
   * Ask where to save a JSON file the core builds ('save': a kaitiaki review pack, or the kaitiaki's
   * signed decisions), or which such file to open ('open'). The core writes and reads the file; the
   * renderer never names a path. null = cancelled.
   */
  chooseDataFile?(purpose: 'save' | 'open', kind: DataFileKind, suggestedName: string): Promise<string | null>;
}

/** Files a person sends to another: the analyst's review pack, the kaitiaki's signed decisions; REFI-QDA projects and codebooks from other tools. */
export type DataFileKind = 'review-pack' | 'kaitiaki-decisions' | 'refi-project' | 'refi-codebook';

export const dataFileLabels: Record<DataFileKind, string> = {
  'review-pack': 'Kaitiaki review pack',
  'kaitiaki-decisions': 'Kaitiaki decisions',
  'refi-project': 'REFI-QDA project',
  'refi-codebook': 'REFI-QDA codebook',
};

/** The extension each kind of data file has. */
export const dataFileExtensions: Record<DataFileKind, string> = { 'review-pack': 'json', 'kaitiaki-decisions': 'json', 'refi-project': 'qdpx', 'refi-codebook': 'qdc' };

/** A host for the CLI and tests: every question must be answered by the caller's input instead. */
export function headlessHost(platform: HostServices['platform'] = 'cli'): HostServices {
  const refuse = async (): Promise<null> => null;
  return {
    platform,
    chooseNewProjectPath: refuse,
    chooseProjectToOpen: refuse,
    chooseImportFiles: refuse,
    chooseExportPath: refuse,
    writeClipboard: async () => {},
  };
}
