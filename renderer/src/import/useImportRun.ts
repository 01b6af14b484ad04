/**
 * One import, from choosing options to the per-file results: creates a new group if asked, sends
 * the files in batches, follows the core's `progress` events, and lets the person import a
 * duplicate again or skip it.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportFileResult } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';
import { useApi, useFocalEvent } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { batches, toFileRef, tooBigForBrowser, type FileRef, type PendingFile } from './files';
import { isMediaName, pairRecordings, sourceOf } from '../media/link-at-import';

export type ModeChoice = 'header' | 'mainstream' | 'tikanga';
export type GroupChoice = { kind: 'none' } | { kind: 'existing'; id: number } | { kind: 'new'; name: string };
export interface ImportOptions {
  mode: ModeChoice;
  group: GroupChoice;
}

export interface Entry {
  file: PendingFile;
  result: ImportFileResult;
  /** What the person decided about a duplicate, or that it is being imported again. */
  decision?: 'skipped' | 'importing';
  /** An error from "Import again anyway". */
  error?: string;
  /** A recording dropped with its transcript: linked to it (never imported), by that transcript's title. */
  linked?: string;
}

export interface Progress {
  done: number;
  total: number;
  label: string;
}

type Phase = 'setup' | 'importing' | 'results';

function failed(file: PendingFile, message: string): ImportFileResult {
  return { fileName: file.name, status: 'failed', message };
}

export function useImportRun(files: PendingFile[]) {
  const api = useApi();
  const [phase, setPhase] = useState<Phase>('setup');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const settings = useRef<{ mode?: 'mainstream' | 'tikanga'; groupId?: number }>({});
  // Progress events count within one request; `offset` places them in the whole import.
  const batch = useRef<{ offset: number; active: boolean }>({ offset: 0, active: false });

  useFocalEvent('progress', (p) => {
    if (p.task !== 'import' || !batch.current.active) return;
    const done = Math.min(batch.current.offset + p.done, files.length);
    setProgress({ done, total: files.length, label: p.done < p.total ? p.label : `Imported ${done} of ${files.length}` });
  });

  const groupIdFor = useCallback(
    async (group: GroupChoice): Promise<number | undefined> => {
      if (group.kind === 'none') return undefined;
      if (group.kind === 'existing') return group.id;
      // A "new" group that already exists (macrons or case aside) is that group, not a second one.
      const existing = (await api['participants-list']({})).find((p) => p.kind === 'group' && fold(p.name) === fold(group.name.trim()));
      return existing ? existing.id : (await api['participant-create']({ name: group.name, kind: 'group' })).id;
    },
    [api],
  );

  const send = useCallback(
    async (refs: FileRef[], onDuplicate: 'ask' | 'import') =>
      api['import-files']({ files: refs, onDuplicate, ...settings.current }),
    [api],
  );

  /** Links each recording in the drop to its transcript (same base name); fills `results` for them. */
  const linkRecordings = useCallback(
    async (list: PendingFile[], results: ImportFileResult[]): Promise<Map<number, string>> => {
      const done = new Map<number, string>();
      const pairs = pairRecordings(list.map((f) => f.name));
      for (const [i, file] of list.entries()) {
        if (!isMediaName(file.name)) continue;
        const t = pairs.get(i);
        const source = t === undefined ? null : sourceOf(results[t]);
        if (!source) {
          results[i] = failed(file, `${file.name}: a recording is linked to a transcript, not imported; drop it with the transcript of the same name, or use Link recording… above a transcript.`);
        } else if (!file.path) {
          results[i] = failed(file, `${file.name}: in a browser tab Focal cannot see where this file is; use Link recording… above “${source.title}” with its path in Focal's folder.`);
        } else {
          try {
            await api['media-link']({ sourceId: source.sourceId, path: file.path });
            results[i] = { fileName: file.name, status: 'imported', sourceId: source.sourceId, title: source.title };
            done.set(i, source.title);
          } catch (e) {
            results[i] = failed(file, describeError(e));
          }
        }
      }
      return done;
    },
    [api],
  );

  const run = useCallback(
    async (options: ImportOptions) => {
      setError(null);
      try {
        const groupId = await groupIdFor(options.group);
        settings.current = { ...(options.mode !== 'header' ? { mode: options.mode } : {}), ...(groupId !== undefined ? { groupId } : {}) };
      } catch (e) {
        setError(describeError(e));
        return;
      }
      setPhase('importing');
      setProgress({ done: 0, total: files.length, label: 'Reading files…' });
      const results: ImportFileResult[] = [];
      for (const indexes of batches(files)) {
        const sendable: number[] = [];
        const refs: FileRef[] = [];
        for (const i of indexes) {
          const file = files[i] as PendingFile;
          // Recordings are linked below, once their transcripts are in; never sent to import.
          if (isMediaName(file.name)) continue;
          const tooBig = tooBigForBrowser(file);
          if (tooBig) results[i] = failed(file, tooBig);
          else {
            try {
              refs.push(await toFileRef(file));
              sendable.push(i);
            } catch (e) {
              results[i] = failed(file, describeError(e));
            }
          }
        }
        if (refs.length === 0) continue;
        batch.current = { offset: indexes[0] ?? 0, active: true };
        try {
          const answer = await send(refs, 'ask');
          sendable.forEach((i, k) => (results[i] = answer[k] ?? failed(files[i] as PendingFile, 'No answer from the core for this file.')));
        } catch (e) {
          const message = describeError(e);
          for (const i of sendable) results[i] = failed(files[i] as PendingFile, message);
        }
      }
      batch.current.active = false;
      const linked = await linkRecordings(files, results);
      setEntries(files.map((file, i) => ({ file, result: results[i] ?? failed(file, 'Not imported.'), ...(linked.has(i) ? { linked: linked.get(i)! } : {}) })));
      setProgress(null);
      setPhase('results');
    },
    [files, groupIdFor, send, linkRecordings],
  );

  const patch = (index: number, change: Partial<Entry>) => setEntries((prev) => prev.map((e, i) => (i === index ? { ...e, ...change } : e)));

  const importAgain = useCallback(
    async (index: number) => {
      const entry = entries[index];
      if (!entry) return;
      patch(index, { decision: 'importing' });
      try {
        const [result] = await send([await toFileRef(entry.file)], 'import');
        patch(index, { decision: undefined, result: result ?? failed(entry.file, 'No answer from the core for this file.') });
      } catch (e) {
        patch(index, { decision: undefined, error: describeError(e) });
      }
    },
    [entries, send],
  );

  const skip = useCallback((index: number) => patch(index, { decision: 'skipped' }), []);

  return { phase, error, progress, entries, run, importAgain, skip };
}
