/** REFI-QDA codebook exchange: export (with schema validation) and import (matching) of a 2,000-code codebook. */
import { join } from 'node:path';
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
      return [
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
