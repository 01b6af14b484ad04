/**
 * Writing the return-to-the-group document (Word or Markdown) and recording it like every export:
 * exports/export_items (each approved quote, each blocked quote, each turn of kōrero returned) and
 * a line in audit_log with the file's SHA-256. Refused, and audited, without collective consent
 * for return.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { GATE_VERSION } from '../../../shared/domain/gate';
import type { ExportOptions } from '../../../shared/domain/quotes';
import type { ReturnDocument, ReturnFormat, ReturnResult } from '../../../shared/domain/return-export';
import { formatDate } from '../../../shared/format/dates';
import type { FocalCore } from '../app/focal-core';
import { withAuditedFile } from '../audit/audited-file';
import { FocalError } from '../errors';
import { nzDate } from '../gate/evaluate';
import { buildReturn } from './return-korero';

interface Meta {
  date: string;
}

const FRAME_KIND = { 'kaupapa-maori': 'kaupapa Māori frame', mainstream: 'mainstream frame' } as const;

function framesOf(doc: ReturnDocument): Array<[string, ReturnDocument['codes']]> {
  const m = new Map<string, ReturnDocument['codes']>();
  for (const c of doc.codes) m.set(c.frame, [...(m.get(c.frame) ?? []), c]);
  return [...m.entries()];
}

/** The mode, unmistakable, with the session's kind where it adds to it. */
const kindLabel = (kind: string) => (/tikanga/i.test(kind) ? kind.charAt(0).toUpperCase() + kind.slice(1) : `Tikanga-based${kind ? `, ${kind}` : ''}`);

const withheldLine = (w: Record<string, number>) =>
  Object.entries(w)
    .map(([why, n]) => `${n} turn${n === 1 ? '' : 's'} left out (${why})`)
    .join('; ');

export async function writeReturnDocx(doc: ReturnDocument, meta: Meta): Promise<Buffer> {
  const p = (text: string, opts: { italics?: boolean; bold?: boolean; size?: number } = {}) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, ...opts })] });
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Kōrero returned to ${doc.groupLabel}`)] }),
    p(`Tikanga-based · returned to the group · prepared ${meta.date}. Speakers appear as the group decided; opening and closing tikanga not released by the kaitiaki, and restricted (tapu) kōrero, are left out.`, { italics: true, size: 20 }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Your kōrero')] }),
  ];
  for (const s of doc.sources) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${s.title} (${kindLabel(s.kind)})`)] }));
    for (const t of s.turns) {
      const paras = t.text.split(/\n{2,}/);
      paras.forEach((para, i) => children.push(new Paragraph({ spacing: { after: 120 }, children: [...(i === 0 ? [new TextRun({ text: `${t.speaker}: `, bold: true })] : []), new TextRun(para)] })));
    }
    const w = withheldLine(s.withheld);
    if (w) children.push(p(w, { italics: true, size: 18 }));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Codes applied to your kōrero')] }));
  if (!doc.codes.length) children.push(p('No codes have been applied yet.', { italics: true }));
  for (const [frame, codes] of framesOf(doc)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${frame} (${FRAME_KIND[codes[0]!.frameKind]})`)] }));
    for (const c of codes) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${c.path.split('/').join(' › ')}: ${c.count} passage${c.count === 1 ? '' : 's'}`)] }));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Quotes approved for use')] }));
  if (!doc.quotes.length) children.push(p('No quote has been approved by the kaitiaki yet.', { italics: true }));
  for (const q of doc.quotes) {
    children.push(new Paragraph({ indent: { left: 720, right: 720 }, spacing: { after: 60 }, children: [new TextRun({ text: `“${q.text}”`, italics: true })] }));
    children.push(new Paragraph({ indent: { left: 720, right: 720 }, alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [new TextRun({ text: `${q.attribution} · ${q.codePath.split('/').join(' › ')} · Tikanga-based`, size: 20 })] }));
  }
  const d = new Document({ creator: 'Focal', title: `Kōrero returned to ${doc.groupLabel}`, sections: [{ children }] });
  return Packer.toBuffer(d);
}

