/**
 * Migration: kaitiaki decisions as signed statements.
 *
 * A statement is canonical JSON (sorted keys) naming what it decides about by content (the
 * source's SHA-256, the range, the quote's text hash, the export label), the group, the signing
 * key's fingerprint, the time and the kind, with an Ed25519 signature by the group's kaitiaki key.
 * The group's keys are themselves statements (registered, handed on, replaced by collective
 * consent), so the key history is read from this table too. `record_table`/`record_id` link a
 * statement to the readable row it stands behind (approvals, sensitivity_labels...), which has no
 * authority of its own. The private key never enters the project.
 */
export const name = 'kaitiaki statements';

export const sql = /* sql */ `
CREATE TABLE kaitiaki_statements (
  id            INTEGER PRIMARY KEY,
  group_id      INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,
  body          TEXT NOT NULL,
  signature     TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,
  hash          TEXT NOT NULL UNIQUE,
  record_table  TEXT,
  record_id     INTEGER,
  recorded_at   TEXT NOT NULL
);
CREATE INDEX kaitiaki_statements_group ON kaitiaki_statements(group_id, kind);
CREATE INDEX kaitiaki_statements_record ON kaitiaki_statements(record_table, record_id);
`;
