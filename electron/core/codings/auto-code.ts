/**
 * Auto-coding: code every turn of a speaker (or of a participant, across the labels mapped to
 * them), or every match of a text search (macrons, double vowels and dashes folded, optionally
 * whole words only), either the match itself or the whole turn it is in. Preview first (what
 * would be coded, with context, per session); applying is one undo step and skips what is already
 * coded. The sessions covered default to the code's frame's own (frames/frame-scope.ts); the person
 * can untick hits, and applying takes the kept (or unticked) hits so what is coded is what was shown.
 */
import type { AutoCodeInput, AutoCodePreview, AutoCodeRange } from '../../../shared/domain/coding';
import { fold, foldWithMap } from '../../../shared/text/fold';
import type { FocalCore } from '../app/focal-core';
import { codableCheck } from '../tikanga/coding-guard';
import { codingScope, hitsPerSource, keptHits } from '../frames/frame-scope';
import { requireCode } from '../codes/code-edits';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import type { HiddenRanges } from '../search/code-results';

const CONTEXT = 60;
const PREVIEW_MAX = 500;

interface BlockRow {
  id: number;
  sourceId: number;
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

const WORD = /[\p{L}\p{N}]/u;

function blocksOf(db: ProjectDb, sourceIds: number[] | undefined): Map<number, BlockRow[]> {
  const rows = db
    .prepare(
      `SELECT b.id, b.source_id AS sourceId, b.kind, b.start, b.end, sp.label, sp.participant_id AS participantId, p.name AS participantName
       FROM blocks b LEFT JOIN speakers sp ON sp.id = b.speaker_id LEFT JOIN participants p ON p.id = sp.participant_id
       ORDER BY b.source_id, b.start`,
    )
    .all() as BlockRow[];
  const out = new Map<number, BlockRow[]>();
  for (const r of rows) {
    if (sourceIds && !sourceIds.includes(r.sourceId)) continue;
    out.set(r.sourceId, [...(out.get(r.sourceId) ?? []), r]);
  }
  return out;
}

function sources(db: ProjectDb, sourceIds: number[] | undefined): Array<{ id: number; title: string; text: string }> {
  const all = db.prepare('SELECT id, title, text FROM sources ORDER BY id').all() as Array<{ id: number; title: string; text: string }>;
  return sourceIds ? all.filter((s) => sourceIds.includes(s.id)) : all;
}

function blockAt(blocks: BlockRow[], start: number, end: number): BlockRow | null {
  return blocks.find((b) => b.start <= start && b.end >= end) ?? null;
}

/** What the search finds, less what the coding rules refuse in this frame (counted, with the first reason). */
function find(db: ProjectDb, input: AutoCodeInput, frameId: number, hidden: HiddenRanges = () => []): { found: Found[]; titles: Map<number, string>; texts: Map<number, string>; notCodable: number; notCodableReason: string | null; scope: ReturnType<typeof codingScope> } {
  const scope = codingScope(db, frameId, input);
  const all = findAll(db, { ...input, sourceIds: scope.sources.map((x) => x.id) }, hidden);
  const check = codableCheck(db, frameId);
  let notCodable = 0;
  let notCodableReason: string | null = null;
  const found = all.found.filter((f) => {
    const why = check(f.sourceId, f);
    if (!why) return true;
    notCodable++;
    notCodableReason ??= why.message;
    return false;
  });
  return { ...all, found, notCodable, notCodableReason, scope };
}

/**
 * `hidden`: passages this viewer may not read (restricted): a text match in one is dropped before
 * anything is counted, so a preview answers as for a word that is nowhere (no yes/no oracle).
 */
function findAll(db: ProjectDb, input: AutoCodeInput, hidden: HiddenRanges = () => []): { found: Found[]; titles: Map<number, string>; texts: Map<number, string> } {
  const srcs = sources(db, input.sourceIds);
  const titles = new Map(srcs.map((s) => [s.id, s.title]));
  const texts = new Map(srcs.map((s) => [s.id, s.text]));
  const blocks = blocksOf(db, input.sourceIds);
  const found: Found[] = [];
  if (input.speaker !== undefined || input.participantId !== undefined) {
    const want = input.speaker !== undefined ? fold(input.speaker.trim()) : null;
    const matches = (b: BlockRow) =>
      b.kind === 'turn' &&
      (input.participantId !== undefined
        ? b.participantId === input.participantId
        : (b.label !== null && fold(b.label) === want) || (b.participantName !== null && fold(b.participantName) === want));
    for (const s of srcs) for (const b of blocks.get(s.id) ?? []) if (matches(b) && b.end > b.start) found.push({ sourceId: s.id, start: b.start, end: b.end, block: b });
    return { found, titles, texts };
  }
  const needle = fold(input.pattern ?? '');
  if (!needle.trim()) throw new FocalError('bad-input', 'Give a speaker, a participant or a text to search for.');
  for (const s of srcs) {
    const { folded, map } = foldWithMap(s.text);
    const bs = blocks.get(s.id) ?? [];
    const off = hidden(s.id);
    let seenTurn = -1;
    for (let i = folded.indexOf(needle); i !== -1; i = folded.indexOf(needle, i + 1)) {
      const j = i + needle.length;
      if (input.wholeWord && (WORD.test(folded[i - 1] ?? '') || WORD.test(folded[j] ?? ''))) continue;
      const start = map[i] ?? 0;
      const end = map[j] ?? s.text.length;
      if (off.some((x) => start < x.end && x.start < end)) continue;
      const block = bs.length ? blockAt(bs, start, end) : null;
      if (bs.length && !block) continue; // across two turns: not one passage
      if (input.scope === 'turn') {
        if (!block || (block.kind !== 'turn' && block.kind !== 'text') || block.id === seenTurn) continue;
        seenTurn = block.id;
        found.push({ sourceId: s.id, start: block.start, end: block.end, block });
      } else {
        found.push({ sourceId: s.id, start, end, block });
      }
    }
  }
  return { found, titles, texts };
}

export function previewAutoCode(db: ProjectDb, input: AutoCodeInput, hidden?: HiddenRanges): AutoCodePreview {
  const code = requireCode(db, input.codeId);
  const { found, titles, texts, notCodable, notCodableReason, scope } = find(db, input, code.frame_id, hidden);
  const coded = db.prepare('SELECT 1 FROM codings WHERE code_id = ? AND source_id = ? AND start = ? AND end = ?');
  let already = 0;
  const ranges: AutoCodeRange[] = [];
  const marks: Array<{ sourceId: number; exists: boolean }> = [];
  for (const f of found) {
    const isCoded = coded.get(code.id, f.sourceId, f.start, f.end) !== undefined;
    marks.push({ sourceId: f.sourceId, exists: isCoded });
    if (isCoded) already++;
    if (ranges.length >= PREVIEW_MAX) continue;
    const text = texts.get(f.sourceId) ?? '';
    const lo = f.block ? f.block.start : 0;
    const hi = f.block ? f.block.end : text.length;
    ranges.push({
      sourceId: f.sourceId,
      sourceTitle: titles.get(f.sourceId) ?? '',
      start: f.start,
      end: f.end,
      speaker: f.block?.participantName ?? f.block?.label ?? null,
      before: text.slice(Math.max(lo, f.start - CONTEXT), f.start),
      text: text.slice(f.start, f.end),
      after: text.slice(f.end, Math.min(hi, f.end + CONTEXT)),
      alreadyCoded: isCoded,
    });
  }
  return { codeName: code.name, count: found.length, alreadyCoded: already, notCodable, notCodableReason, sources: new Set(found.map((f) => f.sourceId)).size, ranges, truncated: found.length > ranges.length, scope, perSource: hitsPerSource(scope, marks) };
}

export function applyAutoCode(core: FocalCore, input: AutoCodeInput, hidden?: HiddenRanges): { coded: number; skipped: number } {
  const db = core.requireProject().db;
  const code = requireCode(db, input.codeId);
  const found = keptHits(find(db, input, code.frame_id, hidden).found, input);
  const exists = db.prepare('SELECT 1 FROM codings WHERE code_id = ? AND source_id = ? AND start = ? AND end = ? AND coder = ?');
  const insert = db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const what = input.pattern !== undefined ? `matches of “${input.pattern}”` : 'turns';
  let coded = 0;
  undoable(db, `Auto-code ${what} with "${code.name}"`, core.now(), () => {
    const now = core.now();
    for (const f of found) {
      if (exists.get(code.id, f.sourceId, f.start, f.end, core.actor)) continue;
      insert.run(code.id, f.sourceId, f.start, f.end, core.actor, now);
      coded++;
    }
  });
  if (coded) core.emit('changed', { kinds: ['codings', 'codes', 'history'] });
  return { coded, skipped: found.length - coded };
}
