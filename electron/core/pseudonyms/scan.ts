/**
 * Project-wide scan (every source, one source, or a range), a range's candidates for the review UI,
 * a range's pseudonymised preview (for display inside the app only), and accept-all.
 */
import {
  categoryForKind,
  type Candidate,
  type CandidateKind,
  type PseudoPreview,
  type PseudoRangeResult,
  type ScanGroup,
  type ScanOrder,
  type ScanResult,
} from '../../../shared/domain/pseudonyms';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { commit } from '../participants/commit';
import type { Job } from '../jobs/jobs';
import { createHash } from 'node:crypto';
import { buildPseudoContext, readPseudoData, type PseudoContext } from './context';
import { detectIdentifiersInSource } from './detect';
import { ScanGroups, type ScanView, type SourceText } from './scan-groups';
export type { ScanView } from './scan-groups';
import { pseudonymiseInSource } from './replace';

const SOURCE_COLUMNS = 'id, title, text, content_hash AS hash';

/**
 * Detection results per source range, kept while the register, rules and decisions stay the same
 * (the left pane's count and the review list scan the same project one after the other). Source
 * text never changes after import, and the key holds its content hash. Only candidates are kept
 * (a few bytes each, their texts copied out of the transcript), never a transcript's text.
 */
const cache = new WeakMap<ProjectDb, { signature: string; ctx: PseudoContext; ranges: Map<string, Candidate[]> }>();

function contextFor(db: ProjectDb): { ctx: PseudoContext; ranges: Map<string, Candidate[]> } {
  const data = readPseudoData(db);
  const signature = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  let entry = cache.get(db);
  if (!entry || entry.signature !== signature) {
    entry = { signature, ctx: buildPseudoContext(data), ranges: new Map() };
    cache.set(db, entry);
  }
  return entry;
}

export interface ScanInput {
  sourceId?: number | undefined;
  start?: number | undefined;
  end?: number | undefined;
  status?: Candidate['status'] | undefined;
  kinds?: CandidateKind[] | undefined;
  /** Folded search of each occurrence's text and the words shown around it (never restricted words). */
  query?: string | undefined;
  order?: ScanOrder | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  /** Also count groups per status, kind and transcript (each with the other filters applied). */
  facets?: boolean | undefined;
}

function sourceText(db: ProjectDb, sourceId: number): SourceText {
  const s = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`).get(sourceId) as SourceText | undefined;
  if (!s) throw new FocalError('not-found', `Transcript ${sourceId} does not exist (it may have been removed); reload the list of sources.`);
  return s;
}

function checkRange(s: SourceText, start: number, end: number): void {
  if (start < 0 || end > s.text.length || end < start) {
    throw new FocalError('bad-input', `The range ${start}–${end} is outside '${s.title}' (0–${s.text.length}); reselect the text.`);
  }
}

const own = (t: string) => (t.length < 13 ? t : Buffer.from(t, 'utf8').toString('utf8'));

/** Candidates of a range; offsets are given relative to the whole source. */
function detectIn(c: { ctx: PseudoContext; ranges: Map<string, Candidate[]> }, s: SourceText, start: number, end: number): Candidate[] {
  const key = `${s.id}:${s.hash}:${start}:${end}`;
  let found = c.ranges.get(key);
  if (!found) {
    found = detectIdentifiersInSource(c.ctx, s.text, start, end, s.id).map((x) => ({ ...x, text: own(x.text), start: x.start + start, end: x.end + start }));
    if (c.ranges.size > 500) c.ranges.clear();
    c.ranges.set(key, found);
  }
  return found;
}

/**
 * The scan, one transcript at a time: each is read, detected, folded into the groups and let go
 * before the next (scan-groups.ts). Yields after each transcript: a job ticks there (progress, a
 * cancel, other calls served); `scan()` just runs on.
 */
function* scanSteps(db: ProjectDb, input: ScanInput, view: ScanView | undefined, out: { result?: ScanResult }): Generator<{ done: number; total: number; title: string }> {
  const cx = contextFor(db);
  const ranged = input.sourceId !== undefined && (input.start !== undefined || input.end !== undefined);
  // Counting per transcript needs every transcript; a range keeps to its own.
  const one = input.sourceId !== undefined && (ranged || !input.facets);
  if (input.sourceId !== undefined && !db.prepare('SELECT 1 FROM sources WHERE id = ?').get(input.sourceId)) sourceText(db, input.sourceId);
  const ids = one ? [input.sourceId!] : (db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[]);
  const groups = new ScanGroups(db, input, view);
  const read = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`);
  for (const [at, id] of ids.entries()) {
    const s = read.get(id) as SourceText | undefined;
    if (!s) continue; // removed while the scan ran
    const mine = s.id === input.sourceId;
    const start = mine ? (input.start ?? 0) : 0;
    const end = mine ? (input.end ?? s.text.length) : s.text.length;
    checkRange(s, start, end);
    groups.add(s, detectIn(cx, s, start, end), at);
    yield { done: at + 1, total: ids.length, title: s.title };
  }
  out.result = groups.result(input.order, input.offset ?? 0, input.limit, input.sourceId !== undefined ? 1 : ids.length);
}

