/**
 * Search, coding queries and matrices: FTS5 prefix indexes and two covering indexes.
 *
 * 1. Prefix indexes (2 and 3 characters) on the full-text table. A short prefix such as `ngā*` or
 *    `ko*` otherwise makes FTS5 merge the doclists of every term that starts with it: on a
 *    10-million-word project that took 150–400 ms per search (bench-search), 1–2 ms with them.
 *    The index grows by about a fifth. The table is rebuilt with the same columns and rowids,
 *    so nothing that writes or reads it changes.
 * 2. Covering indexes for "which turns does each coding overlap" (matrix coding, coding queries,
 *    co-occurrence): codings by (code, source, start, end) and turns by (source, start, end,
 *    speaker). Every lookup is then answered from the index alone, with no row fetch: the
 *    codes × roles matrix over 50,000 codings took about half the time with them.
 */
export const name = 'search prefix and covering indexes';

export const sql = /* sql */ `
CREATE VIRTUAL TABLE search_index_new USING fts5(
  folded,
  block_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO search_index_new (rowid, folded, block_id) SELECT rowid, folded, block_id FROM search_index;
DROP TABLE search_index;
ALTER TABLE search_index_new RENAME TO search_index;

CREATE INDEX codings_code_range ON codings(code_id, source_id, start, end);
CREATE INDEX blocks_source_turns ON blocks(source_id, start, end, speaker_id) WHERE kind = 'turn';
`;
