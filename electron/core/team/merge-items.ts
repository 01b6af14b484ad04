/**
 * The identity half of a merge: which frame, code, participant and source of a copy is which in
 * the lead's project. Frames and codes match by GUID, then by name/path in the same frame (a code
 * renamed in the copy keeps the lead's name; the rename is reported). Participants match by GUID,
 * then by folded name and kind; a name shared by several of the lead's participants is asked about.
 * Sources match by content hash; a source whose GUID matches but whose text differs is reported
 * and not merged. New items are added with the copy's GUIDs.
 */
import type Database from 'better-sqlite3';
import type { MergeFileReport } from '../../../shared/api/calls-team';
import { fold } from '../../../shared/text/fold';
import type { ProjectDb } from '../db/open-project';
import { codePaths } from './agreement';
import type { ExtraRows } from './merge-history';

export interface Maps {
  frames: Map<number, number>;
  codes: Map<number, number>;
  participants: Map<number, number>;
  sources: Map<number, number>;
  codings: Map<number, number>;
}

type Row = Record<string, unknown>;

function columns(db: ProjectDb | Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

function insertRow(db: ProjectDb, table: string, row: Row): number {
  const cols = Object.keys(row);
  return Number(db.prepare(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid);
}

export function mergeCodes(lead: ProjectDb, copy: Database.Database, maps: Maps, r: MergeFileReport): void {
  const leadFrames = lead.prepare('SELECT id, name, guid FROM code_frames').all() as Array<{ id: number; name: string; guid: string }>;
  for (const f of copy.prepare('SELECT id, name, kind, description, created_at, guid FROM code_frames ORDER BY id').all() as Row[]) {
    const hit = leadFrames.find((x) => x.guid === f.guid) ?? leadFrames.find((x) => x.name === f.name);
    if (hit) maps.frames.set(f.id as number, hit.id);
    else {
      const id = insertRow(lead, 'code_frames', { name: f.name, kind: f.kind, description: f.description, created_at: f.created_at, guid: f.guid });
      maps.frames.set(f.id as number, id);
      leadFrames.push({ id, name: String(f.name), guid: String(f.guid) });
      r.codes.added.push(`frame ${String(f.name)}`);
    }
  }
  const leadPaths = codePaths(lead);
  const leadByGuid = new Map((lead.prepare('SELECT id, guid, name FROM codes').all() as Array<{ id: number; guid: string; name: string }>).map((c) => [c.guid, c]));
  const key = (frameId: number, path: string) => `${frameId}\u0000${path.normalize('NFC').toLowerCase()}`;
  const leadByPath = new Map<string, number>();
  for (const [id, p] of leadPaths) leadByPath.set(key(p.frameId, p.path), id);
  const copyPaths = codePaths(copy as unknown as ProjectDb);
  const copyCodes = copy.prepare('SELECT id, frame_id, parent_id, name, color, description, position, created_at, guid FROM codes').all() as Row[];
  // Parents before children.
  copyCodes.sort((a, b) => copyPaths.get(a.id as number)!.path.split('/').length - copyPaths.get(b.id as number)!.path.split('/').length || (a.id as number) - (b.id as number));
  for (const c of copyCodes) {
    const frameId = maps.frames.get(c.frame_id as number)!;
    const path = copyPaths.get(c.id as number)!.path;
    const byGuid = leadByGuid.get(String(c.guid));
    if (byGuid) {
      maps.codes.set(c.id as number, byGuid.id);
      r.codes.matchedByGuid++;
      if (byGuid.name !== c.name) r.codes.renamed.push({ lead: leadPaths.get(byGuid.id)?.path ?? byGuid.name, copy: path });
      continue;
    }
    const parent = c.parent_id === null ? null : (maps.codes.get(c.parent_id as number) ?? null);
    const leadParentPath = parent === null ? null : codePathIn(lead, parent);
    const wanted = leadParentPath === null ? String(c.name) : `${leadParentPath}/${String(c.name)}`;
    const byPath = leadByPath.get(key(frameId, wanted));
    if (byPath !== undefined) {
      maps.codes.set(c.id as number, byPath);
      r.codes.matchedByPath++;
      continue;
    }
    const id = insertRow(lead, 'codes', { frame_id: frameId, parent_id: parent, name: c.name, color: c.color, description: c.description, position: c.position, created_at: c.created_at, guid: c.guid });
    maps.codes.set(c.id as number, id);
    leadByPath.set(key(frameId, wanted), id);
    leadByGuid.set(String(c.guid), { id, guid: String(c.guid), name: String(c.name) });
    r.codes.added.push(wanted);
  }
}

function codePathIn(db: ProjectDb, id: number): string {
  const parts: string[] = [];
  type C = { name: string; parent_id: number | null };
  const get = db.prepare('SELECT name, parent_id FROM codes WHERE id = ?');
  let cur = get.get(id) as C | undefined;
  for (let i = 0; cur && i < 200; i++) {
    parts.unshift(cur.name);
    cur = cur.parent_id === null ? undefined : (get.get(cur.parent_id) as C | undefined);
  }
  return parts.join('/');
}

export function mergeParticipants(lead: ProjectDb, copy: Database.Database, maps: Maps, r: MergeFileReport, answers: Record<string, number | 'new'>, extra: ExtraRows): void {
  const leadRows = lead.prepare('SELECT id, guid, name, kind FROM participants').all() as Array<{ id: number; guid: string; name: string; kind: string }>;
  const byGuid = new Map(leadRows.map((p) => [p.guid, p.id]));
  const cols = columns(lead, 'participants').filter((c) => c !== 'id');
  const rows = copy.prepare(`SELECT * FROM participants ORDER BY kind = 'group', id`).all() as Row[];
  const added = new Set<number>();
  for (const p of rows) {
    const guid = String(p.guid);
    const hit = byGuid.get(guid);
    if (hit !== undefined) {
      maps.participants.set(p.id as number, hit);
      r.participants.matchedByGuid++;
      continue;
    }
    const answer = answers[guid];
    if (typeof answer === 'number' && leadRows.some((x) => x.id === answer)) {
      maps.participants.set(p.id as number, answer);
      r.participants.matchedByName.push({ copy: String(p.name), lead: leadRows.find((x) => x.id === answer)!.name });
      continue;
    }
    const candidates = answer === 'new' ? [] : leadRows.filter((x) => x.kind === p.kind && fold(x.name).trim() === fold(String(p.name)).trim() && !added.has(x.id));
    if (candidates.length === 1) {
      maps.participants.set(p.id as number, candidates[0]!.id);
      r.participants.matchedByName.push({ copy: String(p.name), lead: candidates[0]!.name });
      continue;
    }
    if (candidates.length > 1) {
      r.participants.unsure.push({ guid, name: String(p.name), candidates: candidates.map((x) => ({ id: x.id, name: x.name })) });
      continue;
    }
    const row: Row = {};
    for (const c of cols) row[c] = p[c];
    row.kaitiaki_id = p.kaitiaki_id === null ? null : (maps.participants.get(p.kaitiaki_id as number) ?? null);
    const id = extra.insert(lead, 'participants', row);
    maps.participants.set(p.id as number, id);
    added.add(id);
    leadRows.push({ id, guid, name: String(p.name), kind: String(p.kind) });
    r.participants.added.push(String(p.name));
  }
  // Memberships of the participants this merge added.
  const addedCopyIds = [...maps.participants].filter(([, lid]) => added.has(lid)).map(([cid]) => cid);
  if (!addedCopyIds.length) return;
  for (const m of copy.prepare('SELECT group_id, member_id, role FROM group_members').all() as Array<{ group_id: number; member_id: number; role: string | null }>) {
    if (!addedCopyIds.includes(m.group_id) && !addedCopyIds.includes(m.member_id)) continue;
    const g = maps.participants.get(m.group_id);
    const mem = maps.participants.get(m.member_id);
    if (g === undefined || mem === undefined) continue;
    if (lead.prepare('SELECT 1 FROM group_members WHERE group_id = ? AND member_id = ?').get(g, mem)) continue;
    extra.insert(lead, 'group_members', { group_id: g, member_id: mem, role: m.role }, { undoDelete: false, key: 'none' });
  }
}

/** A source's rows, copied whole from the copy under new ids (speakers, blocks, links, notes, parts, frames, search rows). */
function copySource(lead: ProjectDb, copy: Database.Database, s: Row, maps: Maps, extra: ExtraRows): number {
  const cols = columns(lead, 'sources').filter((c) => c !== 'id');
  const row: Row = {};
  for (const c of cols) row[c] = s[c];
  row.group_id = s.group_id === null ? null : (maps.participants.get(s.group_id as number) ?? null);
  const sid = extra.insert(lead, 'sources', row);
  const speakerMap = new Map<number, number>();
  for (const sp of copy.prepare('SELECT * FROM speakers WHERE source_id = ?').all(s.id) as Row[]) {
    const pid = sp.participant_id === null ? null : (maps.participants.get(sp.participant_id as number) ?? null);
    speakerMap.set(sp.id as number, extra.insert(lead, 'speakers', { source_id: sid, label: sp.label, participant_id: pid, role: sp.role }, { undoDelete: false }));
  }
  const blockMap = new Map<number, number>();
  for (const b of copy.prepare('SELECT * FROM blocks WHERE source_id = ? ORDER BY seq').all(s.id) as Row[]) {
    const speaker = b.speaker_id === null ? null : (speakerMap.get(b.speaker_id as number) ?? null);
    blockMap.set(b.id as number, extra.insert(lead, 'blocks', { source_id: sid, seq: b.seq, kind: b.kind, speaker_id: speaker, start: b.start, end: b.end, start_ms: b.start_ms, end_ms: b.end_ms }, { undoDelete: false }));
  }
  for (const l of copy.prepare('SELECT bl.block_id, bl.responds_to_id FROM block_links bl JOIN blocks b ON b.id = bl.block_id WHERE b.source_id = ?').all(s.id) as Array<{ block_id: number; responds_to_id: number }>) {
    const a = blockMap.get(l.block_id);
    const b = blockMap.get(l.responds_to_id);
    if (a !== undefined && b !== undefined) extra.insert(lead, 'block_links', { block_id: a, responds_to_id: b }, { undoDelete: false, key: 'none' });
  }
  for (const a of copy.prepare('SELECT start, end, text FROM annotations WHERE source_id = ?').all(s.id) as Row[]) extra.insert(lead, 'annotations', { source_id: sid, ...a }, { undoDelete: false });
  for (const p of copy.prepare('SELECT * FROM session_parts WHERE source_id = ?').all(s.id) as Row[]) {
    const { id: _id, source_id: _s, released_by_approval_id: _r, ...rest } = p;
    extra.insert(lead, 'session_parts', { ...rest, source_id: sid, led_by_id: p.led_by_id === null ? null : (maps.participants.get(p.led_by_id as number) ?? null) }, { undoDelete: false });
  }
  for (const f of copy.prepare('SELECT frame_id FROM frame_sources WHERE source_id = ?').pluck().all(s.id) as number[]) {
    const fid = maps.frames.get(f);
    if (fid !== undefined) extra.insert(lead, 'frame_sources', { frame_id: fid, source_id: sid }, { undoDelete: false, key: 'none' });
  }
  const search = copy.prepare('SELECT si.folded, si.block_id FROM search_index si WHERE si.block_id IN (SELECT id FROM blocks WHERE source_id = ?)').all(s.id) as Array<{ folded: string; block_id: string | number }>;
  for (const x of search) {
    const b = blockMap.get(Number(x.block_id));
    if (b !== undefined) extra.insert(lead, 'search_index', { folded: x.folded, block_id: b }, { undoDelete: true, key: 'rowid' });
  }
  return sid;
}

export function mergeSources(lead: ProjectDb, copy: Database.Database, maps: Maps, r: MergeFileReport, extra: ExtraRows): void {
  const byGuid = lead.prepare('SELECT id, content_hash AS hash FROM sources WHERE guid = ?');
  const byHash = lead.prepare('SELECT id FROM sources WHERE content_hash = ? ORDER BY id LIMIT 1').pluck();
  for (const s of copy.prepare('SELECT id, guid, content_hash, title FROM sources ORDER BY id').all() as Array<{ id: number; guid: string; content_hash: string; title: string }>) {
    const g = byGuid.get(s.guid) as { id: number; hash: string } | undefined;
    if (g) {
      if (g.hash === s.content_hash) {
        maps.sources.set(s.id, g.id);
        r.sources.matched++;
      } else r.sources.textDiffers.push(s.title);
      continue;
    }
    const h = byHash.get(s.content_hash) as number | undefined;
    if (h !== undefined) {
      maps.sources.set(s.id, h);
      r.sources.matched++;
      continue;
    }
    const full = copy.prepare('SELECT * FROM sources WHERE id = ?').get(s.id) as Row;
    maps.sources.set(s.id, copySource(lead, copy, full, maps, extra));
    r.sources.added.push(s.title);
  }
}
