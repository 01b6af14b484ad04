/**
 * SQL conditions for "who spoke it" filters, shared by search, coding queries and matrices.
 * They assume aliases: s = sources, sp = speakers (may be NULL), p = participants (may be NULL).
 * Values are bound as named parameters, never spliced into the SQL.
 */
import type { SpeakerFilter } from '../../../shared/domain/analysis';

export const ROLE_SQL = "COALESCE(NULLIF(p.role, ''), sp.role)";

export function speakerConditions(f: SpeakerFilter | undefined, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (!f) return where;
  if (f.role !== undefined) {
    where.push(`lower(${ROLE_SQL}) = lower(@role)`);
    params.role = f.role;
  }
  if (f.participantId !== undefined) {
    where.push('sp.participant_id = @participantId');
    params.participantId = f.participantId;
  }
  if (f.attribute) {
    where.push('EXISTS (SELECT 1 FROM participant_attributes pa WHERE pa.participant_id = sp.participant_id AND pa.attribute_id = @attrId AND pa.value = @attrValue)');
    params.attrId = f.attribute.attributeId;
    params.attrValue = f.attribute.value;
  }
  if (f.groupId !== undefined) {
    where.push('(s.group_id = @groupId OR EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = @groupId AND gm.member_id = sp.participant_id))');
    params.groupId = f.groupId;
  }
  return where;
}

export function hasSpeakerFilter(f: SpeakerFilter | undefined): boolean {
  return !!f && (f.role !== undefined || f.participantId !== undefined || f.attribute !== undefined || f.groupId !== undefined);
}
