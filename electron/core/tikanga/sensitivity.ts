/**
 * Sensitivity labels on a whole source or a passage: open (noa), community use only, restricted
 * (tapu). Only the named kaitiaki of the source's group sets or removes them. A restricted passage
 * is masked in what the core hands to a view outside the kaupapa Māori frame: its characters are
 * replaced one for one (so every offset still holds) and its range is listed, so the view shows a
 * notice; the words themselves never leave the core.
 */
import type { SourceDetail } from '../../../shared/domain/project';
import type { MaskedRange, SensitivityLabel, SensitivityMark } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { fold } from '../../../shared/text/fold';
import { governingGroups, unlockedGroupKey } from '../kaitiaki/authority';
import { storeStatement } from '../kaitiaki/statements';
import { sourceSha } from '../kaitiaki/subjects';
import { verifiedReaders } from '../kaitiaki/verified-decisions';
import { requireKaitiaki, requireSourceRow } from './kaitiaki';

const COLUMNS = `l.id, l.source_id AS sourceId, l.start, l.end, l.label, l.set_by_id AS setById, p.name AS setByName, l.set_at AS setAt
  FROM sensitivity_labels l JOIN participants p ON p.id = l.set_by_id`;

export function listLabels(db: ProjectDb, sourceId: number): SensitivityMark[] {
  requireSourceRow(db, sourceId);
  return db.prepare(`SELECT ${COLUMNS} WHERE l.source_id = ? ORDER BY coalesce(l.start, -1), l.id`).all(sourceId) as SensitivityMark[];
}

export function setLabel(core: FocalCore, input: { sourceId: number; start?: number | null | undefined; end?: number | null | undefined; label: SensitivityLabel }): SensitivityMark {
  const db = core.requireProject().db;
  const source = requireSourceRow(db, input.sourceId);
  const { kaitiakiId, kaitiakiName, key, groupId } = requireKaitiaki(core, source.group_id, `"${source.title}"`);
  const whole = input.start === undefined || input.start === null;
  const start = whole ? null : input.start!;
  const end = whole ? null : (input.end ?? null);
  if (!whole) {
    if (end === null || end <= start!) throw new FocalError('bad-input', 'Select the passage to label (its end must be after its start).');
    if (end > source.text.length) throw new FocalError('bad-input', `The range ${start}–${end} runs past the end of "${source.title}" (${source.text.length} characters).`);
  }
  const id = db.transaction(() => {
    // One label per exact range (or per whole source): setting it again changes it.
    const prev = db.prepare('SELECT id, label FROM sensitivity_labels WHERE source_id = ? AND start IS ? AND end IS ?').get(source.id, start, end) as { id: number; label: string } | undefined;
    if (prev) db.prepare('DELETE FROM sensitivity_labels WHERE id = ?').run(prev.id);
    const id = Number(db.prepare('INSERT INTO sensitivity_labels (source_id, start, end, label, set_by_id, set_at) VALUES (?, ?, ?, ?, ?, ?)').run(source.id, start, end, input.label, kaitiakiId, core.now()).lastInsertRowid);
    storeStatement(db, key, {
      groupId,
      kind: 'label-set',
      by: kaitiakiName,
      at: core.now(),
      subject: { source: { id: source.id, sha256: sourceSha(db, source.id) }, start, end, label: input.label, previous: prev?.label ?? null },
      record: { table: 'sensitivity_labels', id },
    });
    core.requireProject().audit(core.actor, 'sensitivity-label-set', { sourceId: source.id, start, end, label: input.label, previous: prev?.label ?? null, kaitiaki: kaitiakiName }, core.now());
    return id;
  })();
  core.emit('changed', { kinds: ['sources'] });
  return db.prepare(`SELECT ${COLUMNS} WHERE l.id = ?`).get(id) as SensitivityMark;
}

export function removeLabel(core: FocalCore, id: number): null {
  const db = core.requireProject().db;
  const row = db.prepare(`SELECT ${COLUMNS} WHERE l.id = ?`).get(id) as SensitivityMark | undefined;
  if (!row) throw new FocalError('not-found', `There is no sensitivity label with id ${id}; it may have been removed.`);
  const source = requireSourceRow(db, row.sourceId);
  const { kaitiakiName, key, groupId } = requireKaitiaki(core, source.group_id, `"${source.title}"`);
  db.transaction(() => {
    db.prepare('DELETE FROM sensitivity_labels WHERE id = ?').run(id);
    storeStatement(db, key, {
      groupId,
      kind: 'label-remove',
      by: kaitiakiName,
      at: core.now(),
      subject: { source: { id: source.id, sha256: sourceSha(db, source.id) }, start: row.start, end: row.end, label: row.label },
      record: { table: 'sensitivity_labels', id },
    });
    core.requireProject().audit(core.actor, 'sensitivity-label-removed', { sourceId: row.sourceId, start: row.start, end: row.end, label: row.label, kaitiaki: kaitiakiName }, core.now());
  })();
  core.emit('changed', { kinds: ['sources'] });
  return null;
}

