/** Reading code frames and the code tree, with the counts shown beside each code. */
import type { Code, CodeFrame } from '../../../shared/domain/project';
import type { ProjectDb } from '../db/open-project';

export function listFrames(db: ProjectDb): CodeFrame[] {
  return db.prepare('SELECT id, name, kind, description FROM code_frames ORDER BY id').all() as CodeFrame[];
}

/** The counts shown beside each of these codes (after a coding changed them). */
export function codeCounts(db: ProjectDb, codeIds: number[]): Array<{ codeId: number; counts: Code['counts'] }> {
  return codeIds.map((codeId) => {
    const c = countRows(db, { frameId: null, codeId })[0];
    const segments = db.prepare('SELECT count(*) FROM codings WHERE code_id = ?').pluck().get(codeId) as number;
    return { codeId, counts: { segments, sources: c?.sources ?? 0, participants: c?.participants ?? 0 } };
  });
}

function countRows(db: ProjectDb, p: { frameId: number | null; codeId: number | null }) {
  return db
    .prepare(
      `SELECT c.id, c.frame_id AS frameId, c.parent_id AS parentId, c.name, c.color, c.description, c.position,
              count(cd.id) AS segments,
              count(DISTINCT cd.source_id) AS sources,
              count(DISTINCT sp.participant_id) AS participants
       FROM codes c
       LEFT JOIN codings cd ON cd.code_id = c.id
       -- Blocks never overlap, so the turns under a coding start at or after the block holding its
       -- start: one index seek plus a short range scan per coding instead of a scan of every block.
       LEFT JOIN blocks b ON b.source_id = cd.source_id AND b.kind = 'turn'
         AND b.start >= coalesce((SELECT max(b2.start) FROM blocks b2 WHERE b2.source_id = cd.source_id AND b2.start <= cd.start), 0)
         AND b.start < cd.end AND b.end > cd.start
       LEFT JOIN speakers sp ON sp.id = b.speaker_id
       WHERE (@frameId IS NULL OR c.frame_id = @frameId) AND (@codeId IS NULL OR c.id = @codeId)
       GROUP BY c.id
       ORDER BY c.frame_id, c.position, c.name COLLATE NOCASE`,
    )
    .all(p) as Array<Omit<Code, 'counts'> & { segments: number; sources: number; participants: number }>;
}

export function listCodes(db: ProjectDb, frameId?: number): Code[] {
  const rows = countRows(db, { frameId: frameId ?? null, codeId: null });
  // count(cd.id) above counts coding × overlapping turns; recount segments exactly.
  const segs = new Map(
    (db.prepare('SELECT code_id AS id, count(*) AS n FROM codings GROUP BY code_id').all() as { id: number; n: number }[]).map((r) => [r.id, r.n]),
  );
  const codes = rows.map(({ segments: _s, sources, participants, ...c }) => ({
    ...c,
    counts: { segments: segs.get(c.id) ?? 0, sources, participants },
  }));
  return treeOrder(codes);
}

/** Parents before children, siblings by position: the order a tree view draws them in. */
function treeOrder(codes: Code[]): Code[] {
  const byParent = new Map<number | null, Code[]>();
  for (const c of codes) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const out: Code[] = [];
  const walk = (parent: number | null) => {
    for (const c of byParent.get(parent) ?? []) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}
