/**
 * Team coding: merging two coders' copies of a 1M-word project (100 sources × 10,000 words) with
 * 50,000 codings each, merging them again (nothing to add), and agreement over 30 codes × 100 sources.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { syntheticTranscript } from '../support/synthetic';
import { type Bench, fmt, stats } from './bench-kit';

const SOURCES = 100;
const WORDS = 10_000;
const CODES = 30;
const CODINGS = 50_000;

export const teamBench: Bench = {
  name: 'team',
  async run(dir) {
    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    const must = async (name: string, input: unknown) => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(env.error.message);
      return env.value as Record<string, unknown>;
    };
    try {
      await must('project-new', { name: 'Team bench', path: join(dir, 'lead.focal') });
      const files = [];
      for (let i = 0; i < SOURCES; i++) {
        const f = join(dir, `s${i}.txt`);
        writeFileSync(f, syntheticTranscript(WORDS, i + 1));
        files.push({ name: `s${i}.txt`, path: f });
      }
      for (let i = 0; i < files.length; i += 20) await must('import-files', { files: files.slice(i, i + 20) });
      for (let c = 0; c < CODES; c++) await must('code-create', { frameId: 1, name: `Code ${c + 1}` });
      const db = core.requireProject().db;
      const lengths = (db.prepare('SELECT id, text FROM sources ORDER BY id').all() as Array<{ id: number; text: string }>).map((s) => [s.id, s.text.length] as const);
      const codeIds = db.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[];
      const words = (db.prepare('SELECT sum(word_count) FROM sources').pluck().get() as number).toLocaleString('en');
      for (const coder of ['Aroha', 'Ben']) {
        const path = join(dir, `${coder}.focal`);
        await must('team-copy-save', { coder, path });
        const copy = new Database(path);
        // mulberry32: a small seeded generator with a long period.
        let seed = coder.length * 7919;
        const rnd = () => {
          seed = (seed + 0x6d2b79f5) | 0;
          let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
          t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const ins = copy.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, '2026-12-01T00:00:00.000Z')");
        copy.transaction(() => {
          for (let i = 0; i < CODINGS; i++) {
            const [sid, len] = lengths[Math.floor(rnd() * lengths.length)]!;
            const start = Math.floor(rnd() * (len - 400));
            ins.run(codeIds[Math.floor(rnd() * codeIds.length)]!, sid, start, start + 20 + Math.floor(rnd() * 300), coder);
          }
        })();
        copy.pragma('wal_checkpoint(TRUNCATE)');
        copy.close();
      }
      const copies = [join(dir, 'Aroha.focal'), join(dir, 'Ben.focal')];
      // CPU time beside wall time: on a shared machine the wall clock also measures the other processes.
      const cpu = (c0: NodeJS.CpuUsage) => {
        const c = process.cpuUsage(c0);
        return (c.user + c.system) / 1000;
      };
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const merged = await must('team-merge', { files: copies });
      const mergeMs = performance.now() - t0;
      const mergeCpu = cpu(c0);
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      const again = await must('team-merge', { files: copies });
      const againMs = performance.now() - t1;
      const againCpu = cpu(c1);
      const samples: number[] = [];
      const cpuSamples: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const c = process.cpuUsage();
        const r = await must('team-agreement', { coders: ['Aroha', 'Ben'] });
        samples.push(performance.now() - t);
        cpuSamples.push(cpu(c));
        rows = (r.rows as unknown[]).length;
      }
      const turnT = performance.now();
      const turnC = process.cpuUsage();
      await must('team-agreement', { coders: ['Aroha', 'Ben'], unit: 'turn' });
      const turnMs = performance.now() - turnT;
      const turnCpu = cpu(turnC);
      const totals = merged.totals as { codings: number };
      return [
        { benchmark: `merge two copies of a ${words}-word project, ${CODINGS.toLocaleString('en')} codings each (one undo step)`, figure: fmt(mergeMs), target: '< 5 s', note: `CPU ${fmt(mergeCpu)}; ${totals.codings.toLocaleString('en')} codings added` },
        { benchmark: 'merge the same two copies again (nothing to add)', figure: fmt(againMs), target: '< 5 s', note: `CPU ${fmt(againCpu)}; ${(again.totals as { codings: number }).codings} added` },
        { benchmark: `agreement, ${CODES} codes × ${SOURCES} sources, characters (2 coders)`, figure: `median ${fmt(stats(samples).median)}`, target: '< 1 s', note: `CPU median ${fmt(stats(cpuSamples).median)}; ${rows} rows` },
        { benchmark: `agreement, ${CODES} codes × ${SOURCES} sources, turns`, figure: fmt(turnMs), target: '< 1 s', note: `CPU ${fmt(turnCpu)}` },
      ];
    } finally {
      core.dispose();
    }
  },
};
