/** Calls for bringing transcripts in. */
import { z } from 'zod';
import type { ImportFileResult } from '../domain/project';
import { call } from './define';
import { id } from './calls-sources';

const fileRef = z
  .object({
    name: z.string().min(1).max(500),
    /** A path on this machine (Electron dialog or drag and drop, CLI). */
    path: z.string().min(1).max(4096).optional(),
    /** The file's bytes, base64 (browser mode, where pages cannot see paths). */
    dataBase64: z.string().max(72_000_000).optional(),
  })
  .refine((f) => (f.path === undefined) !== (f.dataBase64 === undefined), 'give either path or dataBase64 for each file');

export const importCalls = {
  'import-choose-files': call('Ask the user which transcript files to import (native dialog); null if cancelled.', z.object({})).returns<string[] | null>(),
  'import-files': call(
    'Import transcript files, one transaction each; one bad file never stops the others. Progress is reported as events.',
    z.object({
      files: z.array(fileRef).min(1).max(5000),
      mode: z.enum(['mainstream', 'tikanga']).optional(),
      groupId: id().optional(),
      /** A group by name instead: found, or created with the first file that imports (never when every file fails). */
      groupName: z.string().trim().min(1).max(200).optional(),
      /** What to do with a file whose content is already in the project: report it (ask), skip it, or import it again. */
      onDuplicate: z.enum(['ask', 'skip', 'import']).default('ask'),
    }),
  ).returns<ImportFileResult[]>(),
};
