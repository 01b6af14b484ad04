/**
 * Importing a batch of transcript files: read, hash, check for duplicates, parse and store each
 * file on its own, reporting progress as it goes. A bad file gets a one-line reason naming it and
 * never stops the others; each good file is written in one transaction.
 *
 * An import is a job (electron/core/jobs): its progress events carry the job id, and `job-cancel`
 * stops it between files. The files already committed stay, each whole with its turns and audit
 * line; the file in hand is not written at all.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportFileResult } from '../../../shared/domain/project';
import type { SourceMode } from '../../../shared/domain/transcript';
import type { FocalCore } from '../app/focal-core';
import { detectSessionParts } from '../import/detect-tikanga-parts';
import { ImportError } from '../import/errors';
import { MAX_IMPORT_BYTES, parseTranscriptFile } from '../import/parse-file';
import { transcriptTitle } from '../import/title';
import { storeTranscript } from './store-transcript';
import { insertParticipant } from '../participants/participant-edits';
import { FocalError } from '../errors';
import type { Job } from '../jobs/jobs';

export interface FileRef {
  name: string;
  path?: string | undefined;
  dataBase64?: string | undefined;
}

export interface ImportOptions {
  mode?: SourceMode | undefined;
  groupId?: number | undefined;
  /** A group by name (found, or created with the first file that imports). */
  groupName?: string | undefined;
  onDuplicate: 'ask' | 'skip' | 'import';
}

function readBytes(file: FileRef): Uint8Array {
  if (file.path) {
    let size: number;
    try {
      const st = statSync(file.path);
      if (!st.isFile()) throw new ImportError(file.name, 'is a folder, not a file');
      size = st.size;
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError(file.name, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}); check it still exists and you may open it`);
    }
    // Refuse oversize files before reading them into memory.
    if (size > MAX_IMPORT_BYTES) {
      throw new ImportError(file.name, `is ${(size / 1e6).toFixed(1)} MB; Focal imports files up to 50 MB. Split it and import the parts.`);
    }
    return readFileSync(file.path);
  }
  return Buffer.from(file.dataBase64 ?? '', 'base64');
}

export async function importFiles(core: FocalCore, files: FileRef[], opts: ImportOptions): Promise<ImportFileResult[]> {
  core.requireProject();
  return core.jobs.run('import', (job) => importAsJob(core, job, files, opts));
}

async function importAsJob(core: FocalCore, job: Job, files: FileRef[], opts: ImportOptions): Promise<ImportFileResult[]> {
  const project = core.requireProject();
  const db = project.db;
  const findByHash = db.prepare('SELECT id AS sourceId, title FROM sources WHERE content_hash = ? ORDER BY id LIMIT 1');
  const results: ImportFileResult[] = [];
  const seenInBatch = new Map<string, string>();
  const total = files.length;
  let newGroupId: number | undefined;
  // One event per file (a file is the unit), each with the job's id so the UI can offer Stop.
  const progress = (done: number, label: string) => core.emit('progress', { task: 'import', jobId: job.id, cancellable: done < total, done, total, label });
  try {
    for (const [i, file] of files.entries()) {
      // Between files: events go out, and a cancel that came in stops the job here.
      await job.tick();
      // The format comes from the file that is read: a path's own name, not the name a caller gives it.
      const fileName = basename(file.path ?? file.name);
      progress(i, `Reading ${fileName}`);
      try {
        const bytes = readBytes({ ...file, name: fileName });
        const hash = createHash('sha256').update(bytes).digest('hex');
        const existing = findByHash.get(hash) as { sourceId: number; title: string } | undefined;
        const twinInBatch = seenInBatch.get(hash);
        if ((existing || twinInBatch) && opts.onDuplicate !== 'import') {
          results.push({
            fileName,
            status: 'duplicate',
            ...(existing ? { duplicateOf: existing } : {}),
            message: existing
              ? `${fileName} has the same content as "${existing.title}", already in this project.`
              : `${fileName} has the same content as ${twinInBatch}, earlier in this batch.`,
          });
          continue;
        }
        const parsed = await parseTranscriptFile(fileName, bytes);
        const parts = detectSessionParts(parsed);
        // Parsing may have waited (a .docx): a cancel that came meanwhile stops before anything is written.
        job.throwIfCancelled();
        // One transaction per file: a new group (created with the first file that imports, so a batch
        // where every file fails creates none), the transcript, and its audit line, all or nothing.
        const sourceId = db.transaction(() => {
          const groupId = opts.groupId ?? (opts.groupName ? (newGroupId ??= findOrCreateGroup(core, opts.groupName)) : null);
          const id = storeTranscript(db, parsed, { fileName, contentHash: hash, mode: opts.mode, groupId, parts, now: core.now() });
          project.audit(core.actor, 'source-imported', { file: fileName, sourceId: id, ...(groupId !== null ? { groupId } : {}) }, core.now());
          return id;
        })();
        seenInBatch.set(hash, fileName);
        const row = db.prepare('SELECT title, mode, word_count AS wordCount FROM sources WHERE id = ?').get(sourceId) as {
          title: string;
          mode: SourceMode;
          wordCount: number;
        };
        const speakers = [...new Set(parsed.blocks.flatMap((b) => (b.kind === 'turn' && b.speaker ? [b.speaker] : [])))];
        const timed = parsed.blocks.some((b) => b.kind === 'turn' && b.startMs !== undefined);
        results.push({
          fileName,
          status: 'imported',
          sourceId,
          title: row.title,
          titleFrom: transcriptTitle(parsed, fileName).from,
          mode: row.mode,
          wordCount: row.wordCount,
          speakers,
          timed,
          warnings: parsed.warnings,
        });
      } catch (e) {
        if (e instanceof FocalError && e.code === 'cancelled') throw e;
        if (e instanceof ImportError) {
          results.push({ fileName, status: 'failed', message: e.message });
        } else {
          core.log('error', `import of ${fileName} failed`, e);
          const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
          results.push({ fileName, status: 'failed', message: `${fileName}: could not be imported (${reason}).` });
        }
      }
    }
    progress(total, 'Import finished');
    return results;
  } finally {
    // Also when stopped: the files committed before are in the project, and the views should show them.
    if (results.some((r) => r.status === 'imported')) core.emit('changed', { kinds: newGroupId ? ['sources', 'participants'] : ['sources'] });
  }
}

/** The group named `name` (NFC, exact), or a new one (as participant-create makes it); inside the caller's transaction. */
function findOrCreateGroup(core: FocalCore, name: string): number {
  const project = core.requireProject();
  const wanted = name.normalize('NFC').trim();
  const found = (project.db.prepare("SELECT id, name FROM participants WHERE kind = 'group'").all() as Array<{ id: number; name: string }>).find((g) => g.name.normalize('NFC') === wanted);
  if (found) return found.id;
  const now = core.now();
  const w = { db: project.db, now, audit: (action: string, detail: unknown) => project.audit(core.actor, action, detail, now) };
  const id = insertParticipant(w, { name: wanted, kind: 'group' });
  w.audit('participant-created', { id, name: wanted, kind: 'group' });
  return id;
}
