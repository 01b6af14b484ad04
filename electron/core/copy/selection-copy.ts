/**
 * Copy and drag of a selection, through the export gate like every other path out. A selection of
 * talk (ranges of stored text from the transcript, retrieval, search results, query and matrix
 * segment lists) is checked range by range as a transient quote, by the same Gate the quote bank
 * uses (nothing is added to the bank); a memo's selected text, which may quote talk, goes through
 * detection and the project's rules. All or nothing: one blocked range refuses the whole copy, with
 * every reason. Each copy, drag or refusal is recorded (an `exports` row and an audit line; never
 * text); a preview (the drag pre-check) records nothing and writes nothing.
 */
import type { SelectionCopyResult } from '../../../shared/api/calls-copy';
import { REASON_ROW, type GateReason } from '../../../shared/domain/gate';
import type { ExportOptions } from '../../../shared/domain/quotes';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { Gate, nzDate } from '../gate/evaluate';
import { GateData } from '../gate/gate-data';
import { pseudoPort } from '../gate/pseudo-port';
import { loadPseudoContext, pseudonymise } from '../pseudonyms/index';
import { recordCopy, type CheckedRange } from './copy-audit';
import { quotedTalk, wordKey } from './memo-quotes';

export interface TalkRange {
  sourceId: number;
  start: number;
  end: number;
  /** Word indexes in the source, while matching (memo-quotes.ts). */
  first?: number;
  last?: number;
}

/** Transient quotes have no id: no kaitiaki approval of a bank quote can be taken to cover them. */
const TRANSIENT_ID = 0;

/** The gate's verdict on each range, as if it were an unsaved quote; throws on a range outside its source. */
export function checkRanges(core: FocalCore, ranges: TalkRange[], options: ExportOptions): CheckedRange[] {
  const db = core.requireProject().db;
  const data = new GateData(db);
  const gate = new Gate(data, pseudoPort(db), options, nzDate(core.now()));
  return ranges.map((r) => {
    const length = data.source(r.sourceId).text.length;
    if (r.end > length) throw new FocalError('bad-input', `The range ${r.start}–${r.end} is outside transcript ${r.sourceId} (${length} characters).`);
    const v = gate.check({ id: TRANSIENT_ID, sourceId: r.sourceId, start: r.start, end: r.end, cuts: [], codePath: null });
    return { ...r, reasons: v.decision.reasons, outText: v.out ? `“${v.out.text}” ${v.out.attribution}` : null };
  });
}

function distinct(reasons: GateReason[]): GateReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}\u0000${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function deliver(core: FocalCore, via: 'clipboard' | 'drag', text: string | null): Promise<void> {
  if (text !== null && via === 'clipboard') await core.host.writeClipboard(text);
}

export async function copyRanges(core: FocalCore, input: { ranges: TalkRange[]; via: 'clipboard' | 'drag'; options: ExportOptions; preview?: boolean | undefined }): Promise<SelectionCopyResult> {
  const checked = checkRanges(core, input.ranges, input.options);
  const blocked = checked.filter((c) => c.outText === null);
  const text = blocked.length ? null : checked.map((c) => c.outText).join('\n\n');
  const result: SelectionCopyResult = { text, reasons: distinct(blocked.flatMap((c) => c.reasons)), checked: checked.length, blocked: blocked.length };
  if (input.preview) return result;
  recordCopy(core, { via: input.via, profile: input.options.profile, text, ranges: checked, action: text === null ? 'selection-copy-refused' : 'selection-copied' });
  await deliver(core, input.via, text);
  return result;
}

/**
 * A memo's selected text: copied with the project's rules applied. Only text the memo holds (its title
 * or plain text, read word by word as memo-quotes.ts does: spacing, case and macrons aside) is copied;
 * anything else is refused as bad input. Any identifier still undecided refuses it, and so does
 * transcript talk quoted in it (MIN_WORDS words or more in a source's order) that the gate would block.
 */
export async function copyMemoText(core: FocalCore, input: { memoId: number; text: string; via: 'clipboard' | 'drag'; options: ExportOptions; preview?: boolean | undefined }): Promise<SelectionCopyResult> {
  const db = core.requireProject().db;
  const memo = db.prepare('SELECT title, body_text AS bodyText FROM memos WHERE id = ?').get(input.memoId) as { title: string; bodyText: string } | undefined;
  if (!memo) throw new FocalError('not-found', `There is no memo with id ${input.memoId}.`);
  // Trimmed: a selection may start or end inside a word.
  const selected = wordKey(input.text).trim();
  if (selected && !wordKey(`${memo.title}\n${memo.bodyText}`).includes(selected)) {
    throw new FocalError('bad-input', `The text to copy is not in memo ${input.memoId}: only text the memo holds can be copied from it. Save the memo, then select the text again.`);
  }
  const p = pseudonymise(loadPseudoContext(db), input.text.normalize('NFC'));
  const pending = [...new Set(p.unresolved.map((c) => c.text))];
  // Transcript words quoted in the memo answer to the gate as if copied from the transcript.
  const quoted = checkRanges(core, quotedTalk(db, input.text), input.options);
  const reasons: GateReason[] = distinct(quoted.filter((c) => c.outText === null).flatMap((c) => c.reasons));
  if (pending.length) {
    reasons.push({
      code: 'identifier-unresolved',
      row: REASON_ROW['identifier-unresolved'],
      message: `${pending.length} detected identifier${pending.length === 1 ? ' is' : 's are'} not yet decided: ${pending.map((t) => `“${t}”`).join(', ')}.`,
      fix: { kind: 'review-candidates', label: 'Review the detected identifiers', candidates: pending },
    });
  }
  const text = reasons.length ? null : p.text;
  const result: SelectionCopyResult = { text, reasons, checked: 1, blocked: text === null ? 1 : 0 };
  if (input.preview) return result;
  recordCopy(core, { via: input.via, profile: input.options.profile, text, ranges: quoted, memoId: input.memoId, reasonCodes: reasons.map((r) => r.code), action: text === null ? 'memo-copy-refused' : 'memo-copied' });
  await deliver(core, input.via, text);
  return result;
}
