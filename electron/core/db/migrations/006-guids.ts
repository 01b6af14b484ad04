/**
 * Migration 6: identity that survives exchange (REFI-QDA).
 *
 * Every source, code frame, code, coding, memo and participant (person or group: a REFI Case) gets
 * a stable GUID, and so does every coder (a REFI User): coders are names on codings and memos, so a
 * small `coders` table maps each name to its GUID. Imported items keep the GUIDs they came with,
 * so a second import or a merge matches instead of duplicating; exports write them.
 *
 * GUIDs are UUID v4, lower-case, without braces (the REFI GUIDType pattern accepts either case;
 * Focal stores one canonical form so matching is plain equality). Existing rows get new random
 * ones here. SQLite cannot add a column whose DEFAULT is an expression, so new rows get theirs
 * from an AFTER INSERT trigger when none was given; no insert path can forget it. A GUID set to
 * NULL (undo replays whole rows, see history/) gets a new one at once, so a row never stays
 * without. Undo/redo re-insert captured rows with every column, GUID included.
 */
export const name = 'guids for exchange';

/** A random UUID v4 (version nibble 4, variant 8/9/a/b), lower-case, as an SQL expression. */
const UUID_V4 =
  "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || " +
  "substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

/** The canonical form: 36 characters, lower-case hex, hyphens at 9, 14, 19 and 24. */
const GUID_CHECK =
  "guid IS NULL OR (length(guid) = 36 AND guid NOT GLOB '*[^0-9a-f-]*' AND length(replace(guid, '-', '')) = 32 " +
  "AND substr(guid, 9, 1) = '-' AND substr(guid, 14, 1) = '-' AND substr(guid, 19, 1) = '-' AND substr(guid, 24, 1) = '-')";

const TABLES = ['sources', 'code_frames', 'codes', 'codings', 'memos', 'participants'];

function guidColumn(table: string): string {
  return `
ALTER TABLE ${table} ADD COLUMN guid TEXT CHECK (${GUID_CHECK});
UPDATE ${table} SET guid = (${UUID_V4});
CREATE UNIQUE INDEX ${table}_guid ON ${table}(guid);
CREATE TRIGGER ${table}_guid_on_insert AFTER INSERT ON ${table} WHEN NEW.guid IS NULL
  BEGIN UPDATE ${table} SET guid = (${UUID_V4}) WHERE id = NEW.id; END;
CREATE TRIGGER ${table}_guid_never_null AFTER UPDATE OF guid ON ${table} WHEN NEW.guid IS NULL
  BEGIN UPDATE ${table} SET guid = (${UUID_V4}) WHERE id = NEW.id; END;
`;
}

export const sql = /* sql */ `
${TABLES.map(guidColumn).join('')}
-- Coders (REFI Users): every name that codes or writes a memo, with its own GUID.
CREATE TABLE coders (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE,
  guid  TEXT NOT NULL UNIQUE DEFAULT (${UUID_V4}) CHECK (${GUID_CHECK})
);
INSERT OR IGNORE INTO coders (name) SELECT coder FROM codings GROUP BY coder ORDER BY min(id);
INSERT OR IGNORE INTO coders (name) SELECT author FROM memos GROUP BY author ORDER BY min(id);
CREATE TRIGGER codings_coder_on_insert AFTER INSERT ON codings
  BEGIN INSERT OR IGNORE INTO coders (name) VALUES (NEW.coder); END;
CREATE TRIGGER codings_coder_on_update AFTER UPDATE OF coder ON codings
  BEGIN INSERT OR IGNORE INTO coders (name) VALUES (NEW.coder); END;
CREATE TRIGGER memos_author_on_insert AFTER INSERT ON memos
  BEGIN INSERT OR IGNORE INTO coders (name) VALUES (NEW.author); END;
CREATE TRIGGER memos_author_on_update AFTER UPDATE OF author ON memos
  BEGIN INSERT OR IGNORE INTO coders (name) VALUES (NEW.author); END;
`;
