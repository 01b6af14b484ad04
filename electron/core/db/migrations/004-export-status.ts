/**
 * An export file never exists without its audit row. A file export is recorded `pending` (with
 * its destination, the SHA-256 of the bytes to be written and the temporary file's path) before
 * anything is written, then marked `complete` once the file is renamed into place; opening the
 * project settles what a crash left pending (file there with that hash: complete; else failed).
 * `writer` (host:pid) lets an open skip an export another live process is still writing.
 * Existing rows were recorded after their file was written: complete.
 */
export const name = 'export status';

export const sql = /* sql */ `
ALTER TABLE exports ADD COLUMN status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('pending', 'complete', 'failed'));
ALTER TABLE exports ADD COLUMN temp_path TEXT;
ALTER TABLE exports ADD COLUMN writer TEXT;
ALTER TABLE exports ADD COLUMN settled_at TEXT;
CREATE INDEX exports_pending ON exports(id) WHERE status = 'pending';
`;
