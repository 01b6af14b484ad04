/**
 * Typed participant attributes (text, number, date, choice): reading the definitions, checking a
 * value against its type (dates stored ISO, choices stored as defined), and guessing the type of
 * a register column from its values.
 */
import type { AttributeDef, AttributeType } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';
import type { ProjectDb } from '../db/open-project';
import { parseDate } from '../import/parse-date';

export function listAttributes(db: ProjectDb): AttributeDef[] {
  const rows = db.prepare('SELECT id, name, type, choices FROM attributes ORDER BY id').all() as Array<Omit<AttributeDef, 'choices'> & { choices: string }>;
  return rows.map((r) => ({ ...r, choices: JSON.parse(r.choices) as string[] }));
}

/** The attribute with this name, ignoring case and macrons (`Iwi` is `iwi`). */
export function findAttribute(db: ProjectDb, name: string): AttributeDef | undefined {
  const key = fold(name.normalize('NFC').trim());
  return listAttributes(db).find((a) => fold(a.name) === key);
}

export type Checked = { ok: true; value: string } | { ok: false; reason: string };

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A value as stored for this attribute, or why it does not fit (e.g. `is not a number`). */
export function checkValue(def: Pick<AttributeDef, 'type' | 'choices'>, raw: string | number): Checked {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: 'is not a number' };
    if (def.type === 'number' || def.type === 'text') return { ok: true, value: String(raw) };
    raw = String(raw);
  }
  const s = raw.normalize('NFC').trim();
  switch (def.type) {
    case 'text':
      return { ok: true, value: s };
    case 'number':
      return NUMBER.test(s) ? { ok: true, value: String(Number(s)) } : { ok: false, reason: 'is not a number' };
    case 'date': {
      const iso = parseDate(s);
      return iso ? { ok: true, value: iso } : { ok: false, reason: 'is not a date' };
    }
    case 'choice': {
      const hit = def.choices.find((c) => fold(c) === fold(s));
      return hit !== undefined ? { ok: true, value: hit } : { ok: false, reason: `is not one of the choices (${def.choices.join(', ')})` };
    }
  }
}

/** What to do about a value that does not fit, for messages. */
export function fixHint(def: Pick<AttributeDef, 'type' | 'name'>): string {
  switch (def.type) {
    case 'number':
      return 'give a number such as 42';
    case 'date':
      return 'give a date as yyyy-mm-dd or dd/mm/yyyy';
    case 'choice':
      return `choose one of its choices, or add this one by redefining '${def.name}'`;
    default:
      return 'give some text';
  }
}

/** Distinct values in first-seen order, compared without case or macrons. */
export function distinctValues(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (!seen.has(fold(v))) seen.set(fold(v), v);
  return [...seen.values()];
}

/**
 * The type of a register column from its (non-blank, trimmed) values: all numbers → number, all
 * dates → date, at most 8 distinct values over at least 4 rows with some repeated → choice, else text.
 */
export function inferType(values: string[]): { type: AttributeType; choices: string[] } {
  if (values.length === 0) return { type: 'text', choices: [] };
  if (values.every((v) => NUMBER.test(v))) return { type: 'number', choices: [] };
  if (values.every((v) => parseDate(v) !== undefined)) return { type: 'date', choices: [] };
  const distinct = distinctValues(values);
  if (values.length >= 4 && distinct.length <= 8 && distinct.length < values.length) return { type: 'choice', choices: distinct };
  return { type: 'text', choices: [] };
}
