/**
 * Auto-coding: code every turn of a speaker (or of a participant, across the labels mapped to
 * them), or every match of a text search (macrons, double vowels and dashes folded, optionally
 * whole words only), either the match itself or the whole turn it is in. Preview first (what
 * would be coded, with context, per session); applying is one undo step and skips what is already
 * coded. The sessions covered default to the code's frame's own (frames/frame-scope.ts); the person
 * can untick hits, and applying takes the kept (or unticked) hits so what is coded is what was shown.
 *
 * Bounded memory: the search goes one transcript at a time (its text, its turns, its hits), and a
 * hit is kept only as three numbers. Both preview and apply run as jobs (progress per transcript,
 * Stop between transcripts). Applying stays ONE transaction and one undo step: Stop while the
 * transcripts are searched writes nothing; the write itself is one atomic unit (100,000 codings in
 * well under the time a person takes to reach Stop), so a stopped or failed auto-code never leaves
 * half its codings behind.
 */
import type { AutoCodeInput, AutoCodePreview, AutoCodeRange } from '../../../shared/domain/coding';
import { fold, foldWithMap } from '../../../shared/text/fold';
import type { FocalCore } from '../app/focal-core';
import { codableCheck } from '../tikanga/coding-guard';
import { codingScope, hitFilter } from '../frames/frame-scope';
import { requireCode } from '../codes/code-edits';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import type { HiddenRanges } from '../search/code-results';
import type { Job } from '../jobs/jobs';
import type { ScopeSourceHits } from '../../../shared/domain/coding';

const CONTEXT = 60;
const PREVIEW_MAX = 500;

interface BlockRow {
  id: number;
  kind: string;
  start: number;
  end: number;
  label: string | null;
  participantId: number | null;
  participantName: string | null;
}

interface Found {
  sourceId: number;
  start: number;
  end: number;
  block: BlockRow | null;
}

interface SourceRow {
  id: number;
  title: string;
  text: string;
}

const WORD = /[\p{L}\p{N}]/u;

/** The block holding [start, end): blocks are in reading order and do not overlap (binary search). */
function blockAt(blocks: BlockRow[], start: number, end: number): BlockRow | null {
  let lo = 0;
  let hi = blocks.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let hit: BlockRow | null = null;
  // An empty block may share its start with the next: look back past it.
  for (let i = at; i >= 0 && i > at - 3; i--) if (blocks[i]!.start <= start && blocks[i]!.end >= end) hit = blocks[i]!;
  return hit;
}

/** One transcript's hits, as the search finds them (before the coding rules and the person's ticks). */
function hitsIn(s: SourceRow, blocks: BlockRow[], input: AutoCodeInput, off: Array<{ start: number; end: number }>): Found[] {
  const found: Found[] = [];
  if (input.speaker !== undefined || input.participantId !== undefined) {
    const want = input.speaker !== undefined ? fold(input.speaker.trim()) : null;
    for (const b of blocks) {
      if (b.kind !== 'turn' || b.end <= b.start) continue;
      const matches = input.participantId !== undefined ? b.participantId === input.participantId : (b.label !== null && fold(b.label) === want) || (b.participantName !== null && fold(b.participantName) === want);
      if (matches) found.push({ sourceId: s.id, start: b.start, end: b.end, block: b });
    }
    return found;
  }
  const needle = fold(input.pattern ?? '');
  const { folded, map } = foldWithMap(s.text);
  let seenTurn = -1;
  for (let i = folded.indexOf(needle); i !== -1; i = folded.indexOf(needle, i + 1)) {
    const j = i + needle.length;
    if (input.wholeWord && (WORD.test(folded[i - 1] ?? '') || WORD.test(folded[j] ?? ''))) continue;
    const start = map[i] ?? 0;
    const end = map[j] ?? s.text.length;
    if (off.some((x) => start < x.end && x.start < end)) continue;
    const block = blocks.length ? blockAt(blocks, start, end) : null;
    if (blocks.length && !block) continue; // across two turns: not one passage
    if (input.scope === 'turn') {
      if (!block || (block.kind !== 'turn' && block.kind !== 'text') || block.id === seenTurn) continue;
      seenTurn = block.id;
      found.push({ sourceId: s.id, start: block.start, end: block.end, block });
    } else {
      found.push({ sourceId: s.id, start, end, block });
    }
  }
  return found;
}

