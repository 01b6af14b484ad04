/**
 * Writes a read REFI-QDA project (qde-read.ts) into a fresh Focal database, in one transaction:
 * sources through speaker detection, codes with their GUIDs, coders, codings mapped into the stored
 * text, notes as memos on what they refer to, variables as typed attributes, cases as participants
 * (speakers mapped to them where a case's selections line up with turns, or its name is a speaker's
 * label), timestamps from sync points. What cannot be kept is reported, one line each.
 */
import type { QdpxImportResult } from '../../../shared/api/calls-qdpx';
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { fold } from '../../../shared/text/fold';
import type { ProjectDb } from '../db/open-project';
import { canonicalGuid } from '../exchange/qda-xml';
import { decodeTranscriptRaw } from '../import/decode';
import { isImportError } from '../import/errors';
import { parseTranscriptFile } from '../import/parse-file';
import { checkValue } from '../participants/attribute-types';
import { sha256 } from '../export/write-file';
import { storeTranscript } from '../sources/store-transcript';
import type { QdeCode, QdeProject, QdeSource } from './qde-read';
import { sourceEntry } from './qdpx-zip';
import { normaliseWithMap, PositionMap } from './text-map';

type Result = Omit<QdpxImportResult, 'file' | 'project' | 'tikangaQuestion'>;

interface Prepared {
  src: QdeSource;
  parsed: ParsedTranscript;
  map: PositionMap;
  fileName: string;
  hash: string;
}

const PALETTE = ['#4f7cac', '#c0504d', '#9bbb59', '#8064a2', '#f79646', '#4bacc6', '#d4a017', '#2e8b57'];

function colour(c: string | null, n: number): string {
  const m = c ? /^\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\s*$/.exec(c) : null;
  if (!m) return PALETTE[n % PALETTE.length]!;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((x) => x + x).join('') : m[1]!;
  return `#${hex.toLowerCase()}`;
}

/** A memo body in the memo editor's format (Lexical JSON): one paragraph per line. */
export function lexicalBody(text: string): string {
  const paragraph = (line: string) => ({
    type: 'paragraph',
    version: 1,
    format: '',
    indent: 0,
    direction: null,
    children: line ? [{ type: 'text', version: 1, text: line, format: 0, detail: 0, mode: 'normal', style: '' }] : [],
  });
  return JSON.stringify({ root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: text.split('\n').map(paragraph) } });
}

function isoOr(at: string | null, fallback: string): string {
  return at && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : fallback;
}

async function prepareSources(qde: QdeProject, files: Map<string, Uint8Array>, label: string, r: Result): Promise<Prepared[]> {
  const out: Prepared[] = [];
  const usedNames = new Set<string>();
  for (const src of qde.sources) {
    const name = (src.name.trim() || 'Untitled source').normalize('NFC');
    let raw: string;
    let bytesForHash: Uint8Array;
    try {
      if (src.content !== null && src.content !== '') {
        raw = src.content;
        bytesForHash = Buffer.from(raw, 'utf8');
      } else {
        const external = src.plainTextPath !== null && /^(absolute|relative|file):/i.test(src.plainTextPath);
        if (external) {
          // Read only what the archive holds: a path to the sender's disk is never followed.
          r.skipped.push({ kind: 'text outside the archive', name });
          r.warnings.push(`"${name}": its text is outside ${label} (${src.plainTextPath}); Focal reads only what the .qdpx holds, so the source was not imported. Export it again with the text inside the project.`);
          continue;
        }
        const bytes = src.plainTextPath ? sourceEntry(files, src.plainTextPath) : undefined;
        if (!bytes) {
          r.skipped.push({ kind: 'text without its text file', name });
          r.warnings.push(`"${name}": its text (${src.plainTextPath ?? 'no path given'}) is not in ${label}; the source was not imported.`);
          continue;
        }
        raw = decodeTranscriptRaw(bytes, name);
        bytesForHash = bytes;
      }
      const norm = normaliseWithMap(raw);
      let fileName = `${name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 150)}.txt`;
      while (usedNames.has(fileName.toLowerCase())) fileName = fileName.replace(/(?: \((\d+)\))?\.txt$/, (_m, n) => ` (${Number(n ?? 1) + 1}).txt`);
      usedNames.add(fileName.toLowerCase());
      const parsed = await parseTranscriptFile(fileName, Buffer.from(norm.text, 'utf8'));
      out.push({ src, parsed, map: new PositionMap(norm.map, norm.text, parsed.text), fileName, hash: sha256(Buffer.from(bytesForHash)) });
      for (const w of parsed.warnings) r.warnings.push(`"${name}": ${w}`);
    } catch (e) {
      if (!isImportError(e)) throw e;
      r.skipped.push({ kind: 'text that could not be read', name });
      r.warnings.push(`"${name}": ${e.reason}; the source was not imported.`);
    }
  }
  return out;
}

