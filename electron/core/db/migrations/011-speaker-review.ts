/**
 * Migration 11: speaker labels that are not speakers.
 *
 * An import may read a line as a speaker label when it is not one (`Acknowledgements`, `Tel`, a
 * section heading). The person marks it "Not a speaker" in the review: its turns become plain text
 * (no speaker, so no participant is ever credited with them), and the label row stays, flagged, so
 * the review can show it and the transcript view can show the label above the text it headed.
 * `blocks.label_id` names that label for each block it headed. The stored text is untouched.
 */
export const name = 'speaker labels that are not speakers';

export const sql = /* sql */ `
ALTER TABLE speakers ADD COLUMN not_speaker INTEGER NOT NULL DEFAULT 0 CHECK (not_speaker IN (0, 1));
ALTER TABLE blocks ADD COLUMN label_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL;
CREATE INDEX blocks_label ON blocks(label_id) WHERE label_id IS NOT NULL;
`;
