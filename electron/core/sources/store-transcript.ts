/**
 * Writes one parsed transcript into the project in a single transaction: the source row, its
 * speakers, blocks, links, annotations, tikanga session parts and search index rows. If any
 * step fails the transaction rolls back, so a bad file never leaves half a transcript behind.
 */
import type { ParsedTranscript, SourceMode } from '../../../shared/domain/transcript';
import { fold } from '../../../shared/text/fold';
import type { ProjectDb } from '../db/open-project';
import type { DetectedPart } from '../import/detect-tikanga-parts';
import { transcriptTitle } from '../import/title';

export interface StoreOptions {
  fileName: string;
  contentHash: string;
  /** Overrides the mode found in the file's header lines. */
  mode?: SourceMode;
  groupId?: number | null;
  parts: DetectedPart[];
  now: string;
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-–]*/gu);
  return m ? m.length : 0;
}

export function storeTranscript(db: ProjectDb, parsed: ParsedTranscript, opts: StoreOptions): number {
  return db.transaction(() => {
    const md = parsed.metadata;
    const mode: SourceMode = opts.mode ?? md.mode ?? 'mainstream';
    const { title } = transcriptTitle(parsed, opts.fileName);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO sources (title, mode, kind, format, file_name, content_hash, text, word_count, session_date, group_id,
                              facilitators, location, round, notes, metadata, imported_at)
         VALUES (@title, @mode, @kind, @format, @fileName, @hash, @text, @words, @date, @groupId,
                 @facilitators, @location, @round, @notes, @metadata, @now)`,
      )
      .run({
        title,
        mode,
        kind: md.kind ?? '',
        format: parsed.format,
        fileName: opts.fileName,
        hash: opts.contentHash,
        text: parsed.text,
        words: countWords(parsed.text),
        date: md.date ?? null,
        groupId: opts.groupId ?? null,
        facilitators: md.facilitators ?? '',
        location: md.location ?? '',
        round: md.round ?? '',
        notes: md.notes ?? '',
        metadata: JSON.stringify(md.other ?? {}),
        now: opts.now,
      });
    const sourceId = Number(lastInsertRowid);

    const speakerIds = new Map<string, number>();
    const insertSpeaker = db.prepare('INSERT INTO speakers (source_id, label, role) VALUES (?, ?, ?)');
    for (const b of parsed.blocks) {
      if (b.kind !== 'turn' || !b.speaker || speakerIds.has(b.speaker)) continue;
      const role = /facilitat|interviewer|moderator/i.test(b.speaker) ? 'facilitator' : 'participant';
      speakerIds.set(b.speaker, Number(insertSpeaker.run(sourceId, b.speaker, role).lastInsertRowid));
    }

    const insertBlock = db.prepare(
      'INSERT INTO blocks (source_id, seq, kind, speaker_id, start, end, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertIndex = db.prepare('INSERT INTO search_index (folded, block_id) VALUES (?, ?)');
    const blockIds: number[] = [];
    parsed.blocks.forEach((b, seq) => {
      const speakerId = b.speaker ? (speakerIds.get(b.speaker) ?? null) : null;
      const id = Number(insertBlock.run(sourceId, seq, b.kind, speakerId, b.start, b.end, b.startMs ?? null, b.endMs ?? null).lastInsertRowid);
      blockIds.push(id);
      insertIndex.run(fold(parsed.text.slice(b.start, b.end)), id);
    });

    const insertLink = db.prepare('INSERT OR IGNORE INTO block_links (block_id, responds_to_id) VALUES (?, ?)');
    parsed.blocks.forEach((b, i) => {
      for (const target of b.respondsTo ?? []) {
        const to = blockIds[target];
        const from = blockIds[i];
        if (to !== undefined && from !== undefined) insertLink.run(from, to);
      }
    });

    const insertAnnotation = db.prepare('INSERT INTO annotations (source_id, start, end, text) VALUES (?, ?, ?, ?)');
    for (const a of parsed.annotations) insertAnnotation.run(sourceId, a.start, a.end, a.text);

    if (mode === 'tikanga') {
      const insertPart = db.prepare(
        `INSERT INTO session_parts (source_id, kind, phase, recorded, start, end, led_by_label, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const p of opts.parts) {
        const block = parsed.blocks[p.blockIndex];
        const recorded = p.recorded && block ? 1 : 0;
        insertPart.run(sourceId, p.kind, p.phase, recorded, recorded ? block?.start : null, recorded ? block?.end : null, p.ledBy ?? '', p.note);
      }
    }
    return sourceId;
  })();
}
