/**
 * Correcting who said what after import, without touching the text: "Not a speaker" (a label the
 * importer misread, such as `Acknowledgements` or `Tel`), merging two labels of one transcript,
 * and giving turns to another label (reassigning, or splitting a label into two). Only
 * `blocks.speaker_id`/`kind`/`label_id` and the `speakers` rows change, so every coding, quote and
 * mark keeps its range and its words; gate, matrix and segments read attribution live and follow.
 *
 * Each call is one transaction, one audit line per transcript, and one undo step (history/).
 */
import type { ParsedInput } from '../../../shared/api/contract';
import type { SpeakerReviewRow } from '../../../shared/domain/project';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import { cleanName, commit, type WriteContext } from './commit';
import { reviewSpeakers } from './speaker-review';

interface LabelRow {
  id: number;
  sourceId: number;
  label: string;
  participantId: number | null;
  role: string;
  notSpeaker: number;
}

const quoted = (labels: string[]) => (labels.length === 1 ? `"${labels[0]}"` : `${labels.length} labels`);

function loadLabels(db: ProjectDb, ids: number[]): LabelRow[] {
  const rows = db
    .prepare(
      `SELECT id, source_id AS sourceId, label, participant_id AS participantId, role, not_speaker AS notSpeaker
       FROM speakers WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as LabelRow[];
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) {
    throw new FocalError('not-found', `Speaker label id(s) ${missing.join(', ')} are not in this project; the transcript may have been removed, so reload the speaker review.`);
  }
  // In the order given: the first of a merge is the one kept.
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/**
 * A withdrawn participant's talk must stay theirs, so that the withdrawal follows it into every
 * export: their label cannot be made "Not a speaker", merged, or lose turns to another label.
 */
function refuseWithdrawn(db: ProjectDb, speakerIds: number[], what: string): void {
  const hit = db
    .prepare(
      `SELECT p.name FROM speakers sp JOIN participants p ON p.id = sp.participant_id JOIN consents c ON c.participant_id = p.id
       WHERE sp.id IN (SELECT value FROM json_each(?)) AND c.withdrawn_on IS NOT NULL LIMIT 1`,
    )
    .pluck()
    .get(JSON.stringify(speakerIds)) as string | undefined;
  if (hit !== undefined) {
    throw new FocalError('bad-input', `${hit} has withdrawn: their talk stays credited to them so the withdrawal follows it, so ${what} is refused. If the label is wrong, correct the withdrawal record first.`);
  }
}

/** One undoable, audited step; the review rows of the transcripts it touched are the answer. */
function step(core: FocalCore, label: string, fn: (w: WriteContext) => number[]): SpeakerReviewRow[] {
  // Level 2: blocks are captured with the text tables (history/change-capture.ts); speakers at every level.
  const sourceIds = commit(core, ['participants', 'sources', 'history'], (w) => undoable(w.db, label, w.now, () => fn(w), 2));
  return reviewSpeakers(core.requireProject().db, { sourceIds });
}

/** Labels with no turns left (and not kept as "Not a speaker") are removed, so Accept all never makes a person of them. */
function dropEmptyLabels(db: ProjectDb, sourceId: number): string[] {
  const empty = db
    .prepare(
      `SELECT id, label FROM speakers sp WHERE sp.source_id = ? AND sp.not_speaker = 0
         AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.speaker_id = sp.id OR b.label_id = sp.id)`,
    )
    .all(sourceId) as Array<{ id: number; label: string }>;
  const del = db.prepare('DELETE FROM speakers WHERE id = ?');
  for (const e of empty) del.run(e.id);
  return empty.map((e) => e.label);
}

export function markNotSpeaker(core: FocalCore, input: ParsedInput<'speakers-not-speaker'>): SpeakerReviewRow[] {
  const ids = [...new Set(input.speakerIds)];
  const labels = loadLabels(core.requireProject().db, ids).map((l) => l.label);
  if (!input.restore) refuseWithdrawn(core.requireProject().db, ids, 'marking their label Not a speaker');
  const title = input.restore ? `A speaker again: ${quoted(labels)}` : `Not a speaker: ${quoted(labels)}`;
  return step(core, title, (w) => {
    const rows = loadLabels(w.db, ids);
    const toBlocks = w.db.prepare(
      "UPDATE blocks SET label_id = @id, speaker_id = NULL, kind = CASE WHEN kind = 'turn' THEN 'text' ELSE kind END WHERE speaker_id = @id",
    );
    const backToTurns = w.db.prepare(
      "UPDATE blocks SET speaker_id = @id, label_id = NULL, kind = CASE WHEN kind = 'text' THEN 'turn' ELSE kind END WHERE label_id = @id",
    );
    const flag = w.db.prepare('UPDATE speakers SET not_speaker = @flag, participant_id = CASE WHEN @flag = 1 THEN NULL ELSE participant_id END WHERE id = @id');
    const bySource = new Map<number, { speakerIds: number[]; labels: string[]; blocks: number }>();
    for (const r of rows) {
      const changed = input.restore ? (r.notSpeaker === 1 ? backToTurns.run({ id: r.id }).changes : 0) : r.notSpeaker === 0 ? toBlocks.run({ id: r.id }).changes : 0;
      flag.run({ id: r.id, flag: input.restore ? 0 : 1 });
      const entry = bySource.get(r.sourceId) ?? { speakerIds: [], labels: [], blocks: 0 };
      entry.speakerIds.push(r.id);
      entry.labels.push(r.label);
      entry.blocks += changed;
      bySource.set(r.sourceId, entry);
    }
    for (const [sourceId, e] of bySource) w.audit(input.restore ? 'speakers-restored' : 'speakers-not-speaker', { sourceId, ...e });
    return [...bySource.keys()];
  });
}

export function mergeLabels(core: FocalCore, input: ParsedInput<'speakers-merge'>): SpeakerReviewRow[] {
  const ids = [...new Set(input.speakerIds)];
  if (ids.length < 2) throw new FocalError('bad-input', 'Merging needs two different labels: choose the label to keep and the one that is the same speaker.');
  const rows = loadLabels(core.requireProject().db, ids);
  const [into, ...others] = rows as [LabelRow, ...LabelRow[]];
  if (others.some((o) => o.sourceId !== into.sourceId)) {
    throw new FocalError('bad-input', `Only labels of one transcript can be merged; to treat labels in different transcripts as one person, link them to the same participant.`);
  }
  const off = rows.filter((r) => r.notSpeaker === 1);
  if (off.length) throw new FocalError('bad-input', `${quoted(off.map((r) => r.label))} ${off.length === 1 ? 'is' : 'are'} marked Not a speaker; mark ${off.length === 1 ? 'it' : 'them'} a speaker again before merging.`);
  refuseWithdrawn(core.requireProject().db, ids, 'merging their label with another');
  const otherLabels = others.map((o) => o.label);
  return step(core, `Merge ${otherLabels.map((l) => `"${l}"`).join(', ')} into "${into.label}"`, (w) => {
    const move = w.db.prepare('UPDATE blocks SET speaker_id = ? WHERE speaker_id = ?');
    let moved = 0;
    for (const o of others) moved += move.run(into.id, o.id).changes;
    const mapped = others.find((o) => o.participantId !== null);
    if (into.participantId === null && mapped) w.db.prepare('UPDATE speakers SET participant_id = ?, role = ? WHERE id = ?').run(mapped.participantId, mapped.role, into.id);
    const del = w.db.prepare('DELETE FROM speakers WHERE id = ?');
    for (const o of others) del.run(o.id);
    w.audit('speakers-merged', { sourceId: into.sourceId, into: into.id, intoLabel: into.label, speakerIds: others.map((o) => o.id), labels: otherLabels, turns: moved });
    return [into.sourceId];
  });
}

interface BlockRow {
  id: number;
  sourceId: number;
  kind: string;
  speakerId: number | null;
}

export function reassignTurns(core: FocalCore, input: ParsedInput<'speakers-reassign'>): SpeakerReviewRow[] {
  const db = core.requireProject().db;
  const blockIds = [...new Set(input.blockIds)];
  const blocks = db
    .prepare('SELECT id, source_id AS sourceId, kind, speaker_id AS speakerId FROM blocks WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(blockIds)) as BlockRow[];
  const missing = blockIds.filter((id) => !blocks.some((b) => b.id === id));
  if (missing.length) throw new FocalError('not-found', `Turn id(s) ${missing.slice(0, 10).join(', ')} are not in this project; the transcript may have changed, so reload it.`);
  const sourceId = blocks[0]!.sourceId;
  if (blocks.some((b) => b.sourceId !== sourceId)) throw new FocalError('bad-input', 'Turns can be given to another speaker within one transcript at a time; choose turns of one transcript.');
  const wrong = blocks.filter((b) => b.kind !== 'turn' && b.kind !== 'text');
  if (wrong.length) throw new FocalError('bad-input', `Only turns and plain text can be given to a speaker; block ${wrong[0]!.id} is a ${wrong[0]!.kind}.`);

  refuseWithdrawn(db, [...new Set(blocks.flatMap((b) => (b.speakerId === null ? [] : [b.speakerId])))], 'giving their turns to someone else');
  let target: LabelRow | undefined;
  let newLabel: string | undefined;
  if (input.speakerId !== undefined) {
    target = loadLabels(db, [input.speakerId])[0]!;
    if (target.sourceId !== sourceId) throw new FocalError('bad-input', `The label "${target.label}" belongs to another transcript; choose a label of this one, or type a new label.`);
    if (target.notSpeaker === 1) throw new FocalError('bad-input', `"${target.label}" is marked Not a speaker; mark it a speaker again first, or choose another label.`);
  } else {
    newLabel = cleanName(input.newLabel!);
    const existing = db.prepare('SELECT id FROM speakers WHERE source_id = ? AND label = ?').get(sourceId, newLabel);
    if (existing) throw new FocalError('bad-input', `This transcript already has a label "${newLabel}"; choose it from the list instead of typing it.`);
  }
  const to = target?.label ?? newLabel!;
  const what = blocks.length === 1 ? 'a turn' : `${blocks.length} turns`;
  return step(core, `Give ${what} to "${to}"`, (w) => {
    const toId = target ? target.id : Number(w.db.prepare("INSERT INTO speakers (source_id, label, role) VALUES (?, ?, 'participant')").run(sourceId, newLabel).lastInsertRowid);
    const update = w.db.prepare("UPDATE blocks SET speaker_id = ?, label_id = NULL, kind = 'turn' WHERE id = ?");
    for (const b of blocks) update.run(toId, b.id);
    const removed = dropEmptyLabels(w.db, sourceId);
    w.audit('turns-reassigned', { sourceId, blockIds, to: toId, label: to, created: target === undefined, ...(removed.length ? { removedLabels: removed } : {}) });
    return [sourceId];
  });
}
