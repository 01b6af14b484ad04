/**
 * Remote kaitiaki in the app. The analyst saves a review pack as a file (the host asks where; it is
 * audited as an export, since it holds quote text) and later imports the kaitiaki's signed
 * decisions file (the host asks which). On the kaitiaki's own machine, with no project open, Focal
 * opens the pack, the kaitiaki unlocks their key file with the passphrase, decides each quote and
 * saves the signed decisions: signing happens here, with the same statements as `focal kaitiaki
 * sign` (signPack). The open pack and its unlocked key live in memory, per core, for the session.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FocalCore } from '../app/focal-core';
import { withAuditedFile } from '../audit/audited-file';
import { FocalError } from '../errors';
import { writeAtomically } from '../export/write-file';
import type { DataFileKind } from '../host';
import type { ReviewPack } from '../../../shared/domain/kaitiaki';
import type { OpenReviewPack, ReviewDecision } from '../../../shared/api/calls-kaitiaki';
import { canonicalJson, sha256Hex, unlockKeyFile, type UnlockedKey } from './key-crypto';
import { readKeyFile } from './keys';
import { buildReviewPack, importDecisions, parseDecisionsFile, parseReviewPack, signPack, type ImportResult } from './review-pack';

interface ReviewSession {
  pack: ReviewPack;
  fileName: string;
  /** Quotes whose shown text is the text their decision would sign (others cannot be decided). */
  checked: Map<number, string | null>;
  key: UnlockedKey | null;
}

const sessions = new WeakMap<FocalCore, ReviewSession>();

