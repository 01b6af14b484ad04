/** Import throughput: 200 transcripts of 10,000 words each, through the same path as the app. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { syntheticTranscript } from '../support/synthetic';
import type { Bench } from './bench-kit';

export const importBench: Bench = {
  name: 'import',
  async run(dir) {
    const files = Array.from({ length: 200 }, (_, i) => {
      const path = join(dir, `focus-group-${i + 1}.txt`);
      writeFileSync(path, syntheticTranscript(10_000, i + 1));
      return { name: `focus-group-${i + 1}.txt`, path };
    });
    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    try {
      await core.call('project-new', { name: 'Import bench', path: join(dir, 'import.focal') });
      const t0 = performance.now();
      const env = await core.call('import-files', { files, onDuplicate: 'import' });
      const ms = performance.now() - t0;
      if (!env.ok) throw new Error(env.error.message);
      const results = env.value as Array<{ status: string; wordCount?: number }>;
      const words = results.reduce((s, r) => s + (r.wordCount ?? 0), 0);
      const failed = results.filter((r) => r.status !== 'imported').length;
      return [
        {
          benchmark: 'import 200 transcripts × 10,000 words (.txt)',
          figure: `${(ms / 1000).toFixed(2)} s, ${Math.round(words / (ms / 1000)).toLocaleString('en-NZ')} words/s`,
          target: '< 10 s',
          note: `${words.toLocaleString('en-NZ')} words${failed ? `, ${failed} FAILED` : ''}`,
        },
      ];
    } finally {
      core.dispose();
    }
  },
};
