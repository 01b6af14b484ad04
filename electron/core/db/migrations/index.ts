/**
 * The list of migrations, in order. A migration is never edited once released: its checksum is
 * stored in the project file, and opening a file whose applied migrations differ from these
 * is refused rather than guessed at. Add a new numbered file instead.
 */
import * as m001 from './001-initial';
import * as m004 from './004-search-indexes';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// 004 is the search branch's number; versions are positions, so it is step 2 until the lead renumbers at merge.
export const migrations: Migration[] = [{ version: 1, ...m001 }, { version: 2, ...m004 }];

export const LATEST_SCHEMA_VERSION = migrations.length;