async function chooseDataFile(core: FocalCore, purpose: 'save' | 'open', kind: DataFileKind, suggested: string): Promise<string | null> {
  if (!core.host.chooseDataFile) throw new FocalError('bad-input', 'This version of Focal cannot ask for a file here; on the command line use `focal kaitiaki review-pack|sign|import-decisions`.');
  return core.host.chooseDataFile(purpose, kind, suggested);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new FocalError('not-found', `The ${what} ${basename(path)} could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

// ---- The analyst ---------------------------------------------------------------------------

export interface SavedPack {
  cancelled: boolean;
  path: string | null;
  quotes: number;
  exportId: number | null;
}

/** Build the group's review pack in the core and save it where the host says; audited as an export of those quotes. */
export async function saveReviewPack(core: FocalCore, groupId: number): Promise<SavedPack> {
  const pack = buildReviewPack(core, groupId);
  if (!pack.quotes.length) throw new FocalError('bad-input', `No quote of '${pack.groupName}' is awaiting ${pack.kaitiakiName}'s decision, so there is nothing to send.`);
  const path = await chooseDataFile(core, 'save', 'review-pack', `${pack.groupName} review pack for ${pack.kaitiakiName}.json`);
  if (!path) return { cancelled: true, path: null, quotes: pack.quotes.length, exportId: null };
  const db = core.requireProject().db;
  const bytes = Buffer.from(`${JSON.stringify(pack, null, 2)}\n`, 'utf8');
  const alsoRecord = (exportId: number) => {
    // Each quote in the pack left the app as text (for the kaitiaki to read): recorded like the return export's turns.
    const item = db.prepare("INSERT INTO export_items (export_id, quote_id, source_id, start, end, outcome, reasons) VALUES (?, ?, ?, ?, ?, 'passed', '[]')");
    for (const q of pack.quotes) {
      const row = db.prepare('SELECT source_id AS sourceId, start, end FROM quotes WHERE id = ?').get(q.quoteId) as { sourceId: number; start: number; end: number };
      item.run(exportId, q.quoteId, row.sourceId, row.start, row.end);
    }
  };
  const { exportId } = withAuditedFile(core, { format: 'json', profile: 'review-pack', quotes: [], action: 'kaitiaki-review-pack-saved', detail: { groupId, quotes: pack.quotes.length, fingerprint: pack.fingerprint }, alsoRecord }, path, bytes);
  core.emit('changed', { kinds: ['quotes'] });
  return { cancelled: false, path, quotes: pack.quotes.length, exportId };
}

export interface ImportedFile extends ImportResult {
  cancelled: boolean;
  fileName: string | null;
}

/** The analyst imports the kaitiaki's decisions file (the host asks which); it must be for this group. */
export async function importDecisionsFile(core: FocalCore, groupId: number): Promise<ImportedFile> {
  core.requireProject();
  const path = await chooseDataFile(core, 'open', 'kaitiaki-decisions', 'kaitiaki decisions.json');
  if (!path) return { cancelled: true, fileName: null, imported: 0, skipped: [] };
  const file = parseDecisionsFile(readText(path, 'decisions file'), basename(path));
  if (file.groupId !== groupId) throw new FocalError('bad-input', `${basename(path)} holds decisions for another group than this one; import it from that group's page.`);
  if (!Array.isArray(file.statements) || file.statements.some((s) => typeof s?.body !== 'string' || typeof s?.signature !== 'string')) {
    throw new FocalError('bad-input', `${basename(path)} is not a kaitiaki decisions file this version of Focal reads.`);
  }
  return { cancelled: false, fileName: basename(path), ...importDecisions(core, file) };
}

// ---- The kaitiaki, on their own machine (no project) ----------------------------------------

/** Why a pack's quote cannot be decided (its shown text is not the text its decision would sign), or null. */
function textProblem(q: ReviewPack['quotes'][number]): string | null {
  const ok = (v: unknown): v is string => typeof v === 'string';
  if (typeof q?.quoteId !== 'number' || !ok(q.text) || !ok(q.before) || !ok(q.after) || !q.subject || typeof q.subject !== 'object') return 'this entry of the pack is not readable';
  if (!Array.isArray(q.pieces) || !q.pieces.every(ok)) return 'the pack does not carry the exact text to sign (it was made by another version of Focal); ask for a new pack';
  if (q.pieces.join(' […] ') !== q.text || sha256Hex(canonicalJson(q.pieces)) !== q.subject.text || q.subject.id !== q.quoteId) {
    return 'the text shown is not the text a decision would sign (the pack was changed after it was made); ask the analyst for a new pack';
  }
  return null;
}

function view(s: ReviewSession): OpenReviewPack {
  const p = s.pack;
  return {
    fileName: s.fileName,
    groupName: String(p.groupName),
    kaitiakiName: String(p.kaitiakiName),
    fingerprint: String(p.fingerprint),
    createdAt: String(p.createdAt),
    unlocked: s.key !== null,
    quotes: p.quotes.map((q) => ({ quoteId: q.quoteId, text: String(q.text ?? ''), before: String(q.before ?? ''), after: String(q.after ?? ''), problem: s.checked.get(q.quoteId) ?? null })),
  };
}

function requireSession(core: FocalCore): ReviewSession {
  const s = sessions.get(core);
  if (!s) throw new FocalError('bad-input', 'No review pack is open: open one first (Open review pack…).');
  return s;
}

/** Open a review pack the host chooses; needs no project. Replaces (and locks) any pack open before. */
export async function openReviewPack(core: FocalCore): Promise<OpenReviewPack | null> {
  const path = await chooseDataFile(core, 'open', 'review-pack', 'review pack.json');
  if (!path) return null;
  const pack = parseReviewPack(readText(path, 'review pack'), basename(path));
  if (typeof pack.groupId !== 'number' || typeof pack.fingerprint !== 'string' || typeof pack.kaitiakiName !== 'string') throw new FocalError('bad-input', `${basename(path)} is not a review pack this version of Focal reads.`);
  const checked = new Map<number, string | null>();
  for (const q of pack.quotes) checked.set(q?.quoteId, textProblem(q));
  const s: ReviewSession = { pack, fileName: basename(path), checked, key: null };
  sessions.set(core, s);
  return view(s);
}

export function currentReviewPack(core: FocalCore): OpenReviewPack | null {
  const s = sessions.get(core);
  return s ? view(s) : null;
}

/** Unlock the kaitiaki's key file (the host asks which) with the passphrase; it must be the key the pack was made for. */
export async function unlockForPack(core: FocalCore, passphrase: string, keyFile?: string): Promise<OpenReviewPack> {
  const s = requireSession(core);
  let path: string | null;
  if (keyFile !== undefined) {
    if (core.host.platform !== 'cli') throw new FocalError('bad-input', 'The app chooses the key file through its own dialog; a path is taken only on the command line.');
    path = keyFile;
  } else {
    if (!core.host.chooseKeyFile) throw new FocalError('bad-input', 'Say where the key file is (--key-file).');
    path = await core.host.chooseKeyFile('open', `${s.pack.groupName} kaitiaki key`);
  }
  if (!path) return view(s);
  const key = unlockKeyFile(readKeyFile(path), passphrase);
  if (key.fingerprint !== s.pack.fingerprint) {
    throw new FocalError('forbidden', `This key (${key.fingerprint}) is not the kaitiaki key this pack was made for (${s.pack.fingerprint}, ${s.pack.kaitiakiName}'s key for '${s.pack.groupName}').`);
  }
  s.key = key;
  return view(s);
}

export interface SavedDecisions {
  cancelled: boolean;
  path: string | null;
  approved: number;
  refused: number;
}

/** Sign the decisions with the unlocked key (signPack, as `focal kaitiaki sign`) and save the file where the host says. */
export async function saveDecisions(core: FocalCore, decisions: ReviewDecision[]): Promise<SavedDecisions> {
  const s = requireSession(core);
  if (!s.key) throw new FocalError('forbidden', `Unlock ${s.pack.kaitiakiName}'s kaitiaki key (with the passphrase) before signing decisions.`);
  const approve: number[] = [];
  const refuse: number[] = [];
  const conditions: Record<number, string> = {};
  const seen = new Set<number>();
  for (const d of decisions) {
    if (seen.has(d.quoteId)) throw new FocalError('bad-input', `Quote ${d.quoteId} is decided twice; decide each quote once.`);
    seen.add(d.quoteId);
    if (!s.checked.has(d.quoteId)) throw new FocalError('not-found', `Quote ${d.quoteId} is not in this review pack.`);
    const problem = s.checked.get(d.quoteId);
    if (problem) throw new FocalError('bad-input', `Quote ${d.quoteId} cannot be decided: ${problem}.`);
    (d.decision === 'approved' ? approve : refuse).push(d.quoteId);
    if (d.conditions?.trim()) conditions[d.quoteId] = d.conditions;
  }
  const file = signPack(s.pack, s.key, { approve, refuse, conditions }, core.now());
  const path = await chooseDataFile(core, 'save', 'kaitiaki-decisions', `${s.pack.groupName} kaitiaki decisions.json`);
  if (!path) return { cancelled: true, path: null, approved: approve.length, refused: refuse.length };
  writeAtomically(path, Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8'));
  return { cancelled: false, path, approved: approve.length, refused: refuse.length };
}

export function closeReviewPack(core: FocalCore): null {
  sessions.delete(core);
  return null;
}
