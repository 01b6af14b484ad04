/**
 * The project glossary: term, gloss and notes on contexts. The analysts own it; a starter list
 * (resources/glossary/starter.csv) is offered, never imposed. Terms are kept as written, macrons
 * and all; a term that folds to one already there (whanau / whānau) is the same term.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { GlossaryEntry, GlossaryMatch } from '../../../shared/domain/tikanga';
import { glossaryMatcher } from '../../../shared/text/glossary-match';
import { fold } from '../../../shared/text/fold';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { resourcePath } from '../resources';

export function listGlossary(db: ProjectDb): GlossaryEntry[] {
  const rows = db.prepare('SELECT id, term, gloss, notes FROM glossary').all() as GlossaryEntry[];
  return rows.sort((a, b) => fold(a.term).localeCompare(fold(b.term)));
}

function getEntry(db: ProjectDb, id: number): GlossaryEntry {
  const row = db.prepare('SELECT id, term, gloss, notes FROM glossary WHERE id = ?').get(id) as GlossaryEntry | undefined;
  if (!row) throw new FocalError('not-found', `There is no glossary entry with id ${id}; it may have been removed.`);
  return row;
}

function sameTerm(db: ProjectDb, term: string, exceptId: number | null): GlossaryEntry | undefined {
  const f = fold(term).replace(/\s+/g, ' ').trim();
  return listGlossary(db).find((e) => e.id !== exceptId && fold(e.term).replace(/\s+/g, ' ').trim() === f);
}

export function addEntry(core: FocalCore, input: { term: string; gloss: string; notes?: string | undefined }): GlossaryEntry {
  const db = core.requireProject().db;
  const term = input.term.normalize('NFC').trim();
  const clash = sameTerm(db, term, null);
  if (clash) throw new FocalError('conflict', `The glossary already has "${clash.term}" (the same term with or without macrons); edit that entry instead.`);
  const id = Number(db.prepare('INSERT INTO glossary (term, gloss, notes) VALUES (?, ?, ?)').run(term, input.gloss.normalize('NFC').trim(), input.notes?.normalize('NFC') ?? '').lastInsertRowid);
  core.emit('changed', { kinds: ['glossary'] });
  return getEntry(db, id);
}

export function updateEntry(core: FocalCore, input: { id: number; term?: string | undefined; gloss?: string | undefined; notes?: string | undefined }): GlossaryEntry {
  const db = core.requireProject().db;
  const before = getEntry(db, input.id);
  const term = input.term?.normalize('NFC').trim() ?? before.term;
  const clash = sameTerm(db, term, before.id);
  if (clash) throw new FocalError('conflict', `The glossary already has "${clash.term}" (the same term with or without macrons).`);
  db.prepare('UPDATE glossary SET term = ?, gloss = ?, notes = ? WHERE id = ?').run(term, input.gloss?.normalize('NFC').trim() ?? before.gloss, input.notes?.normalize('NFC') ?? before.notes, before.id);
  core.emit('changed', { kinds: ['glossary'] });
  return getEntry(db, before.id);
}

export function deleteEntry(core: FocalCore, id: number): null {
  const db = core.requireProject().db;
  getEntry(db, id);
  db.prepare('DELETE FROM glossary WHERE id = ?').run(id);
  core.emit('changed', { kinds: ['glossary'] });
  return null;
}

/** Adds the CSV's terms (columns term, gloss, optional notes); terms already there (folded) are left as the analysts have them. */
export function importGlossaryCsv(core: FocalCore, fileName: string, csv: string): { added: number; skipped: number; warnings: string[] } {
  const db = core.requireProject().db;
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('term') || !fields.includes('gloss')) throw new FocalError('bad-input', `${fileName}: a glossary CSV needs the columns term and gloss (and optionally notes).`);
  const warnings: string[] = [];
  let added = 0;
  let skipped = 0;
  const insert = db.prepare('INSERT INTO glossary (term, gloss, notes) VALUES (?, ?, ?)');
  db.transaction(() => {
    const seen = new Set(listGlossary(db).map((e) => fold(e.term).replace(/\s+/g, ' ').trim()));
    parsed.data.forEach((row, i) => {
      const term = (row.term ?? '').normalize('NFC').trim();
      const gloss = (row.gloss ?? '').normalize('NFC').trim();
      if (!term || !gloss) {
        warnings.push(`${fileName}: row ${i + 2}: a term and a gloss are both needed; skipped.`);
        return;
      }
      const key = fold(term).replace(/\s+/g, ' ').trim();
      if (seen.has(key)) {
        skipped++;
        return;
      }
      seen.add(key);
      insert.run(term, gloss, (row.notes ?? '').normalize('NFC'));
      added++;
    });
    core.requireProject().audit(core.actor, 'glossary-imported', { fileName, added, skipped }, core.now());
  })();
  if (added) core.emit('changed', { kinds: ['glossary'] });
  return { added, skipped, warnings };
}

export function importStarterGlossary(core: FocalCore): { added: number; skipped: number; warnings: string[] } {
  return importGlossaryCsv(core, 'starter.csv', readFileSync(resourcePath('glossary', 'starter.csv'), 'utf8'));
}

/** Glossary terms in a text (or a source's text), with their ranges in the text as stored. */
export function lookupTerms(db: ProjectDb, text: string): GlossaryMatch[] {
  const match = glossaryMatcher(listGlossary(db));
  return match(text).map((m) => ({ start: m.start, end: m.end, entryId: m.entry.id, term: m.entry.term, gloss: m.entry.gloss }));
}
