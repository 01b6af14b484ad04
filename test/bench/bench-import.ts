/**
 * Import throughput, through the same path as the app: 200 transcripts of 10,000 words each
 * (.txt), one 100,000-word Otter.ai export, and one Word transcript table of 2,000 rows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { buildDocx } from '../core/import/docx-builder';
import { seededRandom, syntheticTranscript } from '../support/synthetic';
import type { Bench, BenchRow } from './bench-kit';

const WORDS = 'kia ora whānau peer support hope recovery kōrero service training funding community trust wellbeing listen connect aroha tautoko mahi hui tikanga people'.split(' ');
const SPEAKERS = ['Mere Tawhiri', 'Hēmi Te Whata', 'Will', 'Speaker 4', 'Aroha Ngata'];

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  const [h, m] = [Math.floor(s / 3600), Math.floor(s / 60) % 60];
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/** `(speaker, time, words)` turns of 20–180 words, about 2.5 words a second. */
function syntheticTurns(words: number, seed: number, wordsPerTurn: [number, number]): { speaker: string; ms: number; text: string }[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const turns: { speaker: string; ms: number; text: string }[] = [];
  let written = 0;
  while (written < words) {
    const n = wordsPerTurn[0] + Math.floor(rnd() * (wordsPerTurn[1] - wordsPerTurn[0]));
    const text = Array.from({ length: n }, () => pick(WORDS)).join(' ');
    turns.push({ speaker: pick(SPEAKERS), ms: Math.round(written * 400), text: `${text[0]!.toUpperCase()}${text.slice(1)}.` });
    written += n;
  }
  return turns;
}

function otterText(words: number): string {
  const turns = syntheticTurns(words, 7, [20, 180]);
  return ['Synthetic hui', '', ...turns.flatMap((t) => [`${t.speaker}  ${clock(t.ms)}`, t.text, '']), 'Transcribed by https://otter.ai', ''].join('\n');
}

function wordTable(rows: number): Uint8Array {
  const turns = syntheticTurns(rows * 30, 11, [10, 50]).slice(0, rows);
  return buildDocx([{ heading: 1, text: 'Synthetic transcript table' }, { table: [['Time', 'Speaker', 'Text'], ...turns.map((t) => [clock(t.ms), t.speaker, t.text])] }]);
}

async function timedImport(core: FocalCore, files: { name: string; path: string }[]) {
  const t0 = performance.now();
  const env = await core.call('import-files', { files, onDuplicate: 'import' });
  const ms = performance.now() - t0;
  if (!env.ok) throw new Error(env.error.message);
  const results = env.value as Array<{ status: string; wordCount?: number; speakers?: string[]; timed?: boolean }>;
  return {
    ms,
    words: results.reduce((s, r) => s + (r.wordCount ?? 0), 0),
    failed: results.filter((r) => r.status !== 'imported').length,
    speakers: results[0]?.speakers?.length ?? 0,
    timed: results.every((r) => r.timed),
  };
}

export const importBench: Bench = {
  name: 'import',
  async run(dir) {
    const files = Array.from({ length: 200 }, (_, i) => {
      const path = join(dir, `focus-group-${i + 1}.txt`);
      writeFileSync(path, syntheticTranscript(10_000, i + 1));
      return { name: `focus-group-${i + 1}.txt`, path };
    });
    const otter = join(dir, 'otter-100k.txt');
    writeFileSync(otter, otterText(100_000));
    const table = join(dir, 'table-2000.docx');
    writeFileSync(table, wordTable(2000));

    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    try {
      await core.call('project-new', { name: 'Import bench', path: join(dir, 'import.focal') });
      const rows: BenchRow[] = [];
      const batch = await timedImport(core, files);
      rows.push({
        benchmark: 'import 200 transcripts × 10,000 words (.txt)',
        figure: `${(batch.ms / 1000).toFixed(2)} s, ${Math.round(batch.words / (batch.ms / 1000)).toLocaleString('en-NZ')} words/s`,
        target: '< 10 s',
        note: `${batch.words.toLocaleString('en-NZ')} words${batch.failed ? `, ${batch.failed} FAILED` : ''}`,
      });
      for (const [benchmark, file] of [
        ['import one Otter.ai export, 100,000 words (.txt)', { name: 'otter-100k.txt', path: otter }],
        ['import one Word transcript table, 2,000 rows (.docx)', { name: 'table-2000.docx', path: table }],
      ] as const) {
        const r = await timedImport(core, [file]);
        rows.push({
          benchmark,
          figure: `${(r.ms / 1000).toFixed(2)} s, ${Math.round(r.words / (r.ms / 1000)).toLocaleString('en-NZ')} words/s`,
          note: `${r.words.toLocaleString('en-NZ')} words, ${r.speakers} speakers${r.timed ? ', turns timed' : ', NO TIMES'}${r.failed ? ', FAILED' : ''}`,
        });
      }
      return rows;
    } finally {
      core.dispose();
    }
  },
};
