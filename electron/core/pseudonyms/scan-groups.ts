/**
 * The scan's running tally, fed one transcript at a time (scan.ts streams over the sources): each
 * candidate is folded into its group (count, spellings, where it occurs, its first few examples
 * with their context already cut) and into the facet counts, and the transcript's text is let go
 * before the next is read. Memory stays that of one transcript plus the groups, whatever the
 * project's size.
 */
import type { Candidate, CandidateKind, ScanFacets, ScanGroup, ScanResult } from '../../../shared/domain/pseudonyms';
import type { ProjectDb } from '../db/open-project';
import { maskText, restrictedRanges } from '../tikanga/sensitivity';
import { decisionKey } from './detect';

const CONTEXT_CHARS = 50;
const MAX_EXAMPLES = 3;

export interface SourceText {
  id: number;
  title: string;
  text: string;
  hash: string;
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

export interface GroupFilters {
  sourceId?: number | undefined;
  status?: Candidate['status'] | undefined;
  kinds?: CandidateKind[] | undefined;
  query?: string | undefined;
  facets?: boolean | undefined;
}

interface Building {
  group: Omit<ScanGroup, 'examples' | 'occursIn' | 'first'>;
  examples: ScanGroup['examples'];
  first: ScanGroup['first'] | null;
  /** The first occurrence's transcript in scan order and its offset (for `position` order). */
  at: number;
  atStart: number;
  occursIn: Map<number, { sourceId: number; sourceTitle: string; count: number }>;
}

interface BlockAt {
  start: number;
  end: number;
  /** 1-based place of the block in the transcript's reading order, of `turns`; 0 when none holds the range. */
  turn: number;
  turns: number;
  startMs: number | null;
}

/** A copy of a short string that does not keep the transcript it was cut from alive (V8 slices share their parent). */
const own = (s: string) => (s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8'));
const statusField = (s: Candidate['status']) => (s === 'not-identifying' ? 'notIdentifying' : s);

export class ScanGroups {
  private readonly groups = new Map<string, Building>();
  private readonly kinds: Set<CandidateKind> | null;
  private readonly query: string;
  private readonly facetStatus = new Map<Candidate['status'], Set<string>>();
  private readonly facetKinds = new Map<CandidateKind, Set<string>>();
  private readonly facetSources: Array<{ sourceId: number; sourceTitle: string; keys: Set<string> }> = [];
  private readonly readBlocks;
  private sources = 0;

  constructor(
    private readonly db: ProjectDb,
    private readonly f: GroupFilters,
    private readonly view?: ScanView,
  ) {
    this.kinds = f.kinds?.length ? new Set(f.kinds) : null;
    this.query = decisionKey(f.query ?? '');
    this.readBlocks = db.prepare('SELECT start, end, start_ms AS startMs FROM blocks WHERE source_id = ? ORDER BY start, seq');
  }

  /** Fold one transcript's candidates (offsets relative to the whole source) into the tally. */
  add(s: SourceText, found: Candidate[], at: number): void {
    this.sources++;
    const m = this.view?.masking(s.id) ?? null;
    const shownText = m ? m.masked : s.text;
    const blocks = this.blocksOf(s.id);
    const queryText = this.query ? (m ? m.masked : maskText(s.text, restrictedRanges(this.db, s.id, s.text.length))) : '';
    const mine = this.f.sourceId === undefined || s.id === this.f.sourceId;
    const facetSource = this.f.facets ? { sourceId: s.id, sourceTitle: s.title, keys: new Set<string>() } : null;
    if (facetSource) this.facetSources.push(facetSource);
    for (const raw of found) {
      let c = raw;
      let key = decisionKey(c.text);
      if (m && m.ranges.some((r) => c.start < r.end && c.end > r.start)) {
        // Detected on the stored text; shown from the masked copy. An identifier inside a restricted
        // passage keeps its kind, status and place, never its words (one group per kind and status).
        c = { start: c.start, end: c.end, kind: c.kind, status: c.status, text: m.masked.slice(c.start, c.end), suggestion: this.view!.hiddenText, note: this.view!.hiddenNote };
        key = `${this.view!.hiddenPrefix}${c.kind}:${c.status}`;
      }
      const block = blockAt(blocks, c.start, c.end);
      if (this.query) {
        const context = wordsBefore(queryText, block.start, c.start) + queryText.slice(c.start, c.end) + wordsAfter(queryText, c.end, block.end);
        if (!decisionKey(context).includes(this.query)) continue;
      }
      const inStatus = !this.f.status || c.status === this.f.status;
      const inKinds = !this.kinds || this.kinds.has(c.kind);
      if (this.f.facets) {
        if (mine && inKinds) addKey(this.facetStatus, c.status, key);
        if (mine && inStatus) addKey(this.facetKinds, c.kind, key);
        if (inStatus && inKinds) facetSource!.keys.add(key);
      }
      if (!mine || !inStatus || !inKinds) continue;
      this.fold(s, shownText, c, key, block, at);
    }
  }

  private fold(s: SourceText, text: string, c: Candidate, key: string, block: BlockAt, at: number): void {
    const hidden = this.view !== undefined && key.startsWith(this.view.hiddenPrefix);
    let b = this.groups.get(key);
    if (!b) {
      const group: Building['group'] = { folded: own(key), text: hidden ? this.view!.hiddenText : own(c.text), spellings: [], kind: c.kind, suggestion: own(c.suggestion), status: c.status, count: 0 };
      if (c.ruleId !== undefined) group.ruleId = c.ruleId;
      if (c.participantId !== undefined) group.participantId = c.participantId;
      if (c.note) group.note = c.note;
      b = { group, examples: [], first: null, at, atStart: c.start, occursIn: new Map() };
      this.groups.set(key, b);
    }
    b.group.count++;
    const spelling = hidden ? this.view!.hiddenText : c.text;
    if (!b.group.spellings.includes(spelling)) b.group.spellings.push(own(spelling));
    if (b.examples.length < MAX_EXAMPLES) {
      b.first ??= { sourceId: s.id, start: c.start, end: c.end, blockStart: block.start, blockEnd: block.end, turn: block.turn, turns: block.turns, startMs: block.startMs };
      b.examples.push({
        blockStart: block.start,
        blockEnd: block.end,
        sourceId: s.id,
        sourceTitle: s.title,
        start: c.start,
        end: c.end,
        before: own(wordsBefore(text, block.start, c.start)),
        match: own(c.text),
        after: own(wordsAfter(text, c.end, block.end)),
      });
    }
    const where = b.occursIn.get(s.id) ?? { sourceId: s.id, sourceTitle: s.title, count: 0 };
    where.count++;
    b.occursIn.set(s.id, where);
  }

  private blocksOf(sourceId: number): Array<{ start: number; end: number; startMs: number | null }> {
    return this.readBlocks.all(sourceId) as Array<{ start: number; end: number; startMs: number | null }>;
  }

  /** The page asked for, sorted, with the counts (and facets) over every matching group. */
  result(order: 'count' | 'position' | undefined, offset: number, limit: number | undefined, sourcesScanned: number): ScanResult {
    const list = [...this.groups.values()];
    if (order === 'position') {
      list.sort((x, y) => x.at - y.at || x.atStart - y.atStart);
    } else {
      const rank = { pending: 0, rule: 1, 'not-identifying': 2 } as const;
      list.sort((x, y) => rank[x.group.status] - rank[y.group.status] || y.group.count - x.group.count || x.group.text.localeCompare(y.group.text));
    }
    const counts = { rule: 0, notIdentifying: 0, pending: 0 };
    for (const { group: g } of list) counts[statusField(g.status)] += g.count;
    const page = list.slice(offset, limit === undefined ? undefined : offset + limit);
    const result: ScanResult = {
      groups: page.map((b) => ({ ...b.group, examples: b.examples, occursIn: [...b.occursIn.values()], first: b.first! })),
      counts,
      sources: sourcesScanned,
      total: list.length,
      offset,
    };
    if (this.f.facets) {
      const facets: ScanFacets = { status: { pending: 0, rule: 0, notIdentifying: 0 }, kinds: {}, sources: [] };
      for (const [status, keys] of this.facetStatus) facets.status[statusField(status)] = keys.size;
      for (const [kind, keys] of this.facetKinds) facets.kinds[kind] = keys.size;
      facets.sources = this.facetSources.map((x) => ({ sourceId: x.sourceId, sourceTitle: x.sourceTitle, count: x.keys.size }));
      result.facets = facets;
    }
    return result;
  }
}

function addKey<V>(m: Map<V, Set<string>>, v: V, key: string): void {
  let keys = m.get(v);
  if (!keys) m.set(v, (keys = new Set()));
  keys.add(key);
}

/** The turn (block) holding a range, found by binary search in the transcript's blocks. */
function blockAt(list: Array<{ start: number; end: number; startMs: number | null }>, start: number, end: number): BlockAt {
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
