/**
 * Migration 1: the whole product's schema, designed up front so later features only fill it.
 *
 * Conventions: ids are INTEGER PRIMARY KEY; times are ISO-8601 UTC strings; dates chosen by
 * people (session date, withdrawal date) are ISO `yyyy-mm-dd`. Every text offset is a UTF-16
 * code-unit offset into `sources.text` (NFC), the unit JavaScript strings use, so a range
 * selected in the UI is the exact range the core codes, checks and exports.
 * Source text never changes after import, which is what keeps codings from drifting.
 */
export const name = 'initial schema';

export const sql = /* sql */ `
CREATE TABLE project (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  name          TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

-- Project-wide settings as JSON values (default frame, export defaults, ...).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- People and groups. A group (rōpū, whānau, hapū, organisation, focus group) is a participant
-- in its own right: it can hold consent, be attributed, and have a kaitiaki for its data.
CREATE TABLE participants (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'group')),
  name          TEXT NOT NULL,
  pseudonym     TEXT,
  role          TEXT NOT NULL DEFAULT 'participant',
  mode          TEXT CHECK (mode IN ('mainstream', 'tikanga')),
  notes         TEXT NOT NULL DEFAULT '',
  kaitiaki_id   INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  -- How a group's collective kōrero is attributed, as the group decided, e.g. "Rōpū A, group interview".
  attribution   TEXT,
  created_at    TEXT NOT NULL
);
CREATE INDEX participants_name ON participants(name);

CREATE TABLE group_members (
  group_id   INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  member_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  role       TEXT,
  PRIMARY KEY (group_id, member_id),
  CHECK (group_id <> member_id)
);
CREATE INDEX group_members_member ON group_members(member_id);

-- Typed attributes (text, number, date, choice) on participants.
CREATE TABLE attributes (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  type     TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),
  choices  TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE participant_attributes (
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  attribute_id    INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value           TEXT NOT NULL,
  PRIMARY KEY (participant_id, attribute_id)
);
CREATE INDEX participant_attributes_attr ON participant_attributes(attribute_id, value);

-- Transcripts. mode keeps tikanga-based sessions apart from mainstream ones in every rule.
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('mainstream', 'tikanga')),
  kind          TEXT NOT NULL DEFAULT '',
  format        TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  text          TEXT NOT NULL,
  word_count    INTEGER NOT NULL,
  session_date  TEXT,
  group_id      INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  facilitators  TEXT NOT NULL DEFAULT '',
  location      TEXT NOT NULL DEFAULT '',
  round         TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  metadata      TEXT NOT NULL DEFAULT '{}',
  imported_at   TEXT NOT NULL
);
CREATE INDEX sources_hash ON sources(content_hash);

-- Speaker labels as written in one source, mapped (after review) to participants.
CREATE TABLE speakers (
  id              INTEGER PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  label           TEXT NOT NULL,
  participant_id  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  -- Role in this session: participant, facilitator, interviewer, kaumātua, ...
  role            TEXT NOT NULL DEFAULT 'participant',
  UNIQUE (source_id, label)
);
CREATE INDEX speakers_participant ON speakers(participant_id);

-- The blocks of a transcript in reading order: turns, standalone notes, headings, prose.
CREATE TABLE blocks (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('turn', 'note', 'heading', 'text')),
  speaker_id  INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  start_ms    INTEGER,
  end_ms      INTEGER,
  UNIQUE (source_id, seq),
  CHECK (start >= 0 AND end >= start)
);
CREATE INDEX blocks_source_range ON blocks(source_id, start);
CREATE INDEX blocks_speaker ON blocks(speaker_id);

-- A response that covers several rows of a feedback table stays linked to each of them.
CREATE TABLE block_links (
  block_id         INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
  responds_to_id   INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
  PRIMARY KEY (block_id, responds_to_id)
);

-- Non-speech annotations ([laughter], [taps head], [Not recorded.]): never anyone's words.
CREATE TABLE annotations (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  text       TEXT NOT NULL
);
CREATE INDEX annotations_source ON annotations(source_id, start);

-- Parts of a tikanga-based session: opening, kōrero, closing. Unrecorded parts have no range.
CREATE TABLE session_parts (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  phase        TEXT NOT NULL CHECK (phase IN ('opening', 'korero', 'closing')),
  recorded     INTEGER NOT NULL CHECK (recorded IN (0, 1)),
  start        INTEGER,
  end          INTEGER,
  led_by_id    INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  led_by_label TEXT NOT NULL DEFAULT '',
  occurred_at  TEXT,
  note         TEXT NOT NULL DEFAULT '',
  -- Set when the kaitiaki releases a recorded opening/closing part for coding and export.
  released_by_approval_id INTEGER REFERENCES approvals(id) ON DELETE SET NULL,
  CHECK ((recorded = 0 AND start IS NULL AND end IS NULL) OR (recorded = 1 AND start IS NOT NULL AND end >= start))
);
CREATE INDEX session_parts_source ON session_parts(source_id);

-- Code frames keep mainstream and kaupapa Māori analysis apart: every code belongs to one frame.
CREATE TABLE code_frames (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL CHECK (kind IN ('mainstream', 'kaupapa-maori')),
  description  TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
);
-- Which frames apply to which sessions. A source with no row here is open to every frame.
CREATE TABLE frame_sources (
  frame_id   INTEGER NOT NULL REFERENCES code_frames(id) ON DELETE CASCADE,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  PRIMARY KEY (frame_id, source_id)
);

CREATE TABLE codes (
  id           INTEGER PRIMARY KEY,
  frame_id     INTEGER NOT NULL REFERENCES code_frames(id) ON DELETE CASCADE,
  parent_id    INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  color        TEXT NOT NULL DEFAULT '#4f7cac',
  description  TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX codes_parent ON codes(frame_id, parent_id, position);

CREATE TABLE codings (
  id          INTEGER PRIMARY KEY,
  code_id     INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  coder       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (start >= 0 AND end > start)
);
CREATE INDEX codings_code ON codings(code_id, source_id, start);
CREATE INDEX codings_source ON codings(source_id, start);

-- Rich-text memos (Lexical JSON) on the project, a source, a code, a coding or a participant.
CREATE TABLE memos (
  id           INTEGER PRIMARY KEY,
  target_kind  TEXT NOT NULL CHECK (target_kind IN ('project', 'source', 'code', 'coding', 'participant')),
  target_id    INTEGER,
  title        TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL DEFAULT '',
  body_text    TEXT NOT NULL DEFAULT '',
  author       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX memos_target ON memos(target_kind, target_id);

-- Individual consent, one row per person.
CREATE TABLE consents (
  participant_id      INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
  recording           TEXT NOT NULL DEFAULT 'unknown' CHECK (recording IN ('yes', 'no', 'unknown')),
  quote               TEXT NOT NULL DEFAULT 'unknown' CHECK (quote IN ('yes', 'no', 'unknown')),
  named               TEXT NOT NULL DEFAULT 'unknown' CHECK (named IN ('yes', 'no', 'unknown')),
  withdrawn_on        TEXT,
  review_sent_on      TEXT,
  review_returned_on  TEXT,
  review_approved_on  TEXT,
  conditions          TEXT NOT NULL DEFAULT '',
  updated_at          TEXT NOT NULL
);

-- Collective consent given on a group's behalf (tikanga-based research).
CREATE TABLE collective_consents (
  id                     INTEGER PRIMARY KEY,
  group_id               INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  given_by_id            INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  given_by_label         TEXT NOT NULL DEFAULT '',
  given_on               TEXT NOT NULL,
  for_analysis           INTEGER NOT NULL DEFAULT 0,
  for_quotes             INTEGER NOT NULL DEFAULT 0,
  for_group_attribution  INTEGER NOT NULL DEFAULT 0,
  for_return             INTEGER NOT NULL DEFAULT 0,
  conditions             TEXT NOT NULL DEFAULT '',
  revoked_on             TEXT,
  recorded_at            TEXT NOT NULL
);
CREATE INDEX collective_consents_group ON collective_consents(group_id);

-- Passages marked withdrawn ("not for the report") or restricted on their own.
CREATE TABLE passage_marks (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('withdrawn', 'restricted')),
  reason      TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (end > start)
);
CREATE INDEX passage_marks_source ON passage_marks(source_id, start);

-- Sensitivity labels, set only by the kaitiaki: on a whole source (start/end NULL) or a passage.
CREATE TABLE sensitivity_labels (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  start        INTEGER,
  end          INTEGER,
  label        TEXT NOT NULL CHECK (label IN ('open', 'community', 'restricted')),
  set_by_id    INTEGER NOT NULL REFERENCES participants(id),
  set_at       TEXT NOT NULL,
  CHECK ((start IS NULL AND end IS NULL) OR (start IS NOT NULL AND end > start))
);
CREATE INDEX sensitivity_labels_source ON sensitivity_labels(source_id);

-- Replacement rules for pseudonymisation. variants is a JSON array of strings.
CREATE TABLE pseudonym_rules (
  id              INTEGER PRIMARY KEY,
  term            TEXT NOT NULL,
  variants        TEXT NOT NULL DEFAULT '[]',
  replacement     TEXT NOT NULL,
  category        TEXT NOT NULL DEFAULT 'other'
                  CHECK (category IN ('participant', 'third-party', 'staff', 'place', 'organisation', 'service', 'identifier', 'other')),
  participant_id  INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
-- Decisions on detected candidates that are not rules: "not identifying" (the 1737 helpline).
CREATE TABLE pseudonym_decisions (
  id          INTEGER PRIMARY KEY,
  folded      TEXT NOT NULL UNIQUE,
  text        TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('not-identifying')),
  decided_by  TEXT NOT NULL,
  decided_at  TEXT NOT NULL
);

-- Quotes: ranges chosen for a quote bank, optionally trimmed with editorial cuts.
CREATE TABLE quotes (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  coding_id   INTEGER REFERENCES codings(id) ON DELETE SET NULL,
  code_id     INTEGER REFERENCES codes(id) ON DELETE SET NULL,
  cuts        TEXT NOT NULL DEFAULT '[]',
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (end > start)
);
CREATE INDEX quotes_source ON quotes(source_id, start);

-- Kaitiaki decisions: approving or refusing a quote, an export, or the release of a tikanga part.
CREATE TABLE approvals (
  id            INTEGER PRIMARY KEY,
  group_id      INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  kaitiaki_id   INTEGER NOT NULL REFERENCES participants(id),
  scope         TEXT NOT NULL CHECK (scope IN ('quote', 'export', 'part')),
  quote_id      INTEGER REFERENCES quotes(id) ON DELETE CASCADE,
  export_label  TEXT,
  decision      TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
  output        TEXT NOT NULL DEFAULT '',
  conditions    TEXT NOT NULL DEFAULT '',
  decided_at    TEXT NOT NULL,
  revoked_at    TEXT
);
CREATE INDEX approvals_quote ON approvals(quote_id);

CREATE TABLE exports (
  id            INTEGER PRIMARY KEY,
  format        TEXT NOT NULL,
  profile       TEXT NOT NULL DEFAULT 'report',
  destination   TEXT NOT NULL,
  sha256        TEXT,
  gate_version  INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE TABLE export_items (
  export_id  INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
  quote_id   INTEGER REFERENCES quotes(id) ON DELETE SET NULL,
  source_id  INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  outcome    TEXT NOT NULL CHECK (outcome IN ('passed', 'blocked')),
  reasons    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX export_items_export ON export_items(export_id);

-- Append-only record of what was done: imports, consent changes, exports, approvals.
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  detail  TEXT NOT NULL DEFAULT '{}'
);

-- Undo/redo history that survives a reload: each entry holds the operations to undo and redo it.
CREATE TABLE history (
  id     INTEGER PRIMARY KEY,
  label  TEXT NOT NULL,
  undo   TEXT NOT NULL,
  redo   TEXT NOT NULL,
  state  TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone')),
  at     TEXT NOT NULL
);

CREATE TABLE glossary (
  id     INTEGER PRIMARY KEY,
  term   TEXT NOT NULL UNIQUE,
  gloss  TEXT NOT NULL,
  notes  TEXT NOT NULL DEFAULT ''
);

-- Full-text search over blocks. The indexed column holds folded text (macrons, diacritics and
-- double vowels folded, hyphen/dash alike); hits are mapped back to the stored, unfolded text.
CREATE VIRTUAL TABLE search_index USING fts5(
  folded,
  block_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;
