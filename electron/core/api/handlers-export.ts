/** Handlers for every path out (file, clipboard, drag), each through the gate, and the audit of what left. */
import { auditCsv, listExports } from '../audit/export-audit';
import { exportOptions } from '../export/check-quotes';
import { copyQuote, exportQuotes } from '../export/export-quotes';
import { exportReturn } from '../export/return-export';
import { withAuditedFile } from '../audit/audited-file';
import { MetadataGate } from '../gate/metadata';
import { pseudoPort } from '../gate/pseudo-port';
import { handlers } from './handler-types';

export const exportHandlers = handlers({
  'export-quotes': (i, core) => exportQuotes(core, { selection: i.selection, format: i.format, options: exportOptions(i.options), suggestedName: i.suggestedName }),
  'quote-copy': (i, core) => copyQuote(core, { quoteId: i.quoteId, via: i.via, options: exportOptions(i.options) }),
  'export-return': (i, core) => exportReturn(core, { groupId: i.groupId, format: i.format, options: exportOptions(i.options) }),
  'audit-exports': (i, core) => listExports(core.requireProject().db, i.limit),
  'audit-export-csv': async (_i, core) => {
    const project = core.requireProject();
    // The file name is a way out too: the project's name through the rules (neutral while undecided).
    const title = new MetadataGate(pseudoPort(project.db)).projectTitle(project.info().name);
    const path = await core.host.chooseExportPath(`${title} export audit.csv`, ['csv']);
    if (!path) return { path: null, sha256: null };
    // The audit file is a file out like any other: recorded pending first, completed once in place.
    const { sha256 } = withAuditedFile(core, { format: 'audit-csv', profile: 'report', quotes: [], action: 'audit-exported' }, path, Buffer.from(auditCsv(project.db), 'utf8'));
    return { path, sha256 };
  },
});
