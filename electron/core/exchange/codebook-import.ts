/**
 * A REFI-QDA codebook into a frame the person chooses (or a new one), as one undoable step.
 *
 * Each code is matched, in order: by GUID (a code of this frame that came from, or went to, the
 * same codebook), then by path (a code of the same name, macrons and case as Focal compares
 * sibling names, under the same matched parent). A matched code takes the codebook's name,
 * colour, description and parent where they differ (reported: renamed, moved, updated); an
 * unmatched one is created with the codebook's GUID, so the next import matches it. A second
 * import of the same file therefore changes nothing. A GUID already used by a code in another
 * frame, or twice in one file, is not reused (codes never cross frames): that code gets a new one.
 */
import { Buffer } from 'node:buffer';
import { basename } from 'node:path';
import type { CodebookImportResult } from '../../../shared/api/calls-exchange';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import { readCodebook, type BookCode } from './codebook-read';
import { canonicalGuid, describeProblems, readXmlFile, xmlText } from './qda-xml';
import { paletteColour } from '../../../shared/domain/code-palette';

const MAX_NAME = 300;
const MAX_DESCRIPTION = 20_000;

export interface CodebookSource {
  /** The name shown in messages (the file's own name). */
  label: string;
  text: string;
}

/** The codebook file as text: from a path, or bytes sent by a browser. */
export function codebookSource(file: { name: string; path?: string | undefined; dataBase64?: string | undefined }): CodebookSource {
  const label = basename(file.path ?? file.name);
  if (file.path !== undefined) return { label, text: readXmlFile(file.path, label) };
  return { label, text: xmlText(Buffer.from(file.dataBase64 ?? '', 'base64'), label) };
}

function colour(c: string | null): string | null {
  if (c === null) return null;
  const m = /^\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\s*$/.exec(c);
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((x) => x + x).join('') : m[1]!;
  return `#${hex.toLowerCase()}`;
}

interface Row {
  id: number;
  frame_id: number;
  parent_id: number | null;
  name: string;
  color: string;
  description: string;
}

export interface ImportTarget {
  frameId?: number | undefined;
  newFrame?: { name: string; kind: 'mainstream' | 'kaupapa-maori' } | undefined;
  lenient: boolean;
}

