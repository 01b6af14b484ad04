/**
 * Remote kaitiaki. The analyst writes a review pack: the quotes of a group's kōrero awaiting the
 * kaitiaki's decision, each as its exact text with a little context and the content it will be
 * decided on, and nothing else from the project (no register, no other sources, no codes). The
 * kaitiaki signs decisions on their own machine (signPack, no project needed) and the analyst
 * imports the decisions file: each statement is stored as signed and verified like any other,
 * and only a decision that still names the quote's exact text is taken.
 */
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { GateData } from '../gate/gate-data';
import { keptPieces } from '../gate/quote-text';
import { quoteGroups } from '../gate/rows';
import type { QuoteCut } from '../../../shared/domain/quotes';
import type { DecisionsFile, ReviewPack } from '../../../shared/domain/kaitiaki';
import { canonicalJson, signBody, type UnlockedKey } from './key-crypto';
import { groupStatements, insertSigned, type StatementBody } from './statements';
import { quoteMatches, quoteSubject, textSha } from './subjects';
import { maskingFor } from '../tikanga/mask-results';

const CONTEXT = 160;

function groupOf(db: ProjectDb, groupId: number): { name: string; kaitiakiId: number | null; kaitiakiName: string | null } {
  const g = db.prepare("SELECT name, kind, kaitiaki_id AS kaitiakiId FROM participants WHERE id = ?").get(groupId) as { name: string; kind: string; kaitiakiId: number | null } | undefined;
  if (!g || g.kind !== 'group') throw new FocalError('not-found', `There is no group with id ${groupId} in this project.`);
  return { name: g.name, kaitiakiId: g.kaitiakiId, kaitiakiName: g.kaitiakiId === null ? null : (db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(g.kaitiakiId) as string) };
}

export function buildReviewPack(core: FocalCore, groupId: number): ReviewPack {
  const db = core.requireProject().db;
  const g = groupOf(db, groupId);
  const current = groupStatements(db, groupId, []).current;
  if (!current || g.kaitiakiName === null) throw new FocalError('bad-input', `'${g.name}' has no kaitiaki key yet; its kaitiaki creates one before decisions can be asked for.`);
  const data = new GateData(db);
  const quotes = db.prepare("SELECT q.id, q.source_id AS sourceId, q.start, q.end, q.cuts FROM quotes q JOIN sources s ON s.id = q.source_id WHERE s.mode = 'tikanga' ORDER BY q.source_id, q.start, q.id").all() as Array<{ id: number; sourceId: number; start: number; end: number; cuts: string }>;
  const items: ReviewPack['quotes'] = [];
  const masking = maskingFor(core, undefined);
  for (const q of quotes) {
    const src = data.source(q.sourceId);
    if (!quoteGroups({ data, src }).includes(groupId)) continue;
    const cuts = JSON.parse(q.cuts) as QuoteCut[];
    const decided = data.approvals.some((a) => a.groupId === groupId && a.revokedAt === null && a.scope === 'quote' && a.quoteId === q.id && quoteMatches(a.quote ?? undefined, { ...q, cuts }, src.sha256, src.text));
    if (decided) continue;
    // Whoever makes the pack sees it: restricted (tapu) words never go into it for someone who may
    // not read them. A quote touching a restricted passage is never exported (row 10), so it is left
    // out; the context around the others is masked character for character.
    const m = masking(q.sourceId);
    if (m && m.ranges.some((r) => q.start < r.end && r.start < q.end)) continue;
    const shown = m ? m.masked() : src.text;
    const pieces = keptPieces({ start: q.start, end: q.end, cuts }).map((p) => src.text.slice(p.start, p.end));
    items.push({ quoteId: q.id, text: pieces.join(' […] '), pieces, before: shown.slice(Math.max(0, q.start - CONTEXT), q.start), after: shown.slice(q.end, q.end + CONTEXT), subject: quoteSubject(db, q.id, src.text) });
  }
  core.requireProject().audit(core.actor, 'kaitiaki-review-pack', { groupId, quotes: items.length }, core.now());
  return { format: 'focal-review-pack', version: 1, groupId, groupName: g.name, kaitiakiName: g.kaitiakiName, fingerprint: current.fingerprint, createdAt: core.now(), quotes: items };
}

export function parseReviewPack(text: string, label: string): ReviewPack {
  let p: ReviewPack;
  try {
    p = JSON.parse(text) as ReviewPack;
  } catch {
    throw new FocalError('bad-input', `${label} is not a review pack (not JSON).`);
  }
  if (p?.format !== 'focal-review-pack' || p.version !== 1 || !Array.isArray(p.quotes)) throw new FocalError('bad-input', `${label} is not a review pack this version of Focal reads.`);
  return p;
}

