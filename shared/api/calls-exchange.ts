/** Calls for exchange with other QDA tools (REFI-QDA): codebooks out and in. */
import { z } from 'zod';
import { call } from './define';
import { id } from './calls-sources';

export interface CodebookExportResult {
  /** null when the person cancelled the save dialog (nothing written). */
  path: string | null;
  sha256: string | null;
  format: 'qdc' | 'csv' | 'docx';
  frameId: number;
  codes: number;
}

export type CodebookCodeOutcome = 'created' | 'matched-guid' | 'matched-path';

export interface CodebookImportResult {
  /** null when the person cancelled the file dialog (nothing imported). */
  file: string | null;
  frameId: number | null;
  frameName: string | null;
  /** Which namespace the file declared (read leniently, written strictly). */
  namespace: string | null;
  created: number;
  matched: number;
  /** Matched codes whose name the codebook changed. */
  renamed: Array<{ from: string; to: string; path: string }>;
  /** Matched codes moved to the codebook's parent. */
  moved: number;
  /** Matched codes whose colour or description the codebook changed. */
  updated: number;
  codes: Array<{ path: string; guid: string; outcome: CodebookCodeOutcome }>;
  /** What was not kept as written (sets, schema problems read past, names cut), one line each. */
  warnings: string[];
  /** The history entry that undoes the import (null when nothing changed). */
  undoLabel: string | null;
}

const fileRef = z
  .object({
    name: z.string().min(1).max(500),
    path: z.string().min(1).max(4096).optional(),
    /** The file's bytes, base64 (browser mode). */
    dataBase64: z.string().max(90_000_000).optional(),
  })
  .refine((f) => (f.path === undefined) !== (f.dataBase64 === undefined), 'give either path or dataBase64');

export const exchangeCalls = {
  'qdc-export': call(
    'Export a frame\'s codes as a REFI-QDA codebook (.qdc, validated against the Codebook schema before writing) or a codebook report with counts (CSV or Word); the host asks where to save; audited.',
    z.object({ frameId: id().optional(), format: z.enum(['qdc', 'csv', 'docx']).default('qdc') }),
  ).returns<CodebookExportResult>(),
  'qdc-import': call(
    'Import a REFI-QDA codebook (.qdc) into a frame (or a new one): codes with hierarchy, colours and descriptions, matched by GUID then by path, never duplicated; one undoable step. Without a file, the host asks.',
    z
      .object({
        file: fileRef.optional(),
        frameId: id().optional(),
        newFrame: z.object({ name: z.string().trim().min(1).max(200), kind: z.enum(['mainstream', 'kaupapa-maori']) }).optional(),
        /** Import what is readable from a file that does not match the schema (its problems listed as warnings). */
        lenient: z.boolean().default(false),
      })
      .refine((i) => !(i.frameId !== undefined && i.newFrame !== undefined), 'give frameId or newFrame, not both'),
  ).returns<CodebookImportResult>(),
};