/**
 * Whether the viewer may read restricted text: the kaitiaki (their key unlocked in this session),
 * or, working in a kaupapa Māori frame, a person on the kaitiaki's signed readers list. A frame id
 * alone, or the kaitiaki's name typed as one's own, opens nothing.
 */
export function mayReadRestricted(core: FocalCore, sourceId: number, frameId: number | undefined): boolean {
  const db = core.requireProject().db;
  let kaupapa = false;
  if (frameId !== undefined) {
    const kind = db.prepare('SELECT kind FROM code_frames WHERE id = ?').pluck().get(frameId) as string | undefined;
    if (kind === undefined) throw new FocalError('not-found', `There is no code frame with id ${frameId}.`);
    kaupapa = kind === 'kaupapa-maori';
  }
  const groups = governingGroups(db, sourceId);
  if (groups.some((g) => unlockedGroupKey(core, g) !== null)) return true;
  if (!kaupapa) return false;
  const me = fold(core.actor).replace(/\s+/g, ' ').trim();
  return me !== '' && groups.some((g) => verifiedReaders(db, g).some((r) => fold(r).replace(/\s+/g, ' ').trim() === me));
}

/** Restricted ranges of a source, merged; a restricted whole-source label covers the whole text. */
export function restrictedRanges(db: ProjectDb, sourceId: number, textLength: number): MaskedRange[] {
  const rows = db.prepare("SELECT start, end FROM sensitivity_labels WHERE source_id = ? AND label = 'restricted' ORDER BY coalesce(start, -1)").all(sourceId) as { start: number | null; end: number | null }[];
  const ranges = rows.map((r) => (r.start === null ? { start: 0, end: textLength } : { start: r.start, end: Math.min(r.end ?? 0, textLength) })).sort((a, b) => a.start - b.start);
  const merged: MaskedRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else if (r.end > r.start) merged.push({ ...r, label: 'restricted' });
  }
  return merged;
}

/** Replaces each code unit in the ranges with U+2022 (•), keeping line breaks: same length, same offsets, no words. */
export function maskText(text: string, ranges: MaskedRange[]): string {
  if (!ranges.length) return text;
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start) + text.slice(r.start, r.end).replace(/[^\n]/g, '•');
    at = r.end;
  }
  return out + text.slice(at);
}

/** A source as this viewer may see it: restricted passages masked unless they may read them. */
export function sourceForViewer(core: FocalCore, source: SourceDetail, frameId: number | undefined): SourceDetail & { masked: MaskedRange[] } {
  const db = core.requireProject().db;
  const ranges = restrictedRanges(db, source.id, source.text.length);
  if (!ranges.length || mayReadRestricted(core, source.id, frameId)) return { ...source, masked: [] };
  const overlaps = (a: { start: number; end: number }) => ranges.some((r) => a.start < r.end && a.end > r.start);
  const annotations = source.annotations.map((a) => (overlaps(a) ? { ...a, text: a.text.replace(/[^\n]/g, '•') } : a));
  // A masked turn's times would place the restricted passage in the recording: they go too (electron/core/media).
  const blocks = source.blocks.map((b) => (overlaps(b) && (b.startMs !== null || b.endMs !== null) ? { ...b, startMs: null, endMs: null } : b));
  return { ...source, text: maskText(source.text, ranges), annotations, blocks, masked: ranges };
}

/**
 * Retrieved segments as this viewer may see them: a segment of a code outside the kaupapa Māori
 * frame loses the words of any restricted passage it touches (text and context), offsets kept.
 */
export function segmentsForViewer<S extends { codeId: number; sourceId: number; start: number; end: number; text: string; before: string; after: string }>(core: FocalCore, segments: S[]): S[] {
  const db = core.requireProject().db;
  const frameOf = db.prepare('SELECT frame_id FROM codes WHERE id = ?').pluck();
  const masked = new Map<number, { text: string; ranges: MaskedRange[] } | null>();
  const maskedText = (sourceId: number) => {
    if (!masked.has(sourceId)) {
      const text = db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string;
      const ranges = restrictedRanges(db, sourceId, text.length);
      masked.set(sourceId, ranges.length ? { text: maskText(text, ranges), ranges } : null);
    }
    return masked.get(sourceId) ?? null;
  };
  return segments.map((s) => {
    const m = maskedText(s.sourceId);
    if (m === null || mayReadRestricted(core, s.sourceId, frameOf.get(s.codeId) as number)) return s;
    const text = m.text;
    // A time would place the restricted words in the recording (electron/core/media): it goes too.
    if ('time' in s && m.ranges.some((r) => s.start < r.end && s.end > r.start)) {
      const { time: _time, ...rest } = s as S & { time?: unknown };
      return { ...(rest as S), text: text.slice(s.start, s.end), before: text.slice(s.start - s.before.length, s.start), after: text.slice(s.end, s.end + s.after.length) };
    }
    return { ...s, text: text.slice(s.start, s.end), before: text.slice(s.start - s.before.length, s.start), after: text.slice(s.end, s.end + s.after.length) };
  });
}
