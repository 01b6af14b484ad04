/** The round trip of applying one code (dispatcher → validation → undoable transaction → reply). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { syntheticTranscript } from '../support/synthetic';
import { type Bench, fmt, stats } from './bench-kit';

export const codingBench: Bench = {
  name: 'coding',
  async run(dir) {
    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    const must = async (name: string, input: unknown) => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(env.error.message);
      return env.value as Record<string, unknown>;
    };
    try {
      await must('project-new', { name: 'Coding bench', path: join(dir, 'coding.focal') });
      const file = join(dir, 'big.txt');
      writeFileSync(file, syntheticTranscript(100_000, 7));
      await must('import-files', { files: [{ name: 'big.txt', path: file }] });
      const code = await must('code-create', { frameId: 1, name: 'Hope' });
      const samples: number[] = [];
      for (let i = 0; i < 500; i++) {
        const t0 = performance.now();
        await must('coding-apply', { codeId: code.id, sourceId: 1, start: i * 40, end: i * 40 + 25 });
        samples.push(performance.now() - t0);
      }
      const s = stats(samples);
      return [{ benchmark: 'apply one code (core round trip, 100k-word source)', figure: `median ${fmt(s.median)}, p95 ${fmt(s.p95)}`, target: '< 50 ms', note: '500 codings, each undoable' }];
    } finally {
      core.dispose();
    }
  },
};
