/**
 * A source's length in the unit every offset uses: UTF-16 code units, as JavaScript strings count.
 * SQLite's length() counts code points, so an emoji (two units) early in a transcript would make
 * its last turn look out of range; every range check reads the length from here.
 */
import type { ProjectDb } from '../db/open-project';

export function sourceTextLength(db: ProjectDb, sourceId: number): { title: string; length: number } | undefined {
  const row = db.prepare('SELECT title, text FROM sources WHERE id = ?').get(sourceId) as { title: string; text: string } | undefined;
  return row ? { title: row.title, length: row.text.length } : undefined;
}
