/**
 * Migration 7: corrections of a transcript's text.
 *
 * A person may correct a transcript's words (a typo, a mis-heard word) in the "Correct
 * transcript" mode; Focal itself never rewrites stored text. Every correction is logged here with
 * the SHA-256 of the text before and after (the hash kaitiaki statements and exchange name a
 * source by) and the edited ranges as old offsets and replacement lengths, never the words. The
 * log is append-only: undoing a correction restores the text (and so the old hash) but keeps the
 * row, so every hash a source has had is listed.
 */
export const name = 'source corrections log';

export const sql = /* sql */ `
CREATE TABLE source_corrections (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  before_sha  TEXT NOT NULL,
  after_sha   TEXT NOT NULL,
  ranges      TEXT NOT NULL DEFAULT '[]',
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL
);
CREATE INDEX source_corrections_source ON source_corrections(source_id, id);
`;
