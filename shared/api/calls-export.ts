/** Calls for every way out of the app, each through the export gate, and the audit of what left. */
import { z } from 'zod';
import type { AuditExport, CopyResult, ExportResult } from '../domain/quotes';
import type { ReturnResult } from '../domain/return-export';
import { call } from './define';
import { id } from './calls-sources';
import { exportOptionsSchema, quoteSelection } from './calls-quotes';

export const exportCalls = {
  'export-quotes': call(
    'Export a quote bank (docx, xlsx, csv, md) through the gate; the host asks where to save. Blocked quotes are listed with reasons.',
    z.object({ selection: quoteSelection, format: z.enum(['docx', 'xlsx', 'csv', 'md']), options: exportOptionsSchema, suggestedName: z.string().trim().min(1).max(200).optional() }),
  ).returns<ExportResult>(),
  'quote-copy': call(
    'Copy or drag one quote out: returns the gated, pseudonymised text (null if blocked) and records it; the core writes the clipboard.',
    z.object({ quoteId: id(), via: z.enum(['clipboard', 'drag']).default('clipboard'), options: exportOptionsSchema }),
  ).returns<CopyResult>(),
  'export-return': call(
    "Return to a group (rōpū) its own kōrero, the codes applied to it and the quotes approved for use, as docx or md, through the gate's 'return' profile; needs the group's collective consent for return. The host asks where to save.",
    z.object({ groupId: id(), format: z.enum(['docx', 'md']), options: exportOptionsSchema }),
  ).returns<ReturnResult>(),
  'audit-exports': call('Every export and copy, newest first, with each quote\'s outcome.', z.object({ limit: z.number().int().positive().max(10_000).optional() })).returns<AuditExport[]>(),
  'audit-export-csv': call('Save the export audit as CSV (the host asks where).', z.object({})).returns<{ path: string | null; sha256: string | null }>(),
};
