/**
 * Mainstream focus groups and tikanga-based hui are kept apart by default: retrieval, queries,
 * matrices and charts take one mode (the active frame's), and mixing both is an explicit choice.
 * When figures over both modes are asked for, this note says so wherever they are shown or saved.
 */
import type { ProjectDb } from '../db/open-project';

export type SessionMode = 'mainstream' | 'tikanga';

/** The modes of the sources that hold codings of these codes (the sources the figures draw on). */
export function modesCoded(db: ProjectDb, codeIds: number[]): Set<SessionMode> {
  const rows = db
    .prepare(
      `SELECT DISTINCT s.mode FROM sources s
       WHERE EXISTS (SELECT 1 FROM codings cd WHERE cd.source_id = s.id AND cd.code_id IN (SELECT value FROM json_each(?)))`,
    )
    .pluck()
    .all(JSON.stringify(codeIds)) as SessionMode[];
  return new Set(rows);
}

/** The note for figures over both modes, or none when one mode was chosen or only one is coded. */
export function modeMixNotes(db: ProjectDb, codeIds: number[], mode: SessionMode | undefined): string[] {
  if (mode) return [];
  const modes = modesCoded(db, codeIds);
  if (modes.size < 2) return [];
  return [
    'These figures mix mainstream focus groups and tikanga-based hui: the kōrero of a hui is held under its own tikanga and its rōpū’s consent, ' +
      'so read the two apart (choose one mode) unless comparing them is the point.',
  ];
}