/** On the kaitiaki's machine: sign approvals and refusals of quotes in a pack. */
export function signPack(pack: ReviewPack, key: UnlockedKey, decisions: { approve: number[]; refuse: number[]; conditions?: Record<number, string> }, now: string, output = ''): DecisionsFile {
  if (key.fingerprint !== pack.fingerprint) throw new FocalError('forbidden', `This key (${key.fingerprint}) is not the kaitiaki key the pack was made for (${pack.fingerprint}).`);
  const both = decisions.approve.filter((id) => decisions.refuse.includes(id));
  if (both.length) throw new FocalError('bad-input', `Quote ${both[0]} is both approved and refused; decide each quote once.`);
  const statements: DecisionsFile['statements'] = [];
  for (const [decision, ids] of [['approved', decisions.approve], ['refused', decisions.refuse]] as const) {
    for (const id of ids) {
      const item = pack.quotes.find((q) => q.quoteId === id);
      if (!item) throw new FocalError('not-found', `Quote ${id} is not in this review pack.`);
      const body: StatementBody = { v: 1, kind: 'approval', group: pack.groupId, key: key.fingerprint, at: now, by: pack.kaitiakiName, subject: { scope: 'quote', quote: item.subject, decision, output, conditions: (decisions.conditions?.[id] ?? '').normalize('NFC').trim() } };
      const text = canonicalJson(body);
      statements.push({ body: text, signature: signBody(text, key) });
    }
  }
  return { format: 'focal-kaitiaki-decisions', version: 1, groupId: pack.groupId, fingerprint: key.fingerprint, statements };
}

export function parseDecisionsFile(text: string, label: string): DecisionsFile {
  let f: DecisionsFile;
  try {
    f = JSON.parse(text) as DecisionsFile;
  } catch {
    throw new FocalError('bad-input', `${label} is not a decisions file (not JSON).`);
  }
  if (f?.format !== 'focal-kaitiaki-decisions' || f.version !== 1 || !Array.isArray(f.statements)) throw new FocalError('bad-input', `${label} is not a kaitiaki decisions file this version of Focal reads.`);
  return f;
}

export interface ImportResult {
  imported: number;
  skipped: Array<{ quoteId: number | null; why: string }>;
}

/** Verify and import a decisions file: each statement must verify against the group's current key and name its quote's exact text. */
export function importDecisions(core: FocalCore, file: DecisionsFile): ImportResult {
  const project = core.requireProject();
  const db = project.db;
  const g = groupOf(db, file.groupId);
  const result: ImportResult = { imported: 0, skipped: [] };
  for (const st of file.statements) {
    let body: StatementBody;
    try {
      body = JSON.parse(st.body) as StatementBody;
    } catch {
      result.skipped.push({ quoteId: null, why: 'not a readable statement' });
      continue;
    }
    const q = (body.subject?.quote ?? null) as { id?: number } | null;
    const quoteId = typeof q?.id === 'number' ? q.id : null;
    const skip = (why: string) => result.skipped.push({ quoteId, why });
    if (body.kind !== 'approval' || body.subject?.scope !== 'quote' || quoteId === null) {
      skip('only decisions on quotes come in a decisions file');
      continue;
    }
    if (body.group !== file.groupId) {
      skip(`it is about another group than '${g.name}'`);
      continue;
    }
    const row = db.prepare('SELECT q.source_id AS sourceId, q.start, q.end, q.cuts, s.text FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ?').get(quoteId) as { sourceId: number; start: number; end: number; cuts: string; text: string } | undefined;
    if (!row) {
      skip('the quote is no longer in the quote bank');
      continue;
    }
    if (!quoteMatches(body.subject.quote as never, { id: quoteId, start: row.start, end: row.end, cuts: JSON.parse(row.cuts) as QuoteCut[] }, textSha(row.text), row.text)) {
      skip('the quote no longer holds the text the kaitiaki decided on');
      continue;
    }
    const ok = db.transaction(() => {
      let stored: { id: number; hash: string };
      try {
        stored = insertSigned(db, file.groupId, st.body, st.signature, undefined, core.now());
      } catch (e) {
        return e instanceof FocalError ? e.message : String(e);
      }
      const verified = groupStatements(db, file.groupId, ['approval']).valid.some((s) => s.hash === stored.hash);
      if (!verified) throw new FocalError('forbidden', 'its signature does not verify against the group’s current kaitiaki key');
      const id = Number(
        db
          .prepare("INSERT INTO approvals (group_id, kaitiaki_id, scope, quote_id, decision, output, conditions, decided_at) VALUES (?, ?, 'quote', ?, ?, ?, ?, ?)")
          .run(file.groupId, g.kaitiakiId, quoteId, body.subject.decision === 'approved' ? 'approved' : 'refused', String(body.subject.output ?? ''), typeof body.subject.conditions === 'string' ? body.subject.conditions : '', body.at).lastInsertRowid,
      );
      db.prepare("UPDATE kaitiaki_statements SET record_table = 'approvals', record_id = ? WHERE id = ?").run(id, stored.id);
      project.audit(core.actor, body.subject.decision === 'approved' ? 'kaitiaki-approved' : 'kaitiaki-refused', { approvalId: id, scope: 'quote', quoteId, kaitiaki: body.by, groupId: file.groupId, via: 'decisions file' }, core.now());
      return null;
    });
    try {
      const why = ok();
      if (why) skip(why);
      else result.imported++;
    } catch (e) {
      skip(e instanceof FocalError ? e.message : String(e));
    }
  }
  if (result.imported) core.emit('changed', { kinds: ['consent', 'quotes'] });
  return result;
}
