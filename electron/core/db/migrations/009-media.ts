/**
 * Migration 9: recordings beside transcripts (electron/core/media).
 *
 * media_links: at most one recording per source. The media itself is never copied into the
 * project: `path` is relative to the project file's folder (with '/' separators) when the file
 * sits in that folder or below it (`relative` = 1), else absolute. `size` and `sha256` identify
 * the file, so a moved file is found again by name and hash, and a changed one is refused.
 *
 * media_sync_points: for a transcript without times (plain text, Word), the moment a turn starts
 * in the recording, set while listening. Times between sync points are interpolated for display,
 * never stored. Undoable (history/change-capture.ts lists the table).
 */
export const name = 'media links and sync points';

export const sql = `
CREATE TABLE media_links (
  source_id   INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  path        TEXT NOT NULL CHECK (length(path) > 0),
  relative    INTEGER NOT NULL CHECK (relative IN (0, 1)),
  file_name   TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('audio', 'video')),
  mime        TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size >= 0),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  linked_at   TEXT NOT NULL,
  linked_by   TEXT NOT NULL
);

CREATE TABLE media_sync_points (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  block_id    INTEGER NOT NULL UNIQUE REFERENCES blocks(id) ON DELETE CASCADE,
  ms          INTEGER NOT NULL CHECK (ms >= 0),
  set_at      TEXT NOT NULL
);
CREATE INDEX media_sync_points_source ON media_sync_points(source_id);
`;
