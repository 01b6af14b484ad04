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
  type ScanFacets,
  type ScanGroup,
  type ScanOrder,
  type ScanResult,
} from '../../../shared/domain/pseudonyms';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { commit } from '../participants/commit';
import { maskText, restrictedRanges } from '../tikanga/sensitivity';
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
    found = detectIdentifiersInSource(c.ctx, s.text, start, end, s.id).map((x) => ({ ...x, start: x.start + start, end: x.end + start }));
    if (c.ranges.size > 500) c.ranges.clear();
    c.ranges.set(key, found);
  }
  return found;
}

/** One occurrence of a candidate, in scan order (transcripts by id, then reading order). */
interface Occurrence {
  c: Candidate;
  s: SourceText;
  key: string;
  /** The transcript's place in scan order. */
  at: number;
}

interface Building {
  group: Omit<ScanGroup, 'examples' | 'occursIn' | 'first'>;
  /** The first few occurrences (the first one is `first`), made into examples only for the page sent. */
  shown: Occurrence[];
  occursIn: Map<number, { sourceId: number; sourceTitle: string; count: number }>;
}

/**
 * What a viewer may not read (tikanga/mask-scan.ts): for a source with restricted (tapu) passages
 * hidden from them, the ranges and the masked text; and how an identifier inside one is shown.
 */
export interface ScanView {
  masking(sourceId: number): { ranges: Array<{ start: number; end: number }>; masked: string } | null;
  hiddenText: string;
  hiddenNote: string;
  /** The `folded` key prefix of a group standing for hidden identifiers (no words to act on). */
  hiddenPrefix: string;
}

export function scan(db: ProjectDb, input: ScanInput = {}, view?: ScanView): ScanResult {
  const cx = contextFor(db);
  const ranged = input.sourceId !== undefined && (input.start !== undefined || input.end !== undefined);
  // Counting per transcript needs every transcript; a range keeps to its own.
  const sources: SourceText[] =
    input.sourceId !== undefined && (ranged || !input.facets)
      ? [sourceText(db, input.sourceId)]
      : (db.prepare('SELECT id, title, text, content_hash AS hash FROM sources ORDER BY id').all() as SourceText[]);
  if (input.sourceId !== undefined && !sources.some((s) => s.id === input.sourceId)) sourceText(db, input.sourceId);

  const occurrences: Occurrence[] = [];
  sources.forEach((s, at) => {
    const mine = s.id === input.sourceId;
    const start = mine ? (input.start ?? 0) : 0;
    const end = mine ? (input.end ?? s.text.length) : s.text.length;
    checkRange(s, start, end);
    const m = view?.masking(s.id) ?? null;
    if (!m) {
      for (const c of detectIn(cx, s, start, end)) occurrences.push({ c, s, key: decisionKey(c.text), at });
      return;
    }
    // Detected on the stored text; shown from the masked copy. An identifier inside a restricted
    // passage keeps its kind, status and place, never its words (one group per kind and status).
    const shown: SourceText = { ...s, text: m.masked };
    for (const c of detectIn(cx, s, start, end)) {
      if (!m.ranges.some((r) => c.start < r.end && c.end > r.start)) {
        occurrences.push({ c, s: shown, key: decisionKey(c.text), at });
        continue;
      }
      const hidden: Candidate = { start: c.start, end: c.end, kind: c.kind, status: c.status, text: m.masked.slice(c.start, c.end), suggestion: view!.hiddenText, note: view!.hiddenNote };
      occurrences.push({ c: hidden, s: shown, key: `${view!.hiddenPrefix}${c.kind}:${c.status}`, at });
    }
  });

  const blocks = blockFinder(db);
  const query = decisionKey(input.query ?? '');
  const matchesQuery = query ? queryMatcher(db, blocks, query) : () => true;
  const kinds = input.kinds?.length ? new Set(input.kinds) : null;
  const inSource = (o: Occurrence) => input.sourceId === undefined || o.s.id === input.sourceId;
  const inStatus = (o: Occurrence) => !input.status || o.c.status === input.status;
  const inKinds = (o: Occurrence) => !kinds || kinds.has(o.c.kind);

  const groups = new Map<string, Building>();
  for (const o of occurrences) {
    if (!inSource(o) || !inStatus(o) || !inKinds(o) || !matchesQuery(o)) continue;
    const { c, s } = o;
    let b = groups.get(o.key);
    if (!b) {
      const hiddenGroup = view && o.key.startsWith(view.hiddenPrefix);
      const group: Building['group'] = { folded: o.key, text: hiddenGroup ? view.hiddenText : c.text, spellings: [], kind: c.kind, suggestion: c.suggestion, status: c.status, count: 0 };
      if (c.ruleId !== undefined) group.ruleId = c.ruleId;
      if (c.participantId !== undefined) group.participantId = c.participantId;
      if (c.note) group.note = c.note;
      b = { group, shown: [], occursIn: new Map() };
      groups.set(o.key, b);
    }
    b.group.count++;
    const spelling = view && o.key.startsWith(view.hiddenPrefix) ? view.hiddenText : c.text;
    if (!b.group.spellings.includes(spelling)) b.group.spellings.push(spelling);
    if (b.shown.length < MAX_EXAMPLES) b.shown.push(o);
    const where = b.occursIn.get(s.id) ?? { sourceId: s.id, sourceTitle: s.title, count: 0 };
    where.count++;
    b.occursIn.set(s.id, where);
  }

  const list = [...groups.values()];
  if (input.order === 'position') {
    list.sort((x, y) => x.shown[0]!.at - y.shown[0]!.at || x.shown[0]!.c.start - y.shown[0]!.c.start);
  } else {
    const order = { pending: 0, rule: 1, 'not-identifying': 2 } as const;
    list.sort((x, y) => order[x.group.status] - order[y.group.status] || y.group.count - x.group.count || x.group.text.localeCompare(y.group.text));
  }
  const counts = { rule: 0, notIdentifying: 0, pending: 0 };
  for (const { group: g } of list) counts[statusField(g.status)] += g.count;

  const offset = input.offset ?? 0;
  const page = list.slice(offset, input.limit === undefined ? undefined : offset + input.limit);
  const result: ScanResult = {
    groups: page.map((b) => finish(b, blocks)),
    counts,
    sources: input.sourceId !== undefined ? 1 : sources.length,
    total: list.length,
    offset,
  };
  if (input.facets) {
    const passing = occurrences.filter(matchesQuery);
    const facets: ScanFacets = { status: { pending: 0, rule: 0, notIdentifying: 0 }, kinds: {}, sources: [] };
    for (const [status, n] of distinct(passing.filter((o) => inSource(o) && inKinds(o)), (o) => o.c.status)) facets.status[statusField(status)] = n;
    for (const [kind, n] of distinct(passing.filter((o) => inSource(o) && inStatus(o)), (o) => o.c.kind)) facets.kinds[kind] = n;
    const perSource = distinct(passing.filter((o) => inStatus(o) && inKinds(o)), (o) => o.s.id);
    facets.sources = sources.map((s) => ({ sourceId: s.id, sourceTitle: s.title, count: perSource.get(s.id) ?? 0 }));
    result.facets = facets;
  }
  return result;
}