export async function importCodebook(core: FocalCore, src: CodebookSource, target: ImportTarget): Promise<CodebookImportResult> {
  const db = core.requireProject().db;
  const book = await readCodebook(src.text, src.label);
  const warnings: string[] = [];
  if (book.problems.length) {
    if (!target.lenient) {
      throw new FocalError('bad-input', `${src.label}: it does not match the REFI Codebook schema (${describeProblems(book.problems)}); nothing was imported. Import it leniently to take what is readable.`);
    }
    warnings.push(`The file does not match the REFI Codebook schema; what was readable was imported (${describeProblems(book.problems, 10)}).`);
  }
  if (!book.codes.length) throw new FocalError('bad-input', `${src.label}: the codebook holds no codes; nothing was imported.`);
  if (book.namespace !== 'urn:QDA-XML:codebook:1.0') warnings.push(`The file declares the namespace ${book.namespace === null ? '(none)' : `"${book.namespace}"`}; it was read as a REFI codebook (urn:QDA-XML:codebook:1.0).`);
  if (book.sets.length) warnings.push(`${book.sets.length} code set(s) (${book.sets.map((s) => `"${s.name}"`).join(', ')}) were not imported: Focal has no code sets yet.`);

  if (target.frameId !== undefined && !db.prepare('SELECT 1 FROM code_frames WHERE id = ?').get(target.frameId)) throw new FocalError('not-found', `There is no code frame with id ${target.frameId}.`);
  if (target.frameId === undefined && !target.newFrame) throw new FocalError('bad-input', 'Choose the code frame to import the codebook into, or name a new one.');
  if (target.newFrame && db.prepare('SELECT 1 FROM code_frames WHERE name = ? COLLATE NOCASE').get(target.newFrame.name.normalize('NFC'))) {
    throw new FocalError('conflict', `A code frame named "${target.newFrame.name}" already exists; import into it, or choose another name.`);
  }

  const result: Omit<CodebookImportResult, 'frameId' | 'frameName' | 'undoLabel'> = { file: src.label, namespace: book.namespace, created: 0, matched: 0, renamed: [], moved: 0, updated: 0, codes: [], warnings };
  const label = `Import codebook "${src.label}"`;
  let frameId = target.frameId ?? 0;
  const lastBefore = (db.prepare('SELECT max(id) AS id FROM history').get() as { id: number | null }).id;
  undoable(db, label, core.now(), () => {
    if (target.newFrame) {
      frameId = Number(db.prepare('INSERT INTO code_frames (name, kind, description, created_at) VALUES (?, ?, ?, ?)').run(target.newFrame.name.normalize('NFC'), target.newFrame.kind, '', core.now()).lastInsertRowid);
    }
    applyBook(db, core.now(), frameId, book.codes, result);
  });
  const lastAfter = (db.prepare('SELECT max(id) AS id FROM history').get() as { id: number | null }).id;
  const changed = lastAfter !== lastBefore;
  const frameName = (db.prepare('SELECT name FROM code_frames WHERE id = ?').get(frameId) as { name: string }).name;
  const project = core.requireProject();
  project.audit(core.actor, 'codebook-imported', { frameId, created: result.created, matched: result.matched, renamed: result.renamed.length, moved: result.moved, updated: result.updated }, core.now());
  if (changed) core.emit('changed', { kinds: ['codes', 'history'] });
  return { ...result, frameId, frameName, undoLabel: changed ? label : null };
}