interface Tally {
  notCodable: number;
  notCodableReason: string | null;
  scope: ReturnType<typeof codingScope>;
}

/**
 * The search, one transcript of the scope at a time: what it finds, less what the coding rules
 * refuse in this frame (counted, with the first reason) and what the person unticked, handed to
 * `take` with the transcript's text and title (let go before the next is read). Yields after each.
 *
 * `hidden`: passages this viewer may not read (restricted): a text match in one is dropped before
 * anything is counted, so a preview answers as for a word that is nowhere (no yes/no oracle).
 */
function* searchSteps(db: ProjectDb, input: AutoCodeInput, frameId: number, hidden: HiddenRanges, tally: Tally, take: (f: Found, s: SourceRow) => void, ticked = true): Generator<{ done: number; total: number; title: string }> {
  if (input.speaker === undefined && input.participantId === undefined && !fold(input.pattern ?? '').trim()) {
    throw new FocalError('bad-input', 'Give a speaker, a participant or a text to search for.');
  }
  const check = codableCheck(db, frameId);
  // The preview shows every hit (the person ticks them there); applying takes the kept ones.
  const kept = ticked ? hitFilter(input) : () => true;
  const readSource = db.prepare('SELECT id, title, text FROM sources WHERE id = ?');
  const readBlocks = db.prepare(
    `SELECT b.id, b.kind, b.start, b.end, sp.label, sp.participant_id AS participantId, p.name AS participantName
     FROM blocks b LEFT JOIN speakers sp ON sp.id = b.speaker_id LEFT JOIN participants p ON p.id = sp.participant_id
     WHERE b.source_id = ? ORDER BY b.start`,
  );
  const ids = tally.scope.sources.map((x) => x.id);
  for (const [at, id] of ids.entries()) {
    const s = readSource.get(id) as SourceRow | undefined;
    if (!s) continue;
    for (const f of hitsIn(s, readBlocks.all(id) as BlockRow[], input, hidden(id))) {
      const why = check(f.sourceId, f);
      if (why) {
        tally.notCodable++;
        tally.notCodableReason ??= why.message;
        continue;
      }
      if (kept(f)) take(f, s);
    }
    yield { done: at + 1, total: ids.length, title: s.title };
  }
}

/** Run steps to the end (sync callers), or as a job: progress per transcript, a cancel point after each. */
async function drive(steps: Generator<{ done: number; total: number; title: string }>, job: Job | undefined, verb: string): Promise<void> {
  for (const step of steps) {
    if (!job) continue;
    job.progress(step.done, step.total, `${verb} “${step.title}”`);
    await job.tick();
  }
}

function runSync(steps: Generator<unknown>): void {
  for (const _ of steps);
}

