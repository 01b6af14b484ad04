/**
 * A frame's codes out as a REFI-QDA codebook (`.qdc`, namespace urn:QDA-XML:codebook:1.0) or as a
 * codebook report in CSV or Word (code, path, description, colour, counts), what NVivo users print.
 *
 * A codebook carries code names, colours, descriptions and GUIDs only: the team's own words, no
 * talk. The file's suggested name is the project's name through the pseudonymisation rules (a
 * neutral title while it holds an undecided identifier), as every export's is. What is written is
 * validated against the Codebook schema first and refused if it does not validate; it is written
 * by temp file and rename and audited (`withAuditedFile`). Focal has no code sets yet, so no
 * `Sets` element is written (an empty one is invalid).
 */
import type { CodebookExportResult } from '../../../shared/api/calls-exchange';
import type { Code, CodeFrame } from '../../../shared/domain/project';
import { FOCAL_VERSION } from '../../../shared/version';
import type { FocalCore } from '../app/focal-core';
import { withAuditedFile } from '../audit/audited-file';
import { listCodes, listFrames } from '../codes/code-queries';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { safeCsv } from '../export/csv-safe';
import { MetadataGate } from '../gate/metadata';
import { pseudoPort } from '../gate/pseudo-port';
import { describeProblems, escapeAttr, escapeText, schemaProblems } from './qda-xml';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

export interface FrameCodes {
  frame: CodeFrame;
  codes: Code[];
  guids: Map<number, string>;
}

/** The frame to export: the one asked for, or the only one; several frames and none named is refused. */
export function frameCodes(db: ProjectDb, frameId: number | undefined): FrameCodes {
  const frames = listFrames(db);
  let frame: CodeFrame | undefined;
  if (frameId !== undefined) {
    frame = frames.find((f) => f.id === frameId);
    if (!frame) throw new FocalError('not-found', `There is no code frame with id ${frameId}.`);
  } else if (frames.length === 1) frame = frames[0];
  else throw new FocalError('bad-input', `This project has ${frames.length} code frames (${frames.map((f) => `"${f.name}"`).join(', ')}); choose the one to export.`);
  const codes = listCodes(db, frame!.id);
  const guids = new Map((db.prepare('SELECT id, guid FROM codes WHERE frame_id = ?').all(frame!.id) as { id: number; guid: string }[]).map((r) => [r.id, r.guid]));
  return { frame: frame!, codes, guids };
}