function applyBook(db: ProjectDb, now: string, frameId: number, roots: BookCode[], r: Omit<CodebookImportResult, 'frameId' | 'frameName' | 'undoLabel'>): void {
  const byGuid = db.prepare('SELECT id, frame_id, parent_id, name, color, description FROM codes WHERE guid = ?');
  const byName = db.prepare('SELECT id, frame_id, parent_id, name, color, description FROM codes WHERE frame_id = ? AND parent_id IS ? AND name = ? COLLATE NOCASE');
  const frameOf = db.prepare('SELECT f.name FROM codes c JOIN code_frames f ON f.id = c.frame_id WHERE c.id = ?');
  const nextPos = db.prepare('SELECT coalesce(max(position) + 1, 0) AS p FROM codes WHERE frame_id = ? AND parent_id IS ?');
  const insert = db.prepare('INSERT INTO codes (frame_id, parent_id, name, color, description, position, created_at, guid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const guidOf = db.prepare('SELECT guid FROM codes WHERE id = ?');
  const isBelow = db.prepare('WITH RECURSIVE up(id) AS (SELECT parent_id FROM codes WHERE id = ? UNION ALL SELECT c.parent_id FROM codes c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL) SELECT 1 FROM up WHERE id = ?');
  let count = (db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n;
  const seen = new Set<string>();
  const uncodable: string[] = [];

  const visit = (code: BookCode, parentId: number | null, parentPath: string): void => {
    let name = code.name.normalize('NFC').trim();
    if (!name) {
      name = 'Unnamed code';
      r.warnings.push(`A code with no name${parentPath ? ` under "${parentPath}"` : ''} was imported as "${name}".`);
    }
    if (name.length > MAX_NAME) {
      r.warnings.push(`The code name "${name.slice(0, 40)}…" is longer than ${MAX_NAME} characters; it was cut.`);
      name = name.slice(0, MAX_NAME);
    }
    const path = parentPath ? `${parentPath}/${name}` : name;
    let description = code.description === null ? null : code.description.normalize('NFC');
    if (description !== null && description.length > MAX_DESCRIPTION) {
      r.warnings.push(`The description of "${path}" is longer than ${MAX_DESCRIPTION} characters; it was cut.`);
      description = description.slice(0, MAX_DESCRIPTION);
    }
    const color = colour(code.color);
    if (code.color !== null && color === null) r.warnings.push(`"${path}": the colour "${code.color}" is not #rrggbb; it was not used.`);
    if (!code.codable) uncodable.push(path);

    let guid = canonicalGuid(code.guid);
    if (code.guid !== null && guid === null) r.warnings.push(`"${path}": "${code.guid}" is not a GUID; the code was given a new one.`);
    if (guid !== null && seen.has(guid)) {
      r.warnings.push(`"${path}": its GUID is used by another code earlier in the file; it was matched by path or given a new one.`);
      guid = null;
    }
    if (guid !== null) seen.add(guid);

    let row: Row | undefined;
    let outcome: 'created' | 'matched-guid' | 'matched-path' = 'created';
    if (guid !== null) {
      const hit = byGuid.get(guid) as Row | undefined;
      if (hit && hit.frame_id === frameId) {
        row = hit;
        outcome = 'matched-guid';
      } else if (hit) {
        r.warnings.push(`"${path}": its GUID belongs to a code in the frame "${(frameOf.get(hit.id) as { name: string }).name}"; codes never cross frames, so it was matched by path or given a new GUID.`);
        guid = null;
      }
    }
    if (!row) {
      const hit = byName.get(frameId, parentId, name) as Row | undefined;
      if (hit) {
        row = hit;
        outcome = 'matched-path';
      }
    }

    let id: number;
    if (row) {
      id = row.id;
      r.matched++;
      if (outcome === 'matched-guid' && row.parent_id !== parentId) {
        const clash = byName.get(frameId, parentId, name) as Row | undefined;
        if (parentId !== null && (parentId === id || isBelow.get(parentId, id))) r.warnings.push(`"${path}": it would move inside itself; it was left where it is.`);
        else if (clash && clash.id !== id) r.warnings.push(`"${path}": a code of that name is already there; it was left where it is.`);
        else {
          db.prepare('UPDATE codes SET parent_id = ?, position = ? WHERE id = ?').run(parentId, (nextPos.get(frameId, parentId) as { p: number }).p, id);
          row.parent_id = parentId;
          r.moved++;
        }
      }
      if (outcome === 'matched-guid' && row.name !== name) {
        const clash = byName.get(frameId, row.parent_id, name) as Row | undefined;
        if (clash && clash.id !== id) r.warnings.push(`"${path}": not renamed from "${row.name}", a code of that name is already there.`);
        else {
          db.prepare('UPDATE codes SET name = ? WHERE id = ?').run(name, id);
          r.renamed.push({ from: row.name, to: name, path });
        }
      }
      const newColour = color !== null && color !== row.color.toLowerCase() ? color : null;
      const newDescription = description !== null && description !== row.description ? description : null;
      if (newColour !== null) db.prepare('UPDATE codes SET color = ? WHERE id = ?').run(newColour, id);
      if (newDescription !== null) db.prepare('UPDATE codes SET description = ? WHERE id = ?').run(newDescription, id);
      if (newColour !== null || newDescription !== null) r.updated++;
    } else {
      const pos = (nextPos.get(frameId, parentId) as { p: number }).p;
      id = Number(insert.run(frameId, parentId, name, color ?? paletteColour(count), description ?? '', pos, now, guid).lastInsertRowid);
      count++;
      r.created++;
    }
    r.codes.push({ path, guid: (guidOf.get(id) as { guid: string }).guid, outcome });
    for (const child of code.children) visit(child, id, path);
  };
  for (const code of roots) visit(code, null, '');
  if (uncodable.length) r.warnings.push(`${uncodable.length} code(s) marked not codable in the file (${uncodable.slice(0, 5).map((p) => `"${p}"`).join(', ')}${uncodable.length > 5 ? ', …' : ''}) are ordinary codes in Focal.`);
}
