/**
 * What a merge reports but never applies: the lead's records (consent, pseudonyms, pseudonym
 * rules and decisions, withdrawal marks, sensitivity labels). Each area is read from both files as
 * comparable lines (ids replaced by GUIDs) and the differences listed. Kaitiaki statements are the
 * exception: one that verifies against the group's key in the lead's project is imported, because
 * its signature is its authority.
 */
import type Database from 'better-sqlite3';
import type { MergeFileReport } from '../../../shared/api/calls-team';
import type { ProjectDb } from '../db/open-project';
import { groupStatements } from '../kaitiaki/statements';
import type { ExtraRows } from './merge-history';
import type { Maps } from './merge-items';

const AREAS: Array<{ area: string; sql: string }> = [
  { area: 'consent', sql: "SELECT p.guid AS k, p.name || ': recording ' || c.recording || ', quotes ' || c.quote || ', named ' || c.named || coalesce(', withdrawn ' || c.withdrawn_on, '') || CASE WHEN c.conditions <> '' THEN ', conditions: ' || c.conditions ELSE '' END AS d FROM consents c JOIN participants p ON p.id = c.participant_id" },
  { area: 'collective consent', sql: "SELECT p.guid AS k, p.name || ': given ' || cc.given_on || ' (analysis ' || cc.for_analysis || ', quotes ' || cc.for_quotes || ', attribution ' || cc.for_group_attribution || ', return ' || cc.for_return || ')' || coalesce(', revoked ' || cc.revoked_on, '') AS d FROM collective_consents cc JOIN participants p ON p.id = cc.group_id" },
  { area: 'pseudonym', sql: "SELECT p.guid AS k, p.name || ' → ' || p.pseudonym AS d FROM participants p WHERE p.pseudonym IS NOT NULL" },
  { area: 'pseudonym rule', sql: "SELECT '' AS k, term || ' → ' || replacement || ' (' || category || ', variants ' || variants || ')' AS d FROM pseudonym_rules" },
  { area: 'pseudonym decision', sql: "SELECT '' AS k, text || ': ' || decision AS d FROM pseudonym_decisions" },
  { area: 'withdrawal or restriction mark', sql: "SELECT s.guid AS k, s.title || ' ' || m.start || '–' || m.end || ': ' || m.kind AS d FROM passage_marks m JOIN sources s ON s.id = m.source_id" },
  { area: 'sensitivity label', sql: "SELECT s.guid AS k, s.title || coalesce(' ' || l.start || '–' || l.end, ' (whole source)') || ': ' || l.label AS d FROM sensitivity_labels l JOIN sources s ON s.id = l.source_id" },
];

export function reportLeadOnly(lead: ProjectDb, copy: Database.Database, r: MergeFileReport): void {
  for (const { area, sql } of AREAS) {
    const read = (db: ProjectDb | Database.Database) => new Map((db.prepare(sql).all() as Array<{ k: string; d: string }>).map((x) => [`${x.k}\u0000${x.d}`, x.d]));
    const a = read(lead);
    const b = read(copy);
    for (const [k, d] of b) if (!a.has(k)) r.leadOnly.push({ area, change: 'only in the copy', detail: d });
    for (const [k, d] of a) if (!b.has(k)) r.leadOnly.push({ area, change: 'only in the project', detail: d });
  }
}

export function importStatements(lead: ProjectDb, copy: Database.Database, maps: Maps, r: MergeFileReport, now: string, extra: ExtraRows): void {
  const have = lead.prepare('SELECT 1 FROM kaitiaki_statements WHERE hash = ?').pluck();
  const inserted = new Map<number, number[]>();
  for (const s of copy.prepare('SELECT * FROM kaitiaki_statements ORDER BY id').all() as Array<Record<string, unknown>>) {
    if (have.get(s.hash)) {
      r.kaitiaki.alreadyPresent++;
      continue;
    }
    const group = maps.participants.get(s.group_id as number);
    // The signed body names the group by id: it can only stand in a project where that id is the same group.
    if (group === undefined || group !== s.group_id) {
      r.kaitiaki.notVerified++;
      continue;
    }
    const id = extra.insert(lead, 'kaitiaki_statements', { group_id: group, kind: s.kind, body: s.body, signature: s.signature, fingerprint: s.fingerprint, hash: s.hash, record_table: null, record_id: null, recorded_at: now });
    inserted.set(group, [...(inserted.get(group) ?? []), id]);
  }
  for (const [group, ids] of inserted) {
    const valid = new Set(groupStatements(lead, group).valid.map((v) => v.id));
    for (const id of ids) {
      if (valid.has(id)) r.kaitiaki.imported++;
      else {
        lead.prepare('DELETE FROM kaitiaki_statements WHERE id = ?').run(id);
        extra.drop('kaitiaki_statements', id);
        r.kaitiaki.notVerified++;
      }
    }
  }
}
