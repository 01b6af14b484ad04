/**
 * For `focal check`: the bracketed notes in transcripts that Focal could not classify (not a
 * known annotation such as [laughter], not a withdrawal, not a tikanga session part), one warning
 * per distinct note per transcript, so that a person decides whether it takes talk off the record.
 */
import type { Problem } from '../../../shared/domain/quotes';
import type { ProjectDb } from '../db/open-project';
import { classifyNote } from './withdrawal-notes';

const MAX_NOTE = 120;

export function unclassifiedNotes(db: ProjectDb): Problem[] {
  const rows = db
    .prepare(
      `SELECT a.source_id AS sourceId, s.title, a.text,
              (SELECT b.kind FROM blocks b WHERE b.source_id = a.source_id AND b.start <= a.start AND b.end >= a.end ORDER BY b.start DESC LIMIT 1) AS blockKind
       FROM annotations a JOIN sources s ON s.id = a.source_id ORDER BY a.source_id, a.start`,
    )
    .all() as Array<{ sourceId: number; title: string; text: string; blockKind: string | null }>;
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.sourceId}\u0000${r.text}`;
    if (seen.has(key) || classifyNote(r.text, r.blockKind === 'note') !== 'unclassified') continue;
    seen.add(key);
    const note = r.text.length > MAX_NOTE ? `${r.text.slice(0, MAX_NOTE)}…` : r.text;
    out.push({
      kind: 'note-unclassified',
      severity: 'warning',
      message: `"${r.title}" has a bracketed note Focal does not recognise: [${note}].`,
      fix: 'If it says talk was taken off the record, mark the passage withdrawn; otherwise nothing to do.',
      sourceId: r.sourceId,
    });
  }
  return out;
}
