/** The export gate over a large quote bank: checking every quote (rows 1–12, detection and pseudonymisation), and a Word export. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { syntheticTranscript } from '../support/synthetic';
import { type Bench, fmt, stats } from './bench-kit';

export const gateBench: Bench = {
  name: 'gate',
  async run(dir) {
    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    core.host.chooseExportPath = async () => join(dir, 'bank.docx');
    const must = async <T = Record<string, unknown>>(name: string, input: unknown): Promise<T> => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(env.error.message);
      return env.value as T;
    };
    try {
      await must('project-new', { name: 'Gate bench', path: join(dir, 'gate.focal') });
      const files = [0, 1, 2, 3, 4].map((i) => {
        const file = join(dir, `fg-${i}.txt`);
        writeFileSync(file, syntheticTranscript(20_000, 11 + i));
        return { name: `fg-${i}.txt`, path: file };
      });
      await must('import-files', { files });
      await must('participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
      for (const row of await must<Array<{ speakerId: number; suggestion: { participantId: number | null; name: string; role: string } }>>('speakers-review', { unmappedOnly: true })) {
        await must('speakers-map', { speakerIds: [row.speakerId], ...(row.suggestion.participantId ? { participantId: row.suggestion.participantId } : { create: { name: row.suggestion.name } }), role: row.suggestion.role });
      }
      const code = await must<{ id: number }>('code-create', { frameId: 1, name: 'Everything' });
      const sources = await must<Array<{ id: number }>>('sources-list', {});
      for (const s of sources) {
        const d = await must<{ blocks: Array<{ id: number; kind: string }> }>('source-get', { sourceId: s.id });
        await must('coding-apply-blocks', { codeId: code.id, blockIds: d.blocks.filter((b) => b.kind === 'turn').map((b) => b.id) });
      }
      const ids = await must<number[]>('quotes-from-code', { codeId: code.id });
      const check: number[] = [];
      let passed = 0;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const qs = await must<Array<{ gate: { passed: boolean } }>>('quotes-list', {});
        check.push(performance.now() - t0);
        passed = qs.filter((q) => q.gate.passed).length;
      }
      const exp: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await must('export-quotes', { selection: {}, format: 'docx' });
        exp.push(performance.now() - t0);
      }
      const c = stats(check);
      const e = stats(exp);
      return [
        { benchmark: `gate: check every quote (${ids.length} quotes, 100k words)`, figure: `median ${fmt(c.median)} (${fmt(c.median / ids.length)} per quote)`, target: '< 2 s for 1,000 quotes', note: `${passed} pass` },
        { benchmark: `export a Word quote bank (${ids.length} quotes checked)`, figure: `median ${fmt(e.median)}`, target: '< 5 s', note: 'gate + docx + SHA-256 + audit' },
      ];
    } finally {
      core.dispose();
    }
  },
};
