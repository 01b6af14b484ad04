/**
 * `focal merge` / File ▸ Merge coder copies…: brings into the open project what coders' copies
 * added. Codings are kept per coder and never collapsed across coders; one the project already has
 * (same GUID, or same code, source, range and coder) is not added again, so merging the same copy
 * twice changes nothing. A memo edited in both the project and a copy since the copy was made is
 * kept twice (the copy's version under a GUID derived from the original's and its text, so a second
 * merge finds it) and listed as a conflict. All copies go in as ONE undoable step with ONE audit line
 * (counts only). A dry run does the same work inside a transaction that is rolled back.
 */
import { createHash } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { MergeFileReport, MergeReport } from '../../../shared/api/calls-team';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { codableCheck } from '../tikanga/coding-guard';
import { copyRecord, teamCoders } from './coder-copy';
import { openCopy } from './copy-file';
import { type ExtraRows, undoableMerge } from './merge-history';
import { mergeCodes, mergeParticipants, mergeSources, type Maps } from './merge-items';
import { importStatements, reportLeadOnly } from './merge-lead';

class DryRun extends Error {
  constructor(readonly report: MergeReport) {
    super('dry run');
  }
}

/** A v4-shaped GUID derived from text: the same conflict version always gets the same GUID. */
export function derivedGuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = '89ab'[parseInt(h[16]!, 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function emptyReport(path: string, coder: string | null): MergeFileReport {
  return {
    file: basename(path),
    path,
    coder,
    codes: { added: [], matchedByGuid: 0, matchedByPath: 0, renamed: [] },
    codings: { added: 0, alreadyPresent: 0, notOnMergedSource: 0, notCodable: 0, byCoder: {}, notInTeamList: {} },
    memos: { added: 0, updated: 0, alreadyPresent: 0, conflicts: [] },
    sources: { added: [], matched: 0, textDiffers: [] },
    participants: { added: [], matchedByGuid: 0, matchedByName: [], unsure: [] },
    leadOnly: [],
    kaitiaki: { imported: 0, alreadyPresent: 0, notVerified: 0 },
  };
}

/**
 * Codings are recorded for undo here rather than by the capture triggers: a merge can add a hundred
 * thousand, and rows already in hand need no JSON round trip through SQLite.
 */
function mergeCodings(lead: ProjectDb, copy: Database.Database, maps: Maps, r: MergeFileReport, team: string[], extra: ExtraRows): void {
  const existing = new Map<string, number>();
  for (const c of lead.prepare('SELECT id, code_id, source_id, start, end, coder FROM codings').raw().iterate() as Iterable<[number, number, number, number, number, string]>) {
    existing.set(`${c[1]}:${c[2]}:${c[3]}:${c[4]}:${c[5]}`, c[0]);
  }
  const byGuid = lead.prepare('SELECT id FROM codings WHERE guid = ?').pluck();
  const insert = lead.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at, guid) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const frameOf = new Map(lead.prepare('SELECT id, frame_id FROM codes').raw().all() as Array<[number, number]>);
  // The lead's rules decide what is codable: a tikanga session closed to the frame, an unreleased part, a restricted passage.
  const checks = new Map<number, ReturnType<typeof codableCheck>>();
  const needsRange = new Set(lead.prepare("SELECT id FROM sources WHERE mode = 'tikanga' UNION SELECT source_id FROM sensitivity_labels WHERE label = 'restricted'").pluck().all() as number[]);
  // In index order (code, source, start): inserting in that order touches each index page once, not at random.
  const rows = copy.prepare('SELECT id, code_id, source_id, start, end, coder, created_at, guid FROM codings ORDER BY code_id, source_id, start').raw().all() as Array<[number, number, number, number, number, string, string, string]>;
  for (const [id, codeId, sourceId, start, end, coder, createdAt, guid] of rows) {
    const code = maps.codes.get(codeId);
    const source = maps.sources.get(sourceId);
    if (code === undefined || source === undefined) {
      r.codings.notOnMergedSource++;
      continue;
    }
    const k = `${code}:${source}:${start}:${end}:${coder}`;
    const same = existing.get(k) ?? (byGuid.get(guid) as number | undefined);
    if (same !== undefined) {
      maps.codings.set(id, same);
      r.codings.alreadyPresent++;
      continue;
    }
    if (team.length && !team.includes(coder)) {
      r.codings.notInTeamList[coder] = (r.codings.notInTeamList[coder] ?? 0) + 1;
      continue;
    }
    const frame = frameOf.get(code)!;
    let why = checks.get(frame);
    if (!why) checks.set(frame, (why = codableCheck(lead, frame)));
    // Only tikanga sessions and sources with restricted passages need a check per range.
    if (why(source, needsRange.has(source) ? { start, end } : null)) {
      r.codings.notCodable++;
      continue;
    }
    const newId = Number(insert.run(code, source, start, end, coder, createdAt, guid).lastInsertRowid);
    extra.redo.push({ table: 'codings', op: 'insert', old: null, new: { id: newId, code_id: code, source_id: source, start, end, coder, created_at: createdAt, guid } });
    extra.undo.push({ table: 'codings', op: 'delete', old: { id: newId }, new: null });
    existing.set(k, newId);
    maps.codings.set(id, newId);
    r.codings.added++;
    r.codings.byCoder[coder] = (r.codings.byCoder[coder] ?? 0) + 1;
  }
}

function mergeMemos(lead: ProjectDb, copy: Database.Database, maps: Maps, r: MergeFileReport, since: string | null, copyCoder: string | null): void {
  const byGuid = lead.prepare('SELECT id, title, body, author, updated_at FROM memos WHERE guid = ?');
  const sameContent = lead.prepare('SELECT 1 FROM memos WHERE target_kind = ? AND target_id IS ? AND body = ? AND title = ?').pluck();
  const insert = lead.prepare('INSERT INTO memos (target_kind, target_id, title, body, body_text, author, created_at, updated_at, guid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const target = (kind: string, id: number | null): number | null | undefined => {
    if (kind === 'project') return null;
    if (id === null) return undefined;
    const map = { source: maps.sources, code: maps.codes, coding: maps.codings, participant: maps.participants }[kind];
    return map?.get(id);
  };
  for (const m of copy.prepare('SELECT * FROM memos ORDER BY id').all() as Array<Record<string, string | number | null>>) {
    const t = target(String(m.target_kind), m.target_id as number | null);
    if (t === undefined) continue; // its target was not merged (reported with that target)
    const lm = byGuid.get(m.guid) as { id: number; title: string; body: string; author: string; updated_at: string } | undefined;
    if (!lm) {
      if (sameContent.get(m.target_kind, t, m.body, m.title)) r.memos.alreadyPresent++;
      else {
        insert.run(m.target_kind, t, m.title, m.body, m.body_text, m.author, m.created_at, m.updated_at, m.guid);
        r.memos.added++;
      }
      continue;
    }
    if (lm.body === m.body && lm.title === m.title) {
      r.memos.alreadyPresent++;
      continue;
    }
    const editedInCopy = since === null || String(m.updated_at) > since;
    const editedInLead = since === null || lm.updated_at > since;
    if (!editedInCopy) continue; // only the project changed it: the project's version stands
    if (!editedInLead) {
      lead.prepare('UPDATE memos SET title = ?, body = ?, body_text = ?, updated_at = ? WHERE id = ?').run(m.title, m.body, m.body_text, m.updated_at, lm.id);
      r.memos.updated++;
      continue;
    }
    const guid = derivedGuid(`${String(m.guid)}\u0000${String(m.title)}\u0000${String(m.body)}`);
    if (lead.prepare('SELECT 1 FROM memos WHERE guid = ?').get(guid) || sameContent.get(m.target_kind, t, m.body, m.title)) {
      r.memos.alreadyPresent++;
      continue;
    }
    const author = copyCoder ?? String(m.author);
    insert.run(m.target_kind, t, m.title, m.body, m.body_text, author, m.created_at, m.updated_at, guid);
    r.memos.conflicts.push({ title: String(m.title) || '(untitled)', leadAuthor: lm.author, copyAuthor: author });
  }
}

function mergeOne(core: FocalCore, path: string, answers: Record<string, number | 'new'>, extra: ExtraRows): MergeFileReport {
  const p = core.requireProject();
  const copy = openCopy(path, p.db, resolve(p.path));
  try {
    const rec = copyRecord(copy as unknown as ProjectDb);
    const r = emptyReport(path, rec?.coder ?? null);
    const maps: Maps = { frames: new Map(), codes: new Map(), participants: new Map(), sources: new Map(), codings: new Map() };
    mergeParticipants(p.db, copy, maps, r, answers, extra);
    mergeCodes(p.db, copy, maps, r);
    mergeSources(p.db, copy, maps, r, extra);
    p.db.exec('UPDATE temp.capture_flag SET on_ = 0');
    try {
      mergeCodings(p.db, copy, maps, r, teamCoders(p.db), extra);
    } finally {
      p.db.exec('UPDATE temp.capture_flag SET on_ = 1');
    }
    mergeMemos(p.db, copy, maps, r, rec?.madeAt || null, rec?.coder ?? null);
    reportLeadOnly(p.db, copy, r);
    importStatements(p.db, copy, maps, r, core.now(), extra);
    return r;
  } finally {
    copy.close();
  }
}

function describe(files: MergeFileReport[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const who = f.coder ? ` (${f.coder}'s copy)` : '';
    const line = (s: string) => out.push(`${f.file}${who}: ${s}`);
    for (const c of f.codes.added) line(`new code ${c}`);
    for (const c of f.codes.renamed) line(`code ${c.lead} is ${c.copy} in the copy; the project's name is kept`);
    for (const [coder, n] of Object.entries(f.codings.byCoder)) line(`${n} new coding${n === 1 ? '' : 's'} by ${coder}`);
    for (const [coder, n] of Object.entries(f.codings.notInTeamList)) line(`${n} coding${n === 1 ? '' : 's'} by ${coder} not merged: ${coder} is not on the team's coder list (add them, or correct the name in the copy)`);
    if (f.codings.notCodable) line(`${f.codings.notCodable} coding${f.codings.notCodable === 1 ? '' : 's'} not merged: not codable in this project (a tikanga session not opened to the frame, an unreleased part or a restricted passage)`);
    if (f.codings.notOnMergedSource) line(`${f.codings.notOnMergedSource} coding${f.codings.notOnMergedSource === 1 ? '' : 's'} on a source that was not merged`);
    for (const s of f.sources.added) line(`new source ${s}`);
    for (const s of f.sources.textDiffers) line(`source ${s} has other text in the copy under the same identity: not merged (its codings neither)`);
    for (const s of f.participants.added) line(`new participant ${s}`);
    for (const s of f.participants.matchedByName) line(`participant ${s.copy} taken to be ${s.lead} (same name)`);
    for (const s of f.participants.unsure) line(`participant ${s.name}: several in the project have this name (${s.candidates.map((c) => `${c.name} #${c.id}`).join(', ')}); say which, or new`);
    if (f.memos.added) line(`${f.memos.added} new memo${f.memos.added === 1 ? '' : 's'}`);
    if (f.memos.updated) line(`${f.memos.updated} memo${f.memos.updated === 1 ? '' : 's'} updated from the copy`);
    for (const c of f.memos.conflicts) line(`conflict: memo "${c.title}" was edited by ${c.leadAuthor} and in the copy by ${c.copyAuthor}; both versions kept`);
    for (const l of f.leadOnly) line(`${l.area} ${l.change}, not applied (the lead's to decide): ${l.detail}`);
    if (f.kaitiaki.imported) line(`${f.kaitiaki.imported} signed kaitiaki statement${f.kaitiaki.imported === 1 ? '' : 's'} imported (verified)`);
    if (f.kaitiaki.notVerified) line(`${f.kaitiaki.notVerified} kaitiaki statement${f.kaitiaki.notVerified === 1 ? '' : 's'} not imported: the signature does not verify against the group's key here`);
  }
  return out;
}

export function mergeCopies(core: FocalCore, files: string[], opts: { dryRun: boolean; participants: Record<string, number | 'new'> }): MergeReport {
  const p = core.requireProject();
  const skipped = files.filter((f) => extname(f).toLowerCase() === '.qdpx').map((f) => ({ file: basename(f), reason: 'REFI-QDA projects (.qdpx) are not merged by this version: import the .qdpx into a project of its own, or merge a .focal copy.' }));
  const focal = files.filter((f) => extname(f).toLowerCase() !== '.qdpx').map((f) => resolve(f));
  const seen = new Set<string>();
  for (const f of focal) {
    if (seen.has(f)) throw new FocalError('bad-input', `${basename(f)} is listed twice; merge each copy once.`);
    seen.add(f);
  }
  const label = `Merge ${focal.length === 1 ? basename(focal[0]!) : `${focal.length} coder copies`}`;
  const build = (reports: MergeFileReport[], undoLabel: string | null): MergeReport => {
    const sum = (f: (r: MergeFileReport) => number) => reports.reduce((n, r) => n + f(r), 0);
    return {
      dryRun: opts.dryRun,
      files: reports,
      skipped,
      totals: {
        codes: sum((r) => r.codes.added.length),
        codings: sum((r) => r.codings.added),
        memos: sum((r) => r.memos.added + r.memos.updated + r.memos.conflicts.length),
        sources: sum((r) => r.sources.added.length),
        participants: sum((r) => r.participants.added.length),
        conflicts: sum((r) => r.memos.conflicts.length + r.sources.textDiffers.length + r.participants.unsure.length),
        kaitiaki: sum((r) => r.kaitiaki.imported),
      },
      changes: describe(reports),
      undoLabel,
    };
  };
  // A larger page cache while the merge runs (tens of thousands of rows into four indexes), then back.
  const cache = p.db.pragma('cache_size', { simple: true }) as number;
  p.db.pragma('cache_size = -131072');
  try {
    const { value, recorded } = undoableMerge(p.db, label, core.now(), (extra) => {
      const reports = focal.map((f) => mergeOne(core, f, opts.participants, extra));
      if (opts.dryRun) throw new DryRun(build(reports, null));
      p.audit(core.actor, 'team-merge', { files: focal.length, ...build(reports, null).totals }, core.now());
      return reports;
    });
    const report = build(value, recorded ? label : null);
    core.emit('changed', { kinds: ['project', 'codes', 'codings', 'memos', 'sources', 'participants', 'history'] });
    return report;
  } catch (e) {
    if (e instanceof DryRun) return e.report;
    throw e;
  } finally {
    p.db.pragma(`cache_size = ${cache}`);
  }
}