function preview(db: ProjectDb, input: AutoCodeInput, hidden: HiddenRanges | undefined): { steps: Generator<{ done: number; total: number; title: string }>; result: () => AutoCodePreview } {
  const code = requireCode(db, input.codeId);
  const tally: Tally = { notCodable: 0, notCodableReason: null, scope: codingScope(db, code.frame_id, input) };
  const coded = db.prepare('SELECT 1 FROM codings WHERE code_id = ? AND source_id = ? AND start = ? AND end = ?');
  let count = 0;
  let already = 0;
  const ranges: AutoCodeRange[] = [];
  const per = new Map<number, ScopeSourceHits>();
  const steps = searchSteps(db, input, code.frame_id, hidden ?? (() => []), tally, (f, s) => {
    const isCoded = coded.get(code.id, f.sourceId, f.start, f.end) !== undefined;
    count++;
    if (isCoded) already++;
    const mode = tally.scope.sources.find((x) => x.id === s.id)?.mode ?? 'mainstream';
    const row = per.get(s.id) ?? { sourceId: s.id, sourceTitle: s.title, mode, hits: 0, alreadyCoded: 0 };
    row.hits++;
    if (isCoded) row.alreadyCoded++;
    per.set(s.id, row);
    if (ranges.length >= PREVIEW_MAX) return;
    const lo = f.block ? f.block.start : 0;
    const hi = f.block ? f.block.end : s.text.length;
    ranges.push({
      sourceId: f.sourceId,
      sourceTitle: s.title,
      start: f.start,
      end: f.end,
      speaker: f.block?.participantName ?? f.block?.label ?? null,
      before: s.text.slice(Math.max(lo, f.start - CONTEXT), f.start),
      text: s.text.slice(f.start, f.end),
      after: s.text.slice(f.end, Math.min(hi, f.end + CONTEXT)),
      alreadyCoded: isCoded,
    });
  }, false);
  return {
    steps,
    result: () => ({
      codeName: code.name,
      count,
      alreadyCoded: already,
      notCodable: tally.notCodable,
      notCodableReason: tally.notCodableReason,
      sources: per.size,
      ranges,
      truncated: count > ranges.length,
      scope: tally.scope,
      perSource: tally.scope.sources.map((x) => per.get(x.id)).filter((r): r is ScopeSourceHits => r !== undefined),
    }),
  };
}

export function previewAutoCode(db: ProjectDb, input: AutoCodeInput, hidden?: HiddenRanges): AutoCodePreview {
  const p = preview(db, input, hidden);
  runSync(p.steps);
  return p.result();
}

/** The preview as a job (progress per transcript; Stop any time: it writes nothing). */
export async function previewAutoCodeJob(db: ProjectDb, job: Job, input: AutoCodeInput, hidden?: HiddenRanges): Promise<AutoCodePreview> {
  const p = preview(db, input, hidden);
  await drive(p.steps, job, 'Searching');
  return p.result();
}

/** Apply: search (stoppable, nothing written yet), then one transaction and one undo step. */
export async function applyAutoCodeJob(core: FocalCore, input: AutoCodeInput, hidden: HiddenRanges | undefined, job?: Job): Promise<{ coded: number; skipped: number }> {
  const db = core.requireProject().db;
  const code = requireCode(db, input.codeId);
  const tally: Tally = { notCodable: 0, notCodableReason: null, scope: codingScope(db, code.frame_id, input) };
  // Hits as numbers only (source, start, end): 100,000 of them are a few MB.
  let n = 0;
  let hits = new Int32Array(3 * 1024);
  await drive(
    searchSteps(db, input, code.frame_id, hidden ?? (() => []), tally, (f) => {
      if (3 * n + 3 > hits.length) {
        const grown = new Int32Array(hits.length * 2);
        grown.set(hits);
        hits = grown;
      }
      hits.set([f.sourceId, f.start, f.end], 3 * n++);
    }),
    job,
    'Searching',
  );
  job?.throwIfCancelled();
  job?.progress(0, n, `Coding ${n.toLocaleString('en-NZ')} passages with “${code.name}”`);
  // Codings are kept per coder: another coder's identical coding does not count as this one's.
  const exists = db.prepare('SELECT 1 FROM codings WHERE code_id = ? AND source_id = ? AND start = ? AND end = ? AND coder = ?');
  const insert = db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const what = input.pattern !== undefined ? `matches of “${input.pattern}”` : 'turns';
  let coded = 0;
  undoable(db, `Auto-code ${what} with "${code.name}"`, core.now(), () => {
    const now = core.now();
    for (let i = 0; i < n; i++) {
      const [sourceId, start, end] = [hits[3 * i]!, hits[3 * i + 1]!, hits[3 * i + 2]!];
      if (exists.get(code.id, sourceId, start, end, core.actor)) continue;
      insert.run(code.id, sourceId, start, end, core.actor, now);
      coded++;
    }
  });
  job?.progress(n, n, `Coded ${coded.toLocaleString('en-NZ')} passages`);
  if (coded) core.emit('changed', { kinds: ['codings', 'codes', 'history'] });
  return { coded, skipped: n - coded };
}
