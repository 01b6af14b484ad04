/**
 * REFI-QDA exchange: codebook export (with schema validation) and import (matching) of a 2,000-code
 * codebook; a whole project (.qdpx, 1M words, 50,000 codings) exported (full profile: gate logic,
 * schema validation, zip, audit) and imported as a new project (speaker detection, position maps).
 */
import { join } from 'node:path';
import { parseTranscriptFile } from '../../electron/core/import/parse-file';
import { storeTranscript } from '../../electron/core/sources/store-transcript';
import { syntheticTranscript } from '../support/synthetic';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { type Bench, fmt } from './bench-kit';

const ROOTS = 50;
const CHILDREN = 39;

export const exchangeBench: Bench = {
  name: 'exchange',
  async run(dir) {
    const out = join(dir, 'book.qdc');
    const host = { ...headlessHost('cli'), chooseExportPath: async () => out };
    const a = new FocalCore({ dataDir: join(dir, 'app-a'), host, logger: () => {} });
    const b = new FocalCore({ dataDir: join(dir, 'app-b'), host, logger: () => {} });
    const must = async (core: FocalCore, name: string, input: unknown) => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(env.error.message);
      return env.value as Record<string, unknown>;
    };
    try {
      await must(a, 'project-new', { name: 'Exchange bench', path: join(dir, 'a.focal') });
      await must(b, 'project-new', { name: 'Exchange bench copy', path: join(dir, 'b.focal') });
      const db = a.requireProject().db;
      const insert = db.prepare("INSERT INTO codes (frame_id, parent_id, name, color, description, position, created_at) VALUES (1, ?, ?, '#336699', ?, ?, 'now')");
      db.transaction(() => {
        for (let r = 0; r < ROOTS; r++) {
          const root = Number(insert.run(null, `Theme ${r + 1} whānau`, `What theme ${r + 1} covers & why`, r).lastInsertRowid);
          for (let c = 0; c < CHILDREN; c++) insert.run(root, `Sub-code ${r + 1}.${c + 1}`, c % 3 ? '' : 'A description <with> markup-like text', c);
        }
      })();
      const codes = ROOTS * (CHILDREN + 1);
      const t0 = performance.now();
      await must(a, 'qdc-export', { frameId: 1 });
      const exportMs = performance.now() - t0;
      const t1 = performance.now();
      const first = await must(b, 'qdc-import', { file: { name: 'book.qdc', path: out }, frameId: 1 });
      const importMs = performance.now() - t1;
      const t2 = performance.now();
      const again = await must(b, 'qdc-import', { file: { name: 'book.qdc', path: out }, frameId: 1 });
      const againMs = performance.now() - t2;
      const project = await projectRows(dir, host, must);
      return [
        ...project,
        { benchmark: `codebook export, ${codes.toLocaleString('en')} codes (validated, audited)`, figure: fmt(exportMs), target: '< 2 s' },
        { benchmark: `codebook import, ${codes.toLocaleString('en')} codes into a fresh project`, figure: fmt(importMs), target: '< 2 s', note: `${first.created} created` },
        { benchmark: 'codebook import again (every code matched by GUID)', figure: fmt(againMs), target: '< 2 s', note: `${again.matched} matched, ${again.created} created` },
      ];
    } finally {
      a.dispose();
      b.dispose();
    }
  },
};

const SOURCES = 50;
const WORDS_EACH = 20_000;
const CODINGS = 50_000;

/** A 1M-word project with 50,000 codings, exported as .qdpx and imported as a new project. */
async function projectRows(dir: string, baseHost: ReturnType<typeof headlessHost>, must: (core: FocalCore, name: string, input: unknown) => Promise<Record<string, unknown>>) {
  const out = join(dir, 'big.qdpx');
  const host = { ...baseHost, chooseExportPath: async () => out };
  const core = new FocalCore({ dataDir: join(dir, 'app-c'), host, logger: () => {} });
  try {
    await must(core, 'project-new', { name: 'Exchange bench project', path: join(dir, 'big.focal') });
    const db = core.requireProject().db;
    const codeIds: number[] = [];
    const insertCode = db.prepare("INSERT INTO codes (frame_id, parent_id, name, color, description, position, created_at) VALUES (1, NULL, ?, '#336699', '', ?, 'now')");
    for (let c = 0; c < 100; c++) codeIds.push(Number(insertCode.run(`Code ${c + 1}`, c).lastInsertRowid));
    let words = 0;
    for (let s = 0; s < SOURCES; s++) {
      const parsed = await parseTranscriptFile(`fg-${s}.txt`, Buffer.from(syntheticTranscript(WORDS_EACH, s + 1)));
      const sourceId = storeTranscript(db, parsed, { fileName: `fg-${s}.txt`, contentHash: `bench-${s}`, parts: [], now: '2024-01-01T00:00:00.000Z' });
      words += (db.prepare('SELECT word_count FROM sources WHERE id = ?').pluck().get(sourceId) as number);
    }
    const blocks = db.prepare("SELECT source_id AS s, start, end FROM blocks WHERE kind = 'turn' ORDER BY id").all() as Array<{ s: number; start: number; end: number }>;
    const insertCoding = db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, '2024-01-01T00:00:00.000Z')");
    db.transaction(() => {
      for (let i = 0; i < CODINGS; i++) {
        const b = blocks[i % blocks.length]!;
        const mid = b.start + Math.floor((b.end - b.start) / 2);
        insertCoding.run(codeIds[i % codeIds.length], b.s, i % 2 ? b.start : mid, i % 2 ? mid : b.end, i % 3 ? 'Coder A' : 'Coder B');
      }
    })();
    // CPU time (this process and its validator worker) is reported beside wall time: on a shared machine it says more.
    const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const exported = await must(core, 'qdpx-export', { profile: 'full' });
    const exportMs = performance.now() - t0;
    const exportCpu = cpuMs(process.cpuUsage(c0));
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const imported = await must(core, 'qdpx-import', { file: { name: 'big.qdpx', path: out }, out: join(dir, 'big-imported.focal') });
    const importMs = performance.now() - t1;
    const importCpu = cpuMs(process.cpuUsage(c1));
    const counts = imported.counts as { codings: number; sources: number };
    return [
      { benchmark: `project export (.qdpx, full), ${Math.round(words / 1000).toLocaleString('en')}k words, ${CODINGS.toLocaleString('en')} codings (validated, zipped, audited)`, figure: fmt(exportMs), target: '< 5 s', note: `${(exported.counts as { codings: number }).codings} codings written; CPU ${fmt(exportCpu)}` },
      { benchmark: 'project import (.qdpx) as a new project (speaker detection, position maps)', figure: fmt(importMs), target: '< 5 s', note: `${counts.sources} sources, ${counts.codings} codings; CPU ${fmt(importCpu)}` },
    ];
  } finally {
    core.dispose();
  }
}