export function scan(db: ProjectDb, input: ScanInput = {}, view?: ScanView): ScanResult {
  const out: { result?: ScanResult } = {};
  for (const _ of scanSteps(db, input, view, out));
  return out.result!;
}

/** The scan as a job: progress per transcript, stoppable between transcripts (it writes nothing). */
export async function scanJob(db: ProjectDb, job: Job, input: ScanInput = {}, view?: ScanView): Promise<ScanResult> {
  const out: { result?: ScanResult } = {};
  for (const step of scanSteps(db, input, view, out)) {
    job.progress(step.done, step.total, `Scanning “${step.title}” for identifiers`);
    await job.tick();
  }
  return out.result!;
}

export function detectRange(db: ProjectDb, sourceId: number, start: number, end: number): PseudoRangeResult {
  const s = sourceText(db, sourceId);
  checkRange(s, start, end);
  return { sourceId, start, end, text: s.text.slice(start, end), candidates: detectIdentifiersInSource(contextFor(db).ctx, s.text, start, end, s.id) };
}

export function previewRange(db: ProjectDb, sourceId: number, start: number, end: number): PseudoPreview {
  const s = sourceText(db, sourceId);
  checkRange(s, start, end);
  const r = pseudonymiseInSource(contextFor(db).ctx, s.text, start, end, s.id);
  return { sourceId, start, end, text: r.text, unresolved: r.unresolved, replaced: r.replacements.length };
}

/** Every pending candidate (grouped by folded text) becomes a rule with its suggested replacement. */
export function acceptAll(core: FocalCore, input: ScanInput = {}, pendingGroups?: ScanGroup[]): { created: number; candidates: number } {
  const db = core.requireProject().db;
  // pendingGroups: the pending groups as the acting viewer sees them (tikanga/mask-scan.ts), when some are hidden from them.
  const pending = pendingGroups ?? scan(db, { ...input, status: 'pending' }).groups;
  if (!pending.length) return { created: 0, candidates: 0 };
  let candidates = 0;
  const created = commit(core, ['pseudonyms'], (w) => {
    const insert = w.db.prepare(
      'INSERT INTO pseudonym_rules (term, variants, replacement, category, participant_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const clearDecision = w.db.prepare('DELETE FROM pseudonym_decisions WHERE folded = ?');
    for (const g of pending) {
      insert.run(g.text, JSON.stringify(g.spellings.filter((s) => s !== g.text)), g.suggestion, categoryForKind(g.kind), g.participantId ?? null, core.actor, w.now);
      clearDecision.run(g.folded);
      candidates += g.count;
    }
    w.audit('pseudonym-rules-accepted-all', { rules: pending.length, candidates });
    return pending.length;
  });
  return { created, candidates };
}
