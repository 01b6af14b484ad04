/**
 * The list of migrations, in order. A migration is never edited once released: its checksum is
 * stored in the project file, and opening a file whose applied migrations differ from these
 * is refused rather than guessed at. Add a new numbered file instead.
 */
import * as m001 from './001-initial';
import * as m002 from './002-approval-parts';
import * as m003 from './003-search-indexes';
import * as m004 from './004-export-status';
import * as m005 from './005-kaitiaki-statements';
import * as m006 from './006-guids';
import * as m007 from './007-source-corrections';
import * as m009 from './009-media';
import * as m011 from './011-speaker-review';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [{ version: 1, ...m001 }, { version: 2, ...m002 }, { version: 3, ...m003 }, { version: 4, ...m004 }, { version: 5, ...m005 }, { version: 6, ...m006 }, { version: 7, ...m007 }, { version: 9, ...m009 }, { version: 11, ...m011 }];

/** The highest version (a number may be missing while branches are merged: steps are found by version, not position). */
export const LATEST_SCHEMA_VERSION = Math.max(...migrations.map((m) => m.version));
