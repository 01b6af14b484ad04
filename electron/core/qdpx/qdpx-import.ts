/**
 * A REFI-QDA project (.qdpx) into a NEW Focal project, all or nothing: the project is built in a
 * hidden file beside the destination, in one transaction, and renamed into place only when every
 * step succeeded; on any failure the hidden file (and its WAL) is removed, so no half-written
 * project is ever left behind. The zip is read safely first (qdpx-zip.ts), project.qde is refused
 * with a DOCTYPE or entity, and checked against the Project schema (refused unless the person asks
 * to import leniently, as NVivo and ATLAS.ti files are sometimes slightly off).
 *
 * Text sources are decoded as the transcript importer decodes files (BOM, UTF-16, Windows-1252)
 * and run through Focal's speaker detection, so focus groups get their turns; coding positions are
 * mapped from the file's UTF-16 units into the stored text (text-map.ts). Everything imported is
 * mainstream: the result asks whether any source is tikanga-based.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { QdpxImportResult } from '../../../shared/api/calls-qdpx';
import { FocalError } from '../errors';
import { describeProblems, xmlText } from '../exchange/qda-xml';
import type { OpenOptions } from '../db/open-project';
import { ProjectSession } from '../project/project-session';
import { readQde } from './qde-read';
import { readQdpxZip } from './qdpx-zip';
import { writeProject } from './qdpx-write';

export const TIKANGA_QUESTION =
  'Every source was imported as mainstream. If any is a tikanga-based hui, mark it tikanga-based (the source\'s details) before anything in it is coded in a kaupapa Māori frame.';

export interface QdpxImportInput {
  label: string;
  bytes: Uint8Array;
  out: string;
  lenient: boolean;
  actor: string;
  now: () => string;
  openOptions: OpenOptions;
}

export function qdpxBytes(file: { name: string; path?: string | undefined; dataBase64?: string | undefined }): { label: string; bytes: Uint8Array } {
  const label = basename(file.path ?? file.name);
  if (file.path === undefined) return { label, bytes: Buffer.from(file.dataBase64 ?? '', 'base64') };
  try {
    return { label, bytes: readFileSync(file.path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FocalError(code === 'ENOENT' ? 'not-found' : 'bad-input', `${label}: ${code === 'ENOENT' ? 'there is no such file' : `it could not be read (${code ?? (e as Error).message})`}.`);
  }
}

export async function importQdpx(input: QdpxImportInput): Promise<QdpxImportResult> {
  const { label, out } = input;
  if (existsSync(out)) throw new FocalError('project-exists', `${out} already exists; choose another name for the new project.`);
  const archive = readQdpxZip(input.bytes, label);
  const qdeLabel = `${label} › ${archive.qdeName}`;
  const xml = xmlText(archive.files.get(archive.qdeName)!, qdeLabel);
  const qde = await readQde(xml, qdeLabel);
  const warnings: string[] = [];
  // The schema check runs in its worker while the project is built aside; nothing is kept before it answers.
  const checkProblems = async () => {
    const problems = await qde.problems;
    if (!problems.length) return;
    if (!input.lenient) {
      throw new FocalError('bad-input', `${qdeLabel}: it does not match the REFI-QDA Project schema (${describeProblems(problems)}); nothing was imported. Import it leniently to take what is readable.`);
    }
    warnings.unshift(`The file does not match the REFI-QDA Project schema; what was readable was imported (${describeProblems(problems, 10)}).`);
  };
  qde.problems.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
  const name = (qde.name.trim() || basename(label, '.qdpx')).normalize('NFC').slice(0, 200);
  const tmp = join(dirname(out), `.${basename(out)}.importing-${randomBytes(4).toString('hex')}`);
  const cleanup = () => {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
  };
  let session: ProjectSession | null = null;
  try {
    session = ProjectSession.create(tmp, name, input.openOptions);
    const db = session.db;
    const now = input.now();
    const result = await writeProject(db, qde, archive.files, { label, now, warnings });
    await checkProblems();
    session.audit(input.actor, 'qdpx-imported', { file: label, ...result.counts, skipped: result.skipped.length, codingsNotImported: result.codingsNotImported.length }, now);
    session.close();
    session = null;
    if (existsSync(out)) throw new FocalError('project-exists', `${out} appeared while importing; the import was not put in its place.`);
    renameSync(tmp, out);
    return { file: label, project: out, ...result, tikangaQuestion: TIKANGA_QUESTION };
  } catch (e) {
    try {
      session?.db.close();
    } catch {
      /* already closed */
    }
    cleanup();
    throw e;
  }
}
