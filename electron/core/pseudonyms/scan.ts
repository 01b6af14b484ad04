/**
 * Project-wide scan (every source, one source, or a range), a range's candidates for the review UI,
 * a range's pseudonymised preview (for display inside the app only), and accept-all.
 */
import { categoryForKind, type Candidate, type PseudoPreview, type PseudoRangeResult, type ScanGroup, type ScanResult } from '../../../shared/domain/pseudonyms';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { commit } from '../participants/commit';
import { createHash } from 'node:crypto';
import { buildPseudoContext, readPseudoData, type PseudoContext } from './context';
import { decisionKey, detectIdentifiersInSource } from './detect';
import { pseudonymiseInSource } from './replace';

const CONTEXT_CHARS = 50;
const MAX_EXAMPLES = 3;

interface SourceText {
  id: number;
  title: string;
  text: string;
  hash: string;
}

/**
 * Detection results per source range, kept while the register, rules and decisions stay the same
 * (the left pane's count and the review list scan the same project one after the other). Source
 * text never changes after import, and the key holds its content hash.
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
}

function sourceText(db: ProjectDb, sourceId: number): SourceText {
  const s = db.prepare('SELECT id, title, text, content_hash AS hash FROM sources WHERE id = ?').get(sourceId) as SourceText | undefined;
  if (!s) throw new FocalError('not-found', `Transcript ${sourceId} does not exist (it may have been removed); reload the list of sources.`);
  return s;
}

function checkRange(s: SourceText, start: number, end: number): void {
  if (start < 0 || end > s.text.length || end < start) {
    throw new FocalError('bad-input', `The range ${start}–${end} is outside '${s.title}' (0–${s.text.length}); reselect the text.`);
  }
}

/** Candidates of a range; offsets are given relative to the whole source. */
function detectIn(c: { ctx: PseudoContext; ranges: Map<string, Candidate[]> }, s: SourceText, start: number, end: number): Candidate[] {
  const key = `${s.id}:${s.hash}:${start}:${end}`;
  let found = c.ranges.get(key);
  if (!found) {
    found = detectIdentifiersInSource(c.ctx, s.text, start, end).map((x) => ({ ...x, start: x.start + start, end: x.end + start }));
    if (c.ranges.size > 500) c.ranges.clear();
    c.ranges.set(key, found);
  }
  return found;
}

export function scan(db: ProjectDb, input: ScanInput = {}): ScanResult {
  const cx = contextFor(db);
  const sources: SourceText[] =
    input.sourceId !== undefined
      ? [sourceText(db, input.sourceId)]
      : (db.prepare('SELECT id, title, text, content_hash AS hash FROM sources ORDER BY id').all() as SourceText[]);
  const groups = new Map<string, ScanGroup>();
  const blockAt = db.prepare('SELECT start, end FROM blocks WHERE source_id = ? AND start <= ? AND end >= ? ORDER BY seq LIMIT 1');
  for (const s of sources) {
    const start = input.sourceId !== undefined ? (input.start ?? 0) : 0;
    const end = input.sourceId !== undefined ? (input.end ?? s.text.length) : s.text.length;
    checkRange(s, start, end);
    for (const c of detectIn(cx, s, start, end)) {
      if (input.status && c.status !== input.status) continue;
      const key = decisionKey(c.text);
      let g = groups.get(key);
      if (!g) {
        g = { folded: key, text: c.text, spellings: [], kind: c.kind, suggestion: c.suggestion, status: c.status, count: 0, examples: [] };
        if (c.ruleId !== undefined) g.ruleId = c.ruleId;
        if (c.participantId !== undefined) g.participantId = c.participantId;
        if (c.note) g.note = c.note;
        groups.set(key, g);
      }
      g.count++;
      if (!g.spellings.includes(c.text)) g.spellings.push(c.text);
      if (g.examples.length < MAX_EXAMPLES) {
        const block = (blockAt.get(s.id, c.start, c.end) as { start: number; end: number } | undefined) ?? { start: c.start, end: c.end };
        g.examples.push({
          blockStart: block.start,
          blockEnd: block.end,
          sourceId: s.id,
          sourceTitle: s.title,
          start: c.start,
          end: c.end,
          before: wordsBefore(s.text, block.start, c.start),
          match: c.text,
          after: wordsAfter(s.text, c.end, block.end),
        });
      }
    }
  }
  const list = [...groups.values()];
  const order = { pending: 0, rule: 1, 'not-identifying': 2 } as const;
  list.sort((a, b) => order[a.status] - order[b.status] || b.count - a.count || a.text.localeCompare(b.text));
  const counts = { rule: 0, notIdentifying: 0, pending: 0 };
  for (const g of list) {
    if (g.status === 'rule') counts.rule += g.count;
    else if (g.status === 'pending') counts.pending += g.count;
    else counts.notIdentifying += g.count;
  }
  return { groups: list, counts, sources: sources.length };
}

export function detectRange(db: ProjectDb, sourceId: number, start: number, end: number): PseudoRangeResult {
  const s = sourceText(db, sourceId);
  checkRange(s, start, end);
  return { sourceId, start, end, text: s.text.slice(start, end), candidates: detectIdentifiersInSource(contextFor(db).ctx, s.text, start, end) };
}

export function previewRange(db: ProjectDb, sourceId: number, start: number, end: number): PseudoPreview {
  const s = sourceText(db, sourceId);
  checkRange(s, start, end);
  const r = pseudonymiseInSource(contextFor(db).ctx, s.text, start, end);
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

/** Up to CONTEXT_CHARS of the turn before a candidate: whole words only, "…" where the turn goes on. */
function wordsBefore(text: string, turnStart: number, at: number): string {
  const from = Math.max(turnStart, at - CONTEXT_CHARS);
  let out = text.slice(from, at).replace(/\s+/g, ' ');
  const cut = from > turnStart;
  if (cut && /\S/.test(text[from - 1] ?? '')) out = out.slice(out.indexOf(' ') + 1);
  return cut ? `…${out}` : out;
}

/** Up to CONTEXT_CHARS of the turn after a candidate: whole words only, "…" where the turn goes on. */
function wordsAfter(text: string, at: number, turnEnd: number): string {
  const to = Math.min(turnEnd, at + CONTEXT_CHARS);
  let out = text.slice(at, to).replace(/\s+/g, ' ');
  const cut = to < turnEnd;
  if (cut && /\S/.test(text[to] ?? '')) out = out.slice(0, Math.max(0, out.lastIndexOf(' ')));
  return cut ? `${out}…` : out;
}