export async function writeProject(db: ProjectDb, qde: QdeProject, files: Map<string, Uint8Array>, o: { label: string; now: string; warnings: string[] }): Promise<Result> {
  const r: Result = {
    counts: { sources: 0, codes: 0, codings: 0, memos: 0, participants: 0, attributes: 0, speakersMapped: 0, coders: 0 },
    skipped: qde.skipped.map((s) => ({ kind: s.kind, name: s.name })),
    codingsNotImported: [],
    recordings: [],
    warnings: o.warnings,
  };
  const prepared = await prepareSources(qde, files, o.label, r);
  const seenGuids = new Set<string>();
  /** The GUID to keep: the file's, unless missing or already used in this file (then a new one). */
  const keep = (g: string | null): string | null => {
    if (!g || seenGuids.has(g)) return null;
    seenGuids.add(g);
    return g;
  };
  db.transaction(() => {
    const frameId = db.prepare('SELECT id FROM code_frames ORDER BY id LIMIT 1').pluck().get() as number;
    // Users → coders.
    const coderName = new Map<string, string>();
    const insCoder = db.prepare('INSERT OR IGNORE INTO coders (name, guid) VALUES (?, ?)');
    for (const [g, raw] of qde.users) {
      const name = (raw.trim() || 'Unnamed coder').normalize('NFC').slice(0, 200);
      coderName.set(g, name);
      if (insCoder.run(name, keep(g) ?? crypto.randomUUID()).changes) r.counts.coders++;
    }
    const who = (g: string | null) => (g ? (coderName.get(g) ?? 'Imported') : 'Imported');

    // Codes.
    const codeIds = new Map<string, number>();
    const insCode = db.prepare('INSERT INTO codes (frame_id, parent_id, name, color, description, position, created_at, guid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const walk = (list: QdeCode[], parent: number | null, parentPath: string) => {
      const siblings = new Set<string>();
      list.forEach((c, pos) => {
        let name = (c.name.trim() || 'Unnamed code').normalize('NFC').slice(0, 300);
        while (siblings.has(fold(name))) name = `${name} (2)`;
        siblings.add(fold(name));
        const id = Number(insCode.run(frameId, parent, name, colour(c.color, r.counts.codes), (c.description ?? '').normalize('NFC').slice(0, 20_000), pos, o.now, keep(c.guid)).lastInsertRowid);
        if (c.guid) codeIds.set(c.guid, id);
        r.counts.codes++;
        walk(c.children, id, parentPath ? `${parentPath}/${name}` : name);
      });
    };
    walk(qde.codes, null, '');

    // Sources, selections and codings.
    const sourceIds = new Map<string, number>();
    const selectionAt = new Map<string, { sourceId: number; start: number; end: number; codingIds: number[] }>();
    const codingIds = new Map<string, number>();
    const insCoding = db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at, guid) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const setGuid = db.prepare('UPDATE sources SET guid = ?, title = ? WHERE id = ?');
    const setMs = db.prepare('UPDATE blocks SET start_ms = ? WHERE id = ? AND start_ms IS NULL');
    const memos: Array<{ target: { kind: 'source' | 'coding' | 'participant'; id: number }; title: string; text: string; author: string; at: string }> = [];
    for (const p of prepared) {
      const name = (p.src.name.trim() || 'Untitled source').normalize('NFC').slice(0, 300);
      const sourceId = storeTranscript(db, p.parsed, { fileName: p.fileName, contentHash: p.hash, mode: 'mainstream', parts: [], now: isoOr(p.src.at, o.now) });
      setGuid.run(keep(p.src.guid), name, sourceId);
      r.counts.sources++;
      if (p.src.guid) sourceIds.set(p.src.guid, sourceId);
      if (p.src.description?.trim()) memos.push({ target: { kind: 'source', id: sourceId }, title: `${name}: description`, text: p.src.description, author: who(p.src.user), at: isoOr(p.src.at, o.now) });
      const code = (c: { codeGuid: string | null }, where: string): number | null => {
        const id = c.codeGuid ? codeIds.get(c.codeGuid) : undefined;
        if (id === undefined) r.codingsNotImported.push(`"${name}" ${where}: the coding names a code that is not in the codebook (${c.codeGuid ?? 'no code given'}).`);
        return id ?? null;
      };
      for (const sel of p.src.selections) {
        const range = p.map.range(sel.start, sel.end);
        if (!range) {
          for (const _ of sel.codings.length ? sel.codings : [null]) r.codingsNotImported.push(`"${name}" ${sel.start}–${sel.end}: the positions are outside the text (${p.map.rawLength} characters), or cover none of it.`);
          continue;
        }
        const entry = { sourceId, ...range, codingIds: [] as number[] };
        if (sel.guid) selectionAt.set(sel.guid, entry);
        for (const c of sel.codings) {
          const codeId = code(c, `${sel.start}–${sel.end}`);
          if (codeId === null) continue;
          const id = Number(insCoding.run(codeId, sourceId, range.start, range.end, who(c.user ?? sel.user), isoOr(c.at ?? sel.at, o.now), keep(c.guid)).lastInsertRowid);
          entry.codingIds.push(id);
          if (c.guid) codingIds.set(c.guid, id);
          r.counts.codings++;
        }
        // ATLAS.ti writes a quotation's comment as the selection's Description: a memo on its coding.
        if (sel.description?.trim() && entry.codingIds[0] !== undefined) memos.push({ target: { kind: 'coding', id: entry.codingIds[0] }, title: 'Comment', text: sel.description, author: who(sel.user), at: isoOr(sel.at, o.now) });
      }
      const length = p.parsed.text.length;
      for (const c of p.src.codings) {
        const codeId = code(c, '(the whole source)');
        if (codeId === null || !length) continue;
        const id = Number(insCoding.run(codeId, sourceId, 0, length, who(c.user), isoOr(c.at, o.now), keep(c.guid)).lastInsertRowid);
        if (c.guid) codingIds.set(c.guid, id);
        r.counts.codings++;
      }
      if (p.src.kind !== 'text') {
        const blocks = db.prepare('SELECT id, start FROM blocks WHERE source_id = ? ORDER BY start').all(sourceId) as Array<{ id: number; start: number }>;
        const points = p.src.syncPoints
          .map((sp) => ({ ms: sp.ms, at: sp.position === null ? null : p.map.point(sp.position) }))
          .filter((x): x is { ms: number; at: number } => x.ms !== null && x.at !== null)
          .sort((a, b) => a.at - b.at);
        let k = -1;
        for (const b of blocks) {
          while (k + 1 < points.length && points[k + 1]!.at <= b.start) k++;
          if (k >= 0 && points[k]!.at >= b.start - 2) setMs.run(points[k]!.ms, b.id);
        }
        r.recordings.push(`"${name}": the ${p.src.kind} recording${p.src.mediaPath ? ` (${p.src.mediaPath})` : ''} was not imported (Focal keeps transcripts, not recordings); its transcript was${points.length ? `, with ${points.length} timestamp(s)` : ''}.`);
      }
    }

    // Variables → attributes; cases → participants.
    const TYPE: Record<string, 'text' | 'number' | 'date' | 'choice'> = { Text: 'text', Integer: 'number', Float: 'number', Date: 'date', DateTime: 'date', Boolean: 'choice' };
    const attrs = new Map<string, { id: number; type: 'text' | 'number' | 'date' | 'choice'; choices: string[]; name: string }>();
    const insAttr = db.prepare('INSERT INTO attributes (name, type, choices) VALUES (?, ?, ?)');
    const usedAttr = new Set<string>();
    for (const v of qde.variables) {
      let name = (v.name.trim() || 'Variable').normalize('NFC').slice(0, 200);
      while (usedAttr.has(fold(name))) name = `${name} (2)`;
      usedAttr.add(fold(name));
      const type = TYPE[v.type] ?? 'text';
      const choices = type === 'choice' ? ['true', 'false'] : [];
      const id = Number(insAttr.run(name, type, JSON.stringify(choices)).lastInsertRowid);
      if (v.guid) attrs.set(v.guid, { id, type, choices, name });
      r.counts.attributes++;
    }
    const insPerson = db.prepare("INSERT INTO participants (kind, name, role, created_at, guid) VALUES ('person', ?, 'participant', ?, ?)");
    const insValue = db.prepare('INSERT OR REPLACE INTO participant_attributes (participant_id, attribute_id, value) VALUES (?, ?, ?)');
    const caseIds = new Map<string, number>();
    const byLabel = new Map<string, Set<number>>(); // `${sourceId}\u0000${speakerId}` → cases whose selections cover its turns
    const turnsOf = db.prepare("SELECT b.start, b.end, b.speaker_id AS speakerId FROM blocks b WHERE b.source_id = ? AND b.kind = 'turn' AND b.speaker_id IS NOT NULL AND b.start < ? AND b.end > ?");
    for (const c of qde.cases) {
      const name = (c.name.trim() || 'Unnamed case').normalize('NFC').slice(0, 200);
      const id = Number(insPerson.run(name, o.now, keep(c.guid)).lastInsertRowid);
      if (c.guid) caseIds.set(c.guid, id);
      r.counts.participants++;
      if (c.description?.trim()) memos.push({ target: { kind: 'participant', id }, title: `${name}: description`, text: c.description, author: 'Imported', at: o.now });
      for (const v of c.values) {
        const def = v.variable ? attrs.get(v.variable) : undefined;
        if (!def || v.value === null || v.value.trim() === '') continue;
        const checked = checkValue(def, def.type === 'choice' ? v.value.trim().toLowerCase().replace(/^1$/, 'true').replace(/^0$/, 'false') : v.value);
        if (checked.ok) insValue.run(id, def.id, checked.value);
        else r.warnings.push(`${name}: the value "${v.value}" of "${def.name}" ${checked.reason}; it was not imported.`);
      }
      for (const s of c.selectionRefs) {
        const sel = selectionAt.get(s);
        if (!sel) continue;
        for (const t of turnsOf.all(sel.sourceId, sel.end, sel.start) as Array<{ start: number; end: number; speakerId: number }>) {
          const covered = Math.min(t.end, sel.end) - Math.max(t.start, sel.start);
          if (covered * 2 < t.end - t.start && !(sel.start >= t.start && sel.end <= t.end)) continue;
          const key = `${sel.sourceId}\u0000${t.speakerId}`;
          byLabel.set(key, (byLabel.get(key) ?? new Set()).add(id));
        }
      }
    }
    const mapSpeaker = db.prepare('UPDATE speakers SET participant_id = ? WHERE id = ? AND participant_id IS NULL');
    for (const [key, cases] of byLabel) {
      const speakerId = Number(key.split('\u0000')[1]);
      if (cases.size === 1) r.counts.speakersMapped += mapSpeaker.run([...cases][0], speakerId).changes;
      else r.warnings.push(`A speaker label's turns are covered by ${cases.size} cases; it was left for you to map.`);
    }
    // A case named as a speaker's label (NVivo's cases are often the speakers themselves).
    const caseByName = new Map<string, number[]>();
    for (const c of qde.cases) {
      const id = c.guid ? caseIds.get(c.guid) : undefined;
      if (id !== undefined) caseByName.set(fold(c.name.trim()), [...(caseByName.get(fold(c.name.trim())) ?? []), id]);
    }
    for (const s of db.prepare('SELECT id, label FROM speakers WHERE participant_id IS NULL').all() as Array<{ id: number; label: string }>) {
      const hit = caseByName.get(fold(s.label.trim()));
      if (hit?.length === 1) r.counts.speakersMapped += mapSpeaker.run(hit[0], s.id).changes;
    }

    // Notes → memos on what their NoteRefs point at (the project when nothing does).
    const insMemo = db.prepare('INSERT INTO memos (target_kind, target_id, title, body, body_text, author, created_at, updated_at, guid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const targetOf = (g: string | null): { kind: 'project' | 'source' | 'code' | 'coding' | 'participant'; id: number | null } => {
      if (g === null) return { kind: 'project', id: null };
      if (codeIds.has(g)) return { kind: 'code', id: codeIds.get(g)! };
      if (sourceIds.has(g)) return { kind: 'source', id: sourceIds.get(g)! };
      if (codingIds.has(g)) return { kind: 'coding', id: codingIds.get(g)! };
      const sel = selectionAt.get(g);
      if (sel) return sel.codingIds[0] !== undefined ? { kind: 'coding', id: sel.codingIds[0] } : { kind: 'source', id: sel.sourceId };
      if (caseIds.has(g)) return { kind: 'participant', id: caseIds.get(g)! };
      return { kind: 'project', id: null };
    };
    const refs = new Map<string, Array<string | null>>();
    for (const nr of qde.noteRefs) refs.set(nr.note, [...(refs.get(nr.note) ?? []), nr.target]);
    for (const n of qde.notes) {
      let body = n.content;
      if ((body === null || body === '') && n.plainTextPath) {
        const bytes = sourceEntry(files, n.plainTextPath);
        try {
          body = bytes ? decodeTranscriptRaw(bytes, n.name || 'note') : null;
        } catch (e) {
          if (!isImportError(e)) throw e;
          body = null;
        }
      }
      const text = (body ?? '').replace(/\r\n?/g, '\n').normalize('NFC');
      const targets = refs.get(n.guid ?? '') ?? [null];
      targets.forEach((t, k) => {
        const target = targetOf(t);
        const at = isoOr(n.at, o.now);
        insMemo.run(target.kind, target.id, (n.name || 'Note').normalize('NFC').slice(0, 300), lexicalBody(text), text, who(n.user), at, at, k === 0 ? keep(canonicalGuid(n.guid)) : null);
        r.counts.memos++;
      });
    }
    for (const m of memos) {
      const target = m.target;
      const text = m.text.replace(/\r\n?/g, '\n').normalize('NFC');
      insMemo.run(target.kind, target.id, m.title, lexicalBody(text), text, m.author, m.at, m.at, null);
      r.counts.memos++;
    }
    if (qde.sets.length) r.warnings.push(`${qde.sets.length} set(s) (${qde.sets.map((s) => `"${s.name}"`).join(', ')}) were not imported: Focal has no code or source groups yet.`);
  })();
  return r;
}
