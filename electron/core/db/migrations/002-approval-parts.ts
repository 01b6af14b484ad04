/**
 * Migration: a kaitiaki decision about a tikanga part names the part it is about.
 *
 * `session_parts.released_by_approval_id` links a part to the approval that released it, but a
 * refusal (or a release later revoked) had nowhere to say which part it concerned. `part_id` is
 * set for every decision with scope 'part', approved or refused; the meaning of every existing
 * column is unchanged. Removing a part keeps the decisions about it (part_id becomes NULL).
 */
export const name = 'approvals name their session part';

export const sql = /* sql */ `
ALTER TABLE approvals ADD COLUMN part_id INTEGER REFERENCES session_parts(id) ON DELETE SET NULL;
CREATE INDEX approvals_part ON approvals(part_id);
`;
