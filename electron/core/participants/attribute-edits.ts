/** Defining attributes and setting participants' attribute values. */
import type { AttributeDef, AttributeType } from '../../../shared/domain/project';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { checkValue, distinctValues, findAttribute, fixHint } from './attribute-types';
import { cleanName, commit } from './commit';
import { registerColumn } from './register-columns';

/** Attribute names must not read as a fixed register column, or the CSV export would not round-trip. */
function checkAttributeName(name: string): void {
  if (registerColumn(name)) {
    throw new FocalError('bad-input', `'${name}' is already a participant field, so it cannot also be an attribute; name the attribute differently, e.g. '${name} (other)'.`);
  }
}

export function insertAttribute(db: ProjectDb, name: string, type: AttributeType, choices: string[]): AttributeDef {
  checkAttributeName(name);
  const id = Number(db.prepare('INSERT INTO attributes (name, type, choices) VALUES (?, ?, ?)').run(name, type, JSON.stringify(choices)).lastInsertRowid);
  return { id, name, type, choices };
}

/** The attribute with this name, created as text if it does not exist yet. */
export function ensureAttribute(db: ProjectDb, rawName: string): AttributeDef {
  const name = cleanName(rawName);
  return findAttribute(db, name) ?? insertAttribute(db, name, 'text', []);
}

/** Sets (or, for null or blank, removes) attribute values; a value that does not fit its type throws 'bad-input'. */
export function setAttributeValues(db: ProjectDb, participantId: number, values: Record<string, string | number | null>): string[] {
  const changed: string[] = [];
  for (const [rawName, raw] of Object.entries(values)) {
    const blank = raw === null || (typeof raw === 'string' && raw.trim() === '');
    const def = blank ? findAttribute(db, rawName) : ensureAttribute(db, rawName);
    if (!def) continue;
    changed.push(def.name);
    if (blank) {
      db.prepare('DELETE FROM participant_attributes WHERE participant_id = ? AND attribute_id = ?').run(participantId, def.id);
      continue;
    }
    const checked = checkValue(def, raw);
    if (!checked.ok) throw new FocalError('bad-input', `Attribute '${def.name}': '${String(raw)}' ${checked.reason}; ${fixHint(def)}.`);
    writeValue(db, participantId, def.id, checked.value);
  }
  return changed;
}

export function writeValue(db: ProjectDb, participantId: number, attributeId: number, value: string): void {
  db.prepare(
    `INSERT INTO participant_attributes (participant_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ).run(participantId, attributeId, value);
}

export interface DefineInput {
  name: string;
  type: AttributeType;
  choices?: string[] | undefined;
}

/**
 * Defines a new attribute or redefines one. Redefining converts the stored values (dd/mm/yyyy text
 * becomes ISO when the type becomes date) and is refused, with nothing changed, if any value does not fit.
 */
export function defineAttribute(core: FocalCore, input: DefineInput): AttributeDef {
  return commit(core, ['participants'], (w) => {
    const name = cleanName(input.name);
    checkAttributeName(name);
    const existing = findAttribute(w.db, name);
    const values = existing
      ? (w.db
          .prepare('SELECT pa.participant_id AS participantId, p.name AS who, pa.value FROM participant_attributes pa JOIN participants p ON p.id = pa.participant_id WHERE pa.attribute_id = ? ORDER BY p.name')
          .all(existing.id) as Array<{ participantId: number; who: string; value: string }>)
      : [];
    let choices: string[] = [];
    if (input.type === 'choice') {
      choices = distinctValues((input.choices ?? (existing?.type === 'choice' ? existing.choices : values.map((v) => v.value))).map((c) => c.normalize('NFC').trim()));
      if (choices.length === 0) {
        throw new FocalError('bad-input', `Attribute '${name}' is a choice but has no choices; list them, e.g. "Under 25", "25 to 44", "45 and over".`);
      }
    }
    const def: Omit<AttributeDef, 'id'> = { name, type: input.type, choices };
    if (!existing) {
      const created = insertAttribute(w.db, name, def.type, def.choices);
      w.audit('attribute-defined', { id: created.id, name, type: def.type, choices });
      return created;
    }
    const converted = values.map((v) => ({ ...v, checked: checkValue(def, v.value) }));
    const misfits = converted.filter((v) => !v.checked.ok);
    const first = misfits[0];
    if (first && !first.checked.ok) {
      const more = misfits.length > 1 ? ` and ${misfits.length - 1} more` : '';
      throw new FocalError(
        'conflict',
        `Attribute '${existing.name}' cannot become ${input.type}: ${first.who}'s value '${first.value}' ${first.checked.reason}${more}; change or clear those values first.`,
      );
    }
    w.db.prepare('UPDATE attributes SET name = ?, type = ?, choices = ? WHERE id = ?').run(name, def.type, JSON.stringify(choices), existing.id);
    for (const v of converted) if (v.checked.ok && v.checked.value !== v.value) writeValue(w.db, v.participantId, existing.id, v.checked.value);
    w.audit('attribute-redefined', { id: existing.id, name, from: existing.type, to: def.type, choices });
    return { id: existing.id, ...def };
  });
}
