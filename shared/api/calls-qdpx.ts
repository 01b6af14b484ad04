/** Calls for whole projects in and out as REFI-QDA (.qdpx): NVivo, ATLAS.ti, MAXQDA, QualCoder; and a de-identified deposit. */
import { z } from 'zod';
import { call } from './define';

export interface QdpxImportResult {
  /** null when the person cancelled a dialog (nothing imported). */
  file: string | null;
  /** The new project file (opened as the current project by the app). */
  project: string | null;
  counts: { sources: number; codes: number; codings: number; memos: number; participants: number; attributes: number; speakersMapped: number; coders: number };
  /** Sources Focal cannot hold (PDF, picture, media without a transcript), by kind and name. */
  skipped: Array<{ kind: string; name: string }>;
  /** Codings not imported (positions outside the text, unknown code), one line each. */
  codingsNotImported: string[];
  /** Recordings of audio/video sources: their transcripts were imported, the recordings were not. */
  recordings: string[];
  warnings: string[];
  /** Everything is imported as mainstream: the person is asked whether any source is tikanga-based. */
  tikangaQuestion: string;
}

export interface QdpxExportResult {
  /** null when the person cancelled the save dialog (nothing written). */
  path: string | null;
  sha256: string | null;
  profile: 'full' | 'deposit';
  counts: { sources: number; codes: number; codings: number; memos: number; cases: number; users: number };
  /** What was left out, counted: sources, codings of removed passages, turns, memos. */
  leftOut: Record<string, number>;
  /** Why metadata was neutralised, and what the file holds (identifiable data in the full profile). */
  notes: string[];
}

const qdpxFile = z
  .object({
    name: z.string().min(1).max(500),
    path: z.string().min(1).max(4096).optional(),
    dataBase64: z.string().max(400_000_000).optional(),
  })
  .refine((f) => (f.path === undefined) !== (f.dataBase64 === undefined), 'give either path or dataBase64');

export const qdpxCalls = {
  'qdpx-import': call(
    'Import a REFI-QDA project (.qdpx) as a new Focal project (sources with speaker detection, codes, codings with coders, notes as memos, cases and variables as participants and attributes); all or nothing; the new project is opened. Without a file or a destination, the host asks.',
    z.object({
      file: qdpxFile.optional(),
      /** Where the new .focal file goes (must not exist). */
      out: z.string().min(1).max(4096).optional(),
      /** Import what is readable from a file the Project schema rejects (its problems listed as warnings). */
      lenient: z.boolean().default(false),
    }),
  ).returns<QdpxImportResult>(),
  'qdpx-export': call(
    'Export the project as REFI-QDA (.qdpx, validated against the Project schema before writing) through the gate: full (identifiable; restricted, unreleased and withdrawn material left out) or deposit (pseudonymised, refused while identifiers are undecided); audited; returns only paths and counts.',
    z.object({
      profile: z.enum(['full', 'deposit']).default('full'),
      /** Deposit: the participant attributes judged safe to include (by name); none unless chosen. */
      attributes: z.array(z.string().min(1).max(200)).max(500).default([]),
    }),
  ).returns<QdpxExportResult>(),
};