function children(codes: Code[]): Map<number | null, Code[]> {
  const byParent = new Map<number | null, Code[]>();
  for (const c of codes) {
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  return byParent;
}

/** The codebook XML of a frame (strict: the canonical namespace, GUIDs as stored, colours #rrggbb). */
export function codebookXml(fc: FrameCodes): string {
  const byParent = children(fc.codes);
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', `<CodeBook xmlns="${CODEBOOK_NS}" origin="${escapeAttr(`Focal ${FOCAL_VERSION}`)}">`, '  <Codes>'];
  const walk = (parentId: number | null, depth: number): void => {
    for (const c of byParent.get(parentId) ?? []) {
      const pad = '  '.repeat(depth + 2);
      const attrs = `guid="${fc.guids.get(c.id)}" name="${escapeAttr(c.name)}" isCodable="true" color="${escapeAttr(c.color)}"`;
      const kids = byParent.get(c.id) ?? [];
      if (!c.description && !kids.length) {
        out.push(`${pad}<Code ${attrs}/>`);
        continue;
      }
      out.push(`${pad}<Code ${attrs}>`);
      if (c.description) out.push(`${pad}  <Description>${escapeText(c.description)}</Description>`);
      walk(c.id, depth + 1);
      out.push(`${pad}</Code>`);
    }
  };
  walk(null, 0);
  out.push('  </Codes>', '</CodeBook>', '');
  return out.join('\n');
}

/** The CSV codebook report: one row per code in tree order. */
export function codebookCsv(fc: FrameCodes): string {
  const byId = new Map(fc.codes.map((c) => [c.id, c]));
  const pathOf = (c: Code): string => (c.parentId !== null && byId.has(c.parentId) ? `${pathOf(byId.get(c.parentId)!)}/${c.name}` : c.name);
  const rows = fc.codes.map((c) => [c.name, pathOf(c), c.description, c.color, c.counts.segments, c.counts.sources, c.counts.participants]);
  return safeCsv(rows, { fields: ['Code', 'Path', 'Description', 'Colour', 'Segments', 'Sources', 'Participants'], bom: true, trailingNewline: true });
}

/** The Word codebook report: the title, then each code as a heading at its depth with its path, description and counts. */
export async function codebookDocx(fc: FrameCodes, title: string): Promise<Buffer> {
  const byParent = children(fc.codes);
  const levels = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Codebook: ${title}`)] }),
    new Paragraph({ children: [new TextRun({ text: `Code frame “${fc.frame.name}” (${fc.frame.kind === 'kaupapa-maori' ? 'kaupapa Māori' : 'mainstream'}), ${fc.codes.length} code${fc.codes.length === 1 ? '' : 's'}. Counts: coded segments, sources, participants.`, italics: true })] }),
  ];
  const walk = (parentId: number | null, depth: number, path: string): void => {
    for (const c of byParent.get(parentId) ?? []) {
      const p = path ? `${path} › ${c.name}` : c.name;
      body.push(new Paragraph({ heading: levels[Math.min(depth, levels.length - 1)], children: [new TextRun(c.name)] }));
      if (depth > 0) body.push(new Paragraph({ children: [new TextRun({ text: p, color: '666666' })] }));
      if (c.description) for (const line of c.description.split('\n')) body.push(new Paragraph({ children: [new TextRun(line)] }));
      body.push(new Paragraph({ children: [new TextRun({ text: `${c.counts.segments} segments · ${c.counts.sources} sources · ${c.counts.participants} participants`, color: '666666' })] }));
      walk(c.id, depth + 1, p);
    }
  };
  walk(null, 0, '');
  return Packer.toBuffer(new Document({ creator: 'Focal', title: `Codebook: ${title}`, sections: [{ children: body }] }));
}

/** Builds and checks the bytes for a frame; throws (nothing written) when the frame is empty or the codebook would not validate. */
export async function codebookBytes(db: ProjectDb, frameId: number | undefined, format: 'qdc' | 'csv' | 'docx', title = 'Focal project'): Promise<{ fc: FrameCodes; bytes: Buffer }> {
  const fc = frameCodes(db, frameId);
  if (format === 'csv') return { fc, bytes: Buffer.from(codebookCsv(fc), 'utf8') };
  if (format === 'docx') return { fc, bytes: await codebookDocx(fc, title) };
  if (!fc.codes.length) throw new FocalError('bad-input', `The frame "${fc.frame.name}" has no codes; a REFI codebook needs at least one, so nothing was written.`);
  const xml = codebookXml(fc);
  const problems = await schemaProblems(xml, 'Codebook-mrt2019.xsd');
  if (problems.length) {
    throw new FocalError('internal', `The codebook for "${fc.frame.name}" does not validate against the REFI Codebook schema (${describeProblems(problems)}), so nothing was written. Please report this.`);
  }
  return { fc, bytes: Buffer.from(xml, 'utf8') };
}

export async function exportCodebook(core: FocalCore, input: { frameId?: number | undefined; format: 'qdc' | 'csv' | 'docx' }): Promise<CodebookExportResult> {
  const project = core.requireProject();
  // The file name (and a Word report's title) is a way out too: the project's name through the rules (neutral while undecided).
  const title = new MetadataGate(pseudoPort(project.db)).projectTitle(project.info().name);
  const { fc, bytes } = await codebookBytes(project.db, input.frameId, input.format, title);
  const ext = input.format;
  const path = await core.host.chooseExportPath(`${title} codebook.${ext}`, [ext]);
  const base = { format: input.format, frameId: fc.frame.id, codes: fc.codes.length };
  if (!path) return { ...base, path: null, sha256: null };
  const { sha256 } = withAuditedFile(
    core,
    { format: input.format === 'qdc' ? 'qdc' : `codebook-${input.format}`, profile: 'report', quotes: [], action: 'codebook-exported', detail: { frameId: fc.frame.id, codes: fc.codes.length } },
    path,
    bytes,
  );
  return { ...base, path, sha256 };
}
