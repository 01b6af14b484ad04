/**
 * A transcript's stored text as a history change: the edits that turn it into the other state,
 * never a copy of the text (a long transcript corrected many times would otherwise fill the
 * history). Undo applies the inverse edits, redo the edits; the hash check refuses to replay
 * onto a text that is not the one the change was made from.
 */
import { applyEdits, type TextEdit } from '../../../shared/text/offset-map';
import type { ProjectDb } from '../db/open-project';
import { sha256Hex } from '../kaitiaki/key-crypto';
import { countWords } from '../sources/store-transcript';

export interface SourceTextRow {
  id: number;
  /** SHA-256 of the text these edits apply to, and of the text they make. */
  from: string;
  to: string;
  edits: TextEdit[];
}

export function applySourceTextChange(db: ProjectDb, row: Record<string, unknown>): void {
  const r = row as unknown as SourceTextRow;
  const text = db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(r.id) as string | undefined;
  if (text === undefined) throw new Error(`transcript ${r.id} is gone`);
  if (sha256Hex(text) !== r.from) throw new Error(`the text of transcript ${r.id} is not the one this change was made from`);
  const next = applyEdits(text, r.edits);
  if (sha256Hex(next) !== r.to) throw new Error(`replaying the correction of transcript ${r.id} does not give the text it made`);
  db.prepare('UPDATE sources SET text = ?, word_count = ? WHERE id = ?').run(next, countWords(next), r.id);
}
