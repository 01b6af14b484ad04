/**
 * The project out as a REFI-QDA project (.qdpx: project.qde plus one plain-text file per source in
 * `sources/`), through the gate's logic: it is a path out of the app.
 *
 * full (a colleague on the same ethics approval): real text and names, but restricted (tapu) and
 * unreleased material, withdrawn passages and the turns of anyone who withdrew are written `[…]`;
 * the result says plainly the file holds identifiable data.
 *
 * deposit (an archive, a reader outside the team): every kept passage pseudonymised with the
 * project's rules (refused while any identifier in it is undecided, listing them); turns of people
 * who did not consent to be quoted replaced by `[turn removed: no consent]`; tikanga-based sources
 * left out (no kaitiaki statement for deposit exists yet); cases by pseudonym with only the
 * attributes the person chose; coders as `Coder N`; titles and code names through the rules; fresh
 * GUIDs throughout (the full export's GUIDs would link pseudonyms back to names); no register, no
 * audit log. In both, codings are remapped into the written text; a coding whose words were all
 * removed is dropped and counted. The XML is validated against the Project schema before anything is
 * written, and the file is written and audited (SHA-256) by withAuditedFile.
 */
import { randomUUID, createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { QdpxExportResult } from '../../../shared/api/calls-qdpx';
import type { FocalCore } from '../app/focal-core';
import { withAuditedFile } from '../audit/audited-file';
import { FocalError } from '../errors';
import { describeProblems, schemaProblems } from '../exchange/qda-xml';
import { exportSourceTitle, nzDate } from '../gate/evaluate';
import { GateData } from '../gate/gate-data';
import { MetadataGate } from '../gate/metadata';
import { pseudoPort } from '../gate/pseudo-port';
import { loadPseudoContext } from '../pseudonyms/index';
import { qdeXml, type OutCase, type OutCode, type OutNote, type OutProject, type OutSelection, type OutSource, type OutVariable } from './qde-write';
import { mapRange, sourceOut } from './source-out';

export const IDENTIFIABLE_NOTE = 'This file holds identifiable data (real text and names): share it only with people on the same ethics approval, and keep it as you keep the project.';

const iso = (s: string | null | undefined): string | null => (s && !Number.isNaN(Date.parse(s)) ? new Date(s).toISOString() : null);
/** A stable GUID from a name (for attributes, which have none of their own). */
function nameGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface QdpxBuild {
  bytes: Buffer;
  suggestedName: string;
  counts: QdpxExportResult['counts'];
  leftOut: Record<string, number>;
  notes: string[];
}

export async function buildQdpx(core: FocalCore, profile: 'full' | 'deposit', chosenAttributes: string[]): Promise<QdpxBuild> {
  const db = core.requireProject().db;
  const deposit = profile === 'deposit';
  const today = nzDate(core.now());
  const data = new GateData(db);
  const port = pseudoPort(db);
  const meta = new MetadataGate(port);
  const ctx = deposit ? loadPseudoContext(db) : null;
  const g = (stored: string | null | undefined) => (deposit || !stored ? randomUUID() : stored);
  const leftOut: Record<string, number> = {};
  const add = (k: string, n = 1) => n && (leftOut[k] = (leftOut[k] ?? 0) + n);
  const undecided = new Map<string, string>(); // identifier text → where
  const now = iso(core.now())!;
  const info = db.prepare('SELECT name FROM project WHERE id = 1').get() as { name: string };

  // Users (coders): real names in full, `Coder N` in a deposit.
  const coderRows = db.prepare('SELECT name, guid FROM coders ORDER BY id').all() as Array<{ name: string; guid: string }>;
  const users = coderRows.map((c, n) => ({ guid: g(c.guid), name: deposit ? `Coder ${n + 1}` : c.name }));
  const userOf = new Map(coderRows.map((c, n) => [c.name, users[n]!.guid]));

  // Memos become Notes, attached by NoteRef (participants' memos: the case's description in full; left out of a deposit).
  const memoRows = db.prepare('SELECT id, target_kind AS kind, target_id AS targetId, title, body_text AS text, author, created_at AS at, guid FROM memos ORDER BY id').all() as Array<{ id: number; kind: string; targetId: number | null; title: string; text: string; author: string; at: string; guid: string }>;
  const notes: OutNote[] = [];
  const noteRefs = new Map<string, string[]>(); // `${kind}:${id}` → note GUIDs
  const caseDescriptions = new Map<number, string[]>();
  for (const m of memoRows) {
    if (m.kind === 'participant') {
      if (deposit) add('memos about participants');
      else caseDescriptions.set(m.targetId!, [...(caseDescriptions.get(m.targetId!) ?? []), m.title ? `${m.title}\n${m.text}` : m.text]);
      continue;
    }
    let title = m.title || 'Memo';
    let text = m.text;
    if (deposit) {
      const t = meta.clean(title);
      const b = port.pseudonymise(text);
      for (const c of [...t.unresolved, ...b.unresolved, ...port.detect(text).filter((c) => c.status === 'pending')]) undecided.set(c.text, `the memo “${m.title || m.id}”`);
      title = t.text;
      text = b.text;
    }
    const guid = g(m.guid);
    notes.push({ guid, name: title, text, user: userOf.get(m.author) ?? null, at: iso(m.at) ?? now });
    const key = `${m.kind}:${m.targetId ?? ''}`;
    noteRefs.set(key, [...(noteRefs.get(key) ?? []), guid]);
  }
  const refsFor = (kind: string, id: number | null) => noteRefs.get(`${kind}:${id ?? ''}`) ?? [];

  // Codes: one codebook; with several frames in use, each frame is a top-level (not codable) code.
  const frames = db.prepare('SELECT id, name, guid FROM code_frames ORDER BY id').all() as Array<{ id: number; name: string; guid: string }>;
  const codeRows = db.prepare('SELECT id, frame_id AS frameId, parent_id AS parentId, name, color, description, guid FROM codes ORDER BY position, id').all() as Array<{ id: number; frameId: number; parentId: number | null; name: string; color: string; description: string; guid: string }>;
  const codeGuid = new Map<number, string>();
  const byParent = new Map<string, typeof codeRows>();
  for (const c of codeRows) {
    const k = c.parentId === null ? `f${c.frameId}` : `c${c.parentId}`;
    byParent.set(k, [...(byParent.get(k) ?? []), c]);
    codeGuid.set(c.id, g(c.guid));
  }
  const cleanName = (name: string, label: string) => {
    if (!deposit) return name;
    const c = meta.clean(name);
    if (!c.unresolved.length) return c.text;
    meta.notes.add(`${label}: its name holds an identifier not yet decided, so it is written as “${label}”.`);
    return label;
  };
  const codeTree = (key: string): OutCode[] =>
    (byParent.get(key) ?? []).map((c) => ({
      guid: codeGuid.get(c.id)!,
      name: cleanName(c.name, `Code ${c.id}`),
      color: /^#[0-9a-fA-F]{6}$|^#[0-9a-fA-F]{3}$/.test(c.color) ? c.color : '#4f7cac',
      description: deposit ? meta.clean(c.description).text : c.description,
      codable: true,
      noteRefs: refsFor('code', c.id),
      children: codeTree(`c${c.id}`),
    }));
  const used = frames.filter((f) => byParent.has(`f${f.id}`));
  const codes: OutCode[] =
    used.length <= 1
      ? used.flatMap((f) => codeTree(`f${f.id}`))
      : used.map((f) => ({ guid: g(f.guid), name: cleanName(f.name, `Code frame ${f.id}`), color: '#808080', description: 'A Focal code frame', codable: false, noteRefs: [], children: codeTree(`f${f.id}`) }));

  // Sources.
  const sources: OutSource[] = [];
  const files: Record<string, Uint8Array> = {};
  const turnSelections = new Map<number, string[]>(); // participant → selection GUIDs
  const srcRows = db.prepare('SELECT id, mode, guid, imported_at AS at FROM sources ORDER BY id').all() as Array<{ id: number; mode: string; guid: string; at: string }>;
  const codingRows = db.prepare('SELECT id, code_id AS codeId, start, end, coder, created_at AS at, guid FROM codings WHERE source_id = ? ORDER BY start, id');
  let codingCount = 0;
  for (const row of srcRows) {
    if (deposit && row.mode === 'tikanga') {
      add('tikanga-based sources (no kaitiaki statement for deposit)');
      add('codings of removed passages', (codingRows.all(row.id) as unknown[]).length);
      continue;
    }
    const src = data.source(row.id);
    const labelOf = (speakerId: number | null): string | null => {
      const sp = speakerId === null ? undefined : src.speakers.get(speakerId);
      if (!sp) return null;
      if (!deposit) return sp.label;
      const p = sp.participantId === null ? undefined : data.people.get(sp.participantId);
      if (p) return p.pseudonym?.trim() ? meta.clean(p.pseudonym.trim()).text : `Participant ${p.id}`;
      const c = meta.clean(sp.label);
      return c.unresolved.length ? `Speaker ${sp.id}` : c.text;
    };
    const out = sourceOut(src, data, { profile, today, ctx, label: labelOf });
    for (const c of out.undecided) undecided.set(c.text, `“${exportSourceTitle(port, src)}”`);
    for (const [k, n] of Object.entries(out.leftOut)) add(k, n);
    const guid = g(row.guid);
    const selections: OutSelection[] = [];
    for (const c of codingRows.all(row.id) as Array<{ id: number; codeId: number; start: number; end: number; coder: string; at: string; guid: string }>) {
      const r = mapRange(out, c.start, c.end);
      if (!r) {
        add('codings of removed passages');
        continue;
      }
      const user = userOf.get(c.coder) ?? null;
      selections.push({ guid: randomUUID(), ...r, user, at: iso(c.at), codings: [{ guid: g(c.guid), code: codeGuid.get(c.codeId)!, user, at: iso(c.at), noteRefs: refsFor('coding', c.id) }] });
      codingCount++;
    }
    for (const t of out.turns) {
      if (t.participantId === null || t.end <= t.start) continue;
      const sel = randomUUID();
      selections.push({ guid: sel, start: t.start, end: t.end, user: null, at: null, codings: [] });
      turnSelections.set(t.participantId, [...(turnSelections.get(t.participantId) ?? []), sel]);
    }
    selections.sort((x, y) => x.start - y.start || x.end - y.end);
    const file = `${guid}.txt`;
    files[`sources/${file}`] = Buffer.from(out.text, 'utf8');
    sources.push({ guid, name: deposit ? exportSourceTitle(port, src) : src.title, path: `internal://${file}`, at: iso(row.at) ?? now, selections, noteRefs: refsFor('source', row.id) });
  }

  // Variables and cases.
  const attrRows = db.prepare('SELECT id, name, type FROM attributes ORDER BY id').all() as Array<{ id: number; name: string; type: string }>;
  if (deposit) {
    const unknown = chosenAttributes.filter((n) => !attrRows.some((a) => a.name.toLowerCase() === n.toLowerCase()));
    if (unknown.length) throw new FocalError('bad-input', `There is no participant attribute named ${unknown.map((n) => `“${n}”`).join(', ')}; choose from ${attrRows.map((a) => `“${a.name}”`).join(', ') || '(none defined)'}.`);
  }
  const chosen = attrRows.filter((a) => !deposit || chosenAttributes.some((n) => n.toLowerCase() === a.name.toLowerCase()));
  const variables: OutVariable[] = chosen.map((a) => ({ guid: deposit ? randomUUID() : nameGuid(`focal-attribute:${a.name}`), name: cleanName(a.name, `Attribute ${a.id}`), type: a.type === 'number' ? 'Float' : a.type === 'date' ? 'Date' : 'Text' }));
  const valueRows = db.prepare('SELECT attribute_id AS attributeId, value FROM participant_attributes WHERE participant_id = ?');
  const cases: OutCase[] = [];
  for (const p of data.people.values()) {
    if (p.consent?.withdrawnOn && p.consent.withdrawnOn <= today) {
      add('participants who withdrew');
      continue;
    }
    const sels = turnSelections.get(p.id) ?? [];
    if (deposit && (p.kind === 'group' || !sels.length)) continue;
    const values = (valueRows.all(p.id) as Array<{ attributeId: number; value: string }>).flatMap((v) => {
      const i = chosen.findIndex((a) => a.id === v.attributeId);
      if (i < 0) return [];
      const variable = variables[i]!;
      if (variable.type === 'Float' && !/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(v.value)) return [];
      if (variable.type === 'Date' && !/^\d{4}-\d{2}-\d{2}$/.test(v.value)) return [];
      if (deposit) {
        const c = meta.clean(v.value);
        if (c.unresolved.length) for (const u of c.unresolved) undecided.set(u.text, `an attribute value of ${p.pseudonym ?? `participant ${p.id}`}`);
        return [{ variable, value: c.text }];
      }
      return [{ variable, value: v.value }];
    });
    const guid = deposit ? randomUUID() : (db.prepare('SELECT guid FROM participants WHERE id = ?').pluck().get(p.id) as string);
    cases.push({ guid, name: deposit ? p.pseudonym?.trim() || `Participant ${p.id}` : p.name, description: deposit ? '' : (caseDescriptions.get(p.id) ?? []).join('\n\n'), values, selections: sels });
  }

  if (deposit && undecided.size) {
    const list = [...undecided.entries()].slice(0, 20).map(([t, where]) => `“${t}” (${where})`);
    throw new FocalError(
      'blocked-by-gate',
      `The deposit was not written: ${undecided.size} identifier${undecided.size === 1 ? ' is' : 's are'} not yet decided: ${list.join(', ')}${undecided.size > 20 ? ', …' : ''}. Review them in Pseudonyms (a rule, or "not identifying"), then export again.`,
      { undecided: [...undecided.keys()] },
    );
  }

  const name = deposit ? meta.projectTitle(info.name, 'Focal deposit') : info.name;
  const model: OutProject = { name, at: now, users, codes, variables, cases, sources, notes, projectNoteRefs: refsFor('project', null) };
  const xml = qdeXml(model);
  // The validator runs in a worker: the zip is built meanwhile, and used only if the XML validates.
  const validating = schemaProblems(xml, 'Project-mrt2019.xsd');
  files['project.qde'] = Buffer.from(xml, 'utf8');
  const bytes = Buffer.from(zipSync(files, { level: 1, mtime: new Date('2000-01-01T00:00:00Z') }));
  const problems = await validating;
  if (problems.length) throw new FocalError('internal', `The REFI-QDA project does not validate against the Project schema (${describeProblems(problems)}), so nothing was written. Please report this.`);
  const notesOut = [...meta.notes];
  if (!deposit) notesOut.unshift(IDENTIFIABLE_NOTE);
  else notesOut.unshift('Pseudonymised for deposit: no register, no audit log, no real names; coders are written as “Coder N”.');
  return {
    bytes,
    suggestedName: `${deposit ? meta.projectTitle(info.name, 'Focal deposit') : info.name}${deposit ? ' deposit' : ''}.qdpx`,
    counts: { sources: sources.length, codes: codeRows.length, codings: codingCount, memos: notes.length, cases: cases.length, users: users.length },
    leftOut,
    notes: notesOut,
  };
}

export async function exportQdpx(core: FocalCore, input: { profile: 'full' | 'deposit'; attributes: string[] }): Promise<QdpxExportResult> {
  const built = await buildQdpx(core, input.profile, input.attributes);
  const base = { profile: input.profile, counts: built.counts, leftOut: built.leftOut, notes: built.notes };
  const path = await core.host.chooseExportPath(built.suggestedName, ['qdpx']);
  if (!path) return { ...base, path: null, sha256: null };
  const detail: Record<string, number> = { ...built.counts };
  for (const [k, n] of Object.entries(built.leftOut)) detail[`leftOut ${k}`] = n;
  const { sha256 } = withAuditedFile(core, { format: 'qdpx', profile: input.profile === 'full' ? 'qdpx-full' : 'qdpx-deposit', quotes: [], action: 'qdpx-exported', detail }, path, built.bytes);
  return { ...base, path, sha256 };
}