const statusField = (s: Candidate['status']) => (s === 'not-identifying' ? 'notIdentifying' : s);

/** How many distinct groups (folded texts) fall under each value. */
function distinct<V>(list: Occurrence[], value: (o: Occurrence) => V): Map<V, number> {
  const seen = new Map<V, Set<string>>();
  for (const o of list) {
    const v = value(o);
    let keys = seen.get(v);
    if (!keys) seen.set(v, (keys = new Set()));
    keys.add(o.key);
  }
  return new Map([...seen].map(([v, keys]) => [v, keys.size]));
}

interface BlockAt {
  start: number;
  end: number;
  /** 1-based place of the block in the transcript's reading order, of `turns`; 0 when none holds the range. */
  turn: number;
  turns: number;
  startMs: number | null;
}
type BlockFinder = (s: SourceText, start: number, end: number) => BlockAt;

/** The turn (block) holding a range: each transcript's blocks read once, then found by binary search. */
function blockFinder(db: ProjectDb): BlockFinder {
  const read = db.prepare('SELECT start, end, start_ms AS startMs FROM blocks WHERE source_id = ? ORDER BY start, seq');
  const bySource = new Map<number, { start: number; end: number; startMs: number | null }[]>();
  return (s, start, end) => {
    let list = bySource.get(s.id);
    if (!list) bySource.set(s.id, (list = read.all(s.id) as { start: number; end: number; startMs: number | null }[]));
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Blocks never overlap, but an empty one may share a start with the next: look back past it.
    for (let i = found; i >= 0 && i > found - 3; i--) {
      const b = list[i]!;
      if (b.end >= end) return { start: b.start, end: b.end, turn: i + 1, turns: list.length, startMs: b.startMs };
    }
    return { start, end, turn: 0, turns: list.length, startMs: null };
  };
}

/**
 * Whether an occurrence's text or the words shown around it hold the (folded) query. Restricted
 * (tapu) passages are masked first, whoever asks, so a search can never probe what one says.
 */
function queryMatcher(db: ProjectDb, blocks: BlockFinder, query: string): (o: Occurrence) => boolean {
  const masked = new Map<number, string>();
  const textOf = (s: SourceText) => {
    let t = masked.get(s.id);
    if (t === undefined) masked.set(s.id, (t = maskText(s.text, restrictedRanges(db, s.id, s.text.length))));
    return t;
  };
  const memo = new Map<Occurrence, boolean>();
  return (o) => {
    let hit = memo.get(o);
    if (hit === undefined) {
      const text = textOf(o.s);
      const block = blocks(o.s, o.c.start, o.c.end);
      const context = wordsBefore(text, block.start, o.c.start) + text.slice(o.c.start, o.c.end) + wordsAfter(text, o.c.end, block.end);
      hit = decisionKey(context).includes(query);
      memo.set(o, hit);
    }
    return hit;
  };
}

function finish(b: Building, blocks: BlockFinder): ScanGroup {
  let first: ScanGroup['first'] | undefined;
  const examples = b.shown.map(({ c, s }) => {
    const block = blocks(s, c.start, c.end);
    first ??= { sourceId: s.id, start: c.start, end: c.end, blockStart: block.start, blockEnd: block.end, turn: block.turn, turns: block.turns, startMs: block.startMs };
    return {
      blockStart: block.start,
      blockEnd: block.end,
      sourceId: s.id,
      sourceTitle: s.title,
      start: c.start,
      end: c.end,
      before: wordsBefore(s.text, block.start, c.start),
      match: c.text,
      after: wordsAfter(s.text, c.end, block.end),
    };
  });
  return { ...b.group, examples, occursIn: [...b.occursIn.values()], first: first! };
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
