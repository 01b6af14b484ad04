/**
 * The project-wide identifier scan (Pseudonyms view, `focal pseudo scan`) as this viewer may see
 * it. Sources whose restricted (tapu) passages the viewer may read are scanned as always; in the
 * others, an identifier inside a restricted passage is counted (so the review knows something is
 * pending there) under one group per kind and status with no words, and every example's context
 * is cut from the masked text. Accept-all makes rules only from what the viewer can see: a rule's
 * term is listed to everyone, so a tapu word never becomes one by a click.
 */
import type { Candidate, ScanGroup, ScanResult } from '../../../shared/domain/pseudonyms';
import type { FocalCore } from '../app/focal-core';
import { decisionKey } from '../pseudonyms/detect';
import { acceptAll, detectRange, scan, type ScanInput } from '../pseudonyms/scan';
import { HIDDEN_NOTE, MASK } from './mask-calls';
import { maskingFor, overlaps } from './mask-results';

const CONTEXT_CHARS = 50;
const MAX_EXAMPLES = 3;
const HIDDEN_PREFIX = '•restricted:';

/** Whether a scan group stands for identifiers inside restricted passages (no words to act on). */
export const isHiddenGroup = (g: Pick<ScanGroup, 'folded'>) => g.folded.startsWith(HIDDEN_PREFIX);

export function scanForViewer(core: FocalCore, input: ScanInput = {}): ScanResult {
  const db = core.requireProject().db;
  const masking = maskingFor(core, undefined);
  const ids = input.sourceId !== undefined ? [input.sourceId] : (db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[]);
  if (!ids.some((id) => masking(id))) return scan(db, input);
  // A range applies only to one given source (as in scan).
  const range = input.sourceId !== undefined ? { start: input.start, end: input.end } : { start: undefined, end: undefined };
  const groups = new Map<string, ScanGroup>();
  const blockAt = db.prepare('SELECT start, end FROM blocks WHERE source_id = ? AND start <= ? AND end >= ? ORDER BY seq LIMIT 1');
  const title = db.prepare('SELECT title FROM sources WHERE id = ?').pluck();
  for (const id of ids) {
    const m = masking(id);
    if (!m) {
      for (const g of scan(db, { ...input, ...range, sourceId: id }).groups) merge(groups, g);
      continue;
    }
    const start = range.start ?? 0;
    const end = range.end ?? m.text.length;
    const masked = m.masked();
    const found = detectRange(db, id, start, end).candidates.map((c) => ({ ...c, start: c.start + start, end: c.end + start }));
    for (const c of found) {
      if (input.status && c.status !== input.status) continue;
      const hidden = overlaps(c, m.ranges);
      const block = (blockAt.get(id, c.start, c.end) as { start: number; end: number } | undefined) ?? { start: c.start, end: c.end };
      const example = {
        blockStart: block.start,
        blockEnd: block.end,
        sourceId: id,
        sourceTitle: title.get(id) as string,
        start: c.start,
        end: c.end,
        before: wordsBefore(masked, block.start, c.start),
        match: hidden ? masked.slice(c.start, c.end) : c.text,
        after: wordsAfter(masked, c.end, block.end),
      };
      merge(groups, hidden ? hiddenGroup(c, example) : visibleGroup(c, example));
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
  return { groups: list, counts, sources: ids.length };
}

/** Accept-all over what this viewer sees: pending identifiers inside restricted passages stay pending. */
export function acceptAllForViewer(core: FocalCore, input: ScanInput = {}): { created: number; candidates: number } {
  const db = core.requireProject().db;
  const masking = maskingFor(core, undefined);
  const ids = input.sourceId !== undefined ? [input.sourceId] : (db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[]);
  if (!ids.some((id) => masking(id))) return acceptAll(core, input);
  return acceptAll(core, input, scanForViewer(core, { ...input, status: 'pending' }).groups.filter((g) => !isHiddenGroup(g)));
}

type Example = ScanGroup['examples'][number];

function visibleGroup(c: Candidate, example: Example): ScanGroup {
  const g: ScanGroup = { folded: decisionKey(c.text), text: c.text, spellings: [c.text], kind: c.kind, suggestion: c.suggestion, status: c.status, count: 1, examples: [example] };
  if (c.ruleId !== undefined) g.ruleId = c.ruleId;
  if (c.participantId !== undefined) g.participantId = c.participantId;
  if (c.note) g.note = c.note;
  return g;
}

function hiddenGroup(c: Candidate, example: Example): ScanGroup {
  return { folded: `${HIDDEN_PREFIX}${c.kind}:${c.status}`, text: MASK, spellings: [MASK], kind: c.kind, suggestion: MASK, status: c.status, note: HIDDEN_NOTE, count: 1, examples: [example] };
}

function merge(groups: Map<string, ScanGroup>, g: ScanGroup): void {
  const prev = groups.get(g.folded);
  if (!prev) {
    groups.set(g.folded, { ...g, spellings: [...g.spellings], examples: g.examples.slice(0, MAX_EXAMPLES) });
    return;
  }
  prev.count += g.count;
  for (const s of g.spellings) if (!prev.spellings.includes(s)) prev.spellings.push(s);
  for (const e of g.examples) if (prev.examples.length < MAX_EXAMPLES) prev.examples.push(e);
}

/** Up to CONTEXT_CHARS of the turn before a candidate: whole words only, "…" where the turn goes on (as scan.ts). */
function wordsBefore(text: string, turnStart: number, at: number): string {
  const from = Math.max(turnStart, at - CONTEXT_CHARS);
  let out = text.slice(from, at).replace(/\s+/g, ' ');
  const cut = from > turnStart;
  if (cut && /\S/.test(text[from - 1] ?? '')) out = out.slice(out.indexOf(' ') + 1);
  return cut ? `…${out}` : out;
}

function wordsAfter(text: string, at: number, turnEnd: number): string {
  const to = Math.min(turnEnd, at + CONTEXT_CHARS);
  let out = text.slice(at, to).replace(/\s+/g, ' ');
  const cut = to < turnEnd;
  if (cut && /\S/.test(text[to] ?? '')) out = out.slice(0, Math.max(0, out.lastIndexOf(' ')));
  return cut ? `${out}…` : out;
}
