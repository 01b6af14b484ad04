/**
 * What a statement decides about, named by content: a source by the SHA-256 of its stored text,
 * a quote by its range, cuts and the hash of its exact kept text, a part by its range and kind.
 * A decision whose content no longer matches (a quote moved onto other text, a part re-marked)
 * counts as absent.
 */
import type { QuoteCut } from '../../../shared/domain/quotes';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { keptPieces } from '../gate/quote-text';
import { canonicalJson, sha256Hex } from './key-crypto';

export function textSha(text: string): string {
  return sha256Hex(text);
}

export function sourceSha(db: ProjectDb, sourceId: number): string {
  const text = db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string | undefined;
  if (text === undefined) throw new FocalError('not-found', `There is no transcript with id ${sourceId} in this project.`);
  return textSha(text);
}

/** The hash of a quote's kept text (its range minus cuts), exactly as stored. */
export function quoteTextHash(text: string, q: { start: number; end: number; cuts: Array<Pick<QuoteCut, 'start' | 'end'>> }): string {
  return sha256Hex(canonicalJson(keptPieces({ start: q.start, end: q.end, cuts: q.cuts.map((c) => ({ start: c.start, end: c.end, mark: '...' as const })) }).map((p) => text.slice(p.start, p.end))));
}

export interface QuoteSubject {
  id: number;
  source: string;
  start: number;
  end: number;
  cuts: Array<{ start: number; end: number }>;
  text: string;
}

export function quoteSubject(db: ProjectDb, quoteId: number, sourceText?: string): QuoteSubject {
  const q = db.prepare('SELECT id, source_id AS sourceId, start, end, cuts FROM quotes WHERE id = ?').get(quoteId) as { id: number; sourceId: number; start: number; end: number; cuts: string } | undefined;
  if (!q) throw new FocalError('not-found', `There is no quote with id ${quoteId}; it may have been removed from the quote bank.`);
  const text = sourceText ?? (db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(q.sourceId) as string);
  const cuts = (JSON.parse(q.cuts) as QuoteCut[]).map((c) => ({ start: c.start, end: c.end })).sort((a, b) => a.start - b.start);
  return { id: q.id, source: textSha(text), start: q.start, end: q.end, cuts, text: quoteTextHash(text, { start: q.start, end: q.end, cuts }) };
}

/** Whether a quote subject still names this quote's text. */
export function quoteMatches(s: Partial<QuoteSubject> | undefined, q: { id: number; start: number; end: number; cuts: Array<Pick<QuoteCut, 'start' | 'end'>> }, sourceSha: string, text: string): boolean {
  if (!s || s.id !== q.id || s.source !== sourceSha || s.start !== q.start || s.end !== q.end) return false;
  return s.text === quoteTextHash(text, q);
}
