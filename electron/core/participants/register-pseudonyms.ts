/**
 * A real name is never a pseudonym: on register import, a row whose pseudonym is a real name (full
 * name, first name or surname, folded) of anyone in the file or already in the project, or another
 * participant's pseudonym, is refused with the file, row and column named. One exception: a person's
 * own name, when the same row records their consent to be named (they agreed to appear by name, so
 * the pseudonym shows nothing they did not agree to; `focal check` still points it out).
 */
import { fold } from '../../../shared/text/fold';
import { nameVariants } from '../pseudonyms/context';
import type { ProjectDb } from '../db/open-project';

export interface PseudonymTaken {
  /** Folded real-name part → whose name it is. */
  realNames: Map<string, string>;
  /** Folded pseudonym → whose pseudonym it is. */
  pseudonyms: Map<string, string>;
}

/** The real names and pseudonyms a new pseudonym must not be: the project's people and the file's names. */
export function takenForImport(db: ProjectDb, fileNames: string[]): PseudonymTaken {
  const realNames = new Map<string, string>();
  const pseudonyms = new Map<string, string>();
  const rows = db.prepare("SELECT name, pseudonym FROM participants WHERE kind = 'person'").all() as { name: string; pseudonym: string | null }[];
  for (const name of [...rows.map((r) => r.name), ...fileNames]) {
    for (const v of nameVariants(name)) if (!realNames.has(fold(v.text))) realNames.set(fold(v.text), name);
  }
  for (const r of rows) if (r.pseudonym?.trim()) pseudonyms.set(fold(r.pseudonym.trim()), r.name);
  return { realNames, pseudonyms };
}

/**
 * Why `pseudonym` cannot be `name`'s pseudonym, or null. Records it as taken when it is accepted, so
 * a later row of the same file cannot take it again.
 */
export function pseudonymProblem(taken: PseudonymTaken, name: string, pseudonym: string, namedConsent: boolean, where: string): string | null {
  const key = fold(pseudonym);
  const real = taken.realNames.get(key);
  const own = nameVariants(name).some((v) => fold(v.text) === key);
  if (own && !namedConsent) return `${where}: '${pseudonym}' is part of ${name}'s own name, so it cannot be their pseudonym (unless they consent to be named); choose another`;
  if (real && !own) return `${where}: '${pseudonym}' is ${real === name ? 'a' : `${real}'s`} real name, so it cannot be a pseudonym; choose another`;
  const holder = taken.pseudonyms.get(key);
  if (holder && holder !== name) return `${where}: '${pseudonym}' is already ${holder}'s pseudonym; choose another so quotes are not confused`;
  taken.pseudonyms.set(key, name);
  return null;
}
