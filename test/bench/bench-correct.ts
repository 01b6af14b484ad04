/** Correcting a word in a long, heavily coded transcript, and undoing it (core round trips). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { syntheticTranscript } from '../support/synthetic';
import { type Bench, fmt, stats } from './bench-kit';

export const correctBench: Bench = {
  name: 'correct',
  async run(dir) {
    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    const must = async (name: string, input: unknown) => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(env.error.message);
      return env.value as Record<string, unknown>;
    };
    try {
      await must('project-new', { name: 'Correct bench', path: join(dir, 'correct.focal') });
      const file = join(dir, 'big.txt');
      writeFileSync(file, syntheticTranscript(100_000, 7));
      await must('import-files', { files: [{ name: 'big.txt', path: file }] });
      const db = core.requireProject().db;
      const code = await must('code-create', { frameId: 1, name: 'Hope' });
      const text = db.prepare('SELECT text FROM sources WHERE id = 1').pluck().get() as string;
      const ins = db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, 1, ?, ?, 'b', 'now')");
      db.transaction(() => {
        for (let i = 0; i < 5000; i++) ins.run(code.id, Math.floor((i * text.length) / 5000), Math.floor((i * text.length) / 5000) + 30);
      })();
      const blocks = db.prepare("SELECT start, end FROM blocks WHERE source_id = 1 AND kind = 'turn' AND end - start > 10 ORDER BY seq").all() as Array<{ start: number; end: number }>;
      const correct: number[] = [];
      const undo: number[] = [];
      for (let i = 0; i < 30; i++) {
        // Early in the text, so almost every coding moves.
        const b = blocks[i]!;
        let t0 = performance.now();
        await must('source-correct', { sourceId: 1, edits: [{ start: b.start + 2, end: b.start + 5, text: 'ā word' }] });
        correct.push(performance.now() - t0);
        t0 = performance.now();
        await must('history-undo', {});
        undo.push(performance.now() - t0);
      }
      const c = stats(correct);
      const u = stats(undo);
      return [
        { benchmark: 'correct a word (100k words, 5,000 codings)', figure: `median ${fmt(c.median)}, p95 ${fmt(c.p95)}`, target: '< 500 ms', note: 'one undo step; nearly every coding moves' },
        { benchmark: 'undo that correction', figure: `median ${fmt(u.median)}, p95 ${fmt(u.p95)}`, target: '< 500 ms' },
      ];
    } finally {
      core.dispose();
    }
  },
};
