/** A small project built row by row for the gate tests: transcripts, people, consent and tikanga records inserted directly. */
import type { ProjectDb } from '../../../electron/core/db/open-project';

export interface Turn {
  /** Speaker label; null for a note block. */
  label: string | null;
  text: string;
}

/** Inserts a transcript; bracketed notes become annotations. Returns the source id and each block's range. */
export function addTranscript(db: ProjectDb, title: string, mode: 'mainstream' | 'tikanga', turns: Turn[], groupId: number | null = null) {
  let text = '';
  const ranges: Array<{ start: number; end: number }> = [];
  for (const t of turns) {
    if (text) text += '\n\n';
    ranges.push({ start: text.length, end: text.length + t.text.length });
    text += t.text;
  }
  const sourceId = Number(
    db
      .prepare("INSERT INTO sources (title, mode, format, file_name, content_hash, text, word_count, group_id, imported_at) VALUES (?, ?, 'txt', ?, ?, ?, 0, ?, '2026-01-01T00:00:00Z')")
      .run(title, mode, `${title}.txt`, title, text, groupId).lastInsertRowid,
  );
  const speakers = new Map<string, number>();
  turns.forEach((t, seq) => {
    const r = ranges[seq]!;
    let speakerId: number | null = null;
    if (t.label !== null) {
      speakerId = speakers.get(t.label) ?? Number(db.prepare('INSERT INTO speakers (source_id, label) VALUES (?, ?)').run(sourceId, t.label).lastInsertRowid);
      speakers.set(t.label, speakerId);
    }
    db.prepare('INSERT INTO blocks (source_id, seq, kind, speaker_id, start, end) VALUES (?, ?, ?, ?, ?, ?)').run(sourceId, seq, t.label === null ? 'note' : 'turn', speakerId, r.start, r.end);
    for (const m of t.text.matchAll(/\[([^\]]+)\]/g)) {
      db.prepare('INSERT INTO annotations (source_id, start, end, text) VALUES (?, ?, ?, ?)').run(sourceId, r.start + m.index, r.start + m.index + m[0].length, m[1]);
    }
  });
  return { sourceId, text, ranges, speakers };
}

export function addPerson(
  db: ProjectDb,
  p: { name: string; pseudonym?: string | null; role?: string; kind?: 'person' | 'group'; quote?: 'yes' | 'no' | 'unknown'; named?: 'yes' | 'no' | 'unknown'; withdrawnOn?: string | null; attribution?: string | null },
): number {
  const id = Number(
    db
      .prepare("INSERT INTO participants (kind, name, pseudonym, role, attribution, created_at) VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')")
      .run(p.kind ?? 'person', p.name, p.pseudonym ?? null, p.role ?? 'participant', p.attribution ?? null).lastInsertRowid,
  );
  if (p.quote !== undefined) {
    db.prepare("INSERT INTO consents (participant_id, recording, quote, named, withdrawn_on, updated_at) VALUES (?, 'yes', ?, ?, ?, '2026-01-01T00:00:00Z')").run(id, p.quote, p.named ?? 'no', p.withdrawnOn ?? null);
  }
  return id;
}

export function mapSpeaker(db: ProjectDb, speakerId: number, participantId: number | null): void {
  db.prepare('UPDATE speakers SET participant_id = ? WHERE id = ?').run(participantId, speakerId);
}

/** Runs fn against the project as changed by `mutate`, then rolls every change back. */
export function scenario<T>(db: ProjectDb, mutate: () => void, fn: () => T): T {
  db.exec('SAVEPOINT scenario');
  try {
    mutate();
    return fn();
  } finally {
    db.exec('ROLLBACK TO scenario');
    db.exec('RELEASE scenario');
  }
}