export function writeReturnMarkdown(doc: ReturnDocument, meta: Meta): Buffer {
  const e = (s: string) => s.replace(/([\\`*_#<>|])/g, '\\$1');
  const lines = [
    `# Kōrero returned to ${e(doc.groupLabel)}`,
    '',
    `_Tikanga-based · returned to the group · prepared ${meta.date}. Speakers appear as the group decided; opening and closing tikanga not released by the kaitiaki, and restricted (tapu) kōrero, are left out._`,
    '',
    '## Your kōrero',
    '',
  ];
  for (const s of doc.sources) {
    lines.push(`### ${e(s.title)} (${e(kindLabel(s.kind))})`, '');
    for (const t of s.turns) lines.push(`**${e(t.speaker)}:** ${t.text.split(/\n{2,}/).map(e).join('\n\n')}`, '');
    const w = withheldLine(s.withheld);
    if (w) lines.push(`_${w}_`, '');
  }
  lines.push('## Codes applied to your kōrero', '');
  if (!doc.codes.length) lines.push('_No codes have been applied yet._', '');
  for (const [frame, codes] of framesOf(doc)) {
    lines.push(`### ${e(frame)} (${FRAME_KIND[codes[0]!.frameKind]})`, '');
    for (const c of codes) lines.push(`- ${e(c.path.split('/').join(' › '))}: ${c.count} passage${c.count === 1 ? '' : 's'}`);
    lines.push('');
  }
  lines.push('## Quotes approved for use', '');
  if (!doc.quotes.length) lines.push('_No quote has been approved by the kaitiaki yet._', '');
  for (const q of doc.quotes) {
    for (const para of q.text.split(/\n{2,}/)) lines.push(`> ${e(para)}`, '>');
    lines.push(`> — ${e(q.attribution)} · ${e(q.codePath.split('/').join(' › '))} · Tikanga-based`, '');
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

export async function exportReturn(core: FocalCore, input: { groupId: number; format: ReturnFormat; options: ExportOptions }): Promise<ReturnResult> {
  const project = core.requireProject();
  let doc: ReturnType<typeof buildReturn>;
  try {
    doc = buildReturn(core, input.groupId, input.options);
  } catch (e) {
    if (e instanceof FocalError && e.code === 'blocked-by-gate') project.audit(core.actor, 'return-export-refused', { groupId: input.groupId, format: input.format, reason: e.message }, core.now());
    throw e;
  }
  const turns = doc.sources.reduce((n, s) => n + s.turns.length, 0);
  const withheld: Record<string, number> = {};
  for (const s of doc.sources) for (const [k, n] of Object.entries(s.withheld)) withheld[k] = (withheld[k] ?? 0) + n;
  const base = { sources: doc.sources.length, turns, withheld, codes: doc.codes.length, quotes: doc.quotes.length, quotesBlocked: doc.quotesBlocked };
  const ext = input.format;
  const path = await core.host.chooseExportPath(`${doc.groupLabel} - kōrero returned.${ext}`, [ext]);
  if (!path) return { ...base, path: null, cancelled: true, exportId: null, sha256: null };
  const meta = { date: formatDate(nzDate(core.now())) };
  const data = input.format === 'docx' ? await writeReturnDocx(doc, meta) : writeReturnMarkdown(doc, meta);
  const db = project.db;
  const alsoRecord = (id: number) => {
    // Each turn of kōrero returned, as a range with no quote id, beside the quotes' outcomes.
    const item = db.prepare("INSERT INTO export_items (export_id, quote_id, source_id, start, end, outcome, reasons) VALUES (?, NULL, ?, ?, ?, 'passed', '[]')");
    for (const s of doc.sources) for (const t of s.turns) item.run(id, s.sourceId, t.start, t.end);
    project.audit(core.actor, 'return-document', { exportId: id, groupId: input.groupId, sources: doc.sources.map((s) => s.sourceId), turns, withheld, quotes: doc.quotes.map((q) => q.quoteId), gateVersion: GATE_VERSION }, core.now());
  };
  const { exportId, sha256: hash } = withAuditedFile(core, { format: input.format, profile: 'return', quotes: doc.checked, action: 'return-exported', alsoRecord }, path, data);
  core.emit('changed', { kinds: ['quotes'] });
  return { ...base, path, cancelled: false, exportId, sha256: hash };
}
