/**
 * Search and matrix on a big project: 200 synthetic focus groups of 50,000 words (10 million
 * words) imported through the app's import path, speakers linked to participants with roles, and
 * 50,000 codings over 30 codes inserted in one transaction. Then 100 varied searches (common and
 * rare words, phrases, prefixes, macron-less te reo, boolean) through the dispatcher, first page
 * of 50 with the total, and a codes × roles matrix.
 *
 * The text follows a Zipf-like distribution over the synthetic focus-group vocabulary plus
 * 3,000 rarer made-up words, so some queries hit most turns (the worst case for counting) and
 * others only a handful.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { seededRandom } from '../support/synthetic';
import { type Bench, fmt, stats } from './bench-kit';

const COMMON = (
  'the and to of a I it we that you is in for they was but so with peer support whānau hope recovery kōrero relationship ' +
  'service manager training supervision funding community trust wellbeing lived experience listen connect aroha tautoko ' +
  'mahi hui clinical model paperwork safety care journey strength voice culture identity tikanga people worker role time ' +
  'young older family friends group together understand learn share Māori rangatahi kaumātua whakapapa mātauranga'
).split(' ');
const SPEAKERS: Array<[string, string]> = [
  ['Facilitator (Sam Lee)', 'facilitator'],
  ['Aroha Ngata', 'peer supporter'],
  ['Tama Rewiri', 'peer supporter'],
  ['Rachel Moana', 'peer support worker'],
  ['David Chen', 'peer support worker'],
  ['Mere Tawhiri', 'manager'],
  ['Geoff Baker', 'manager'],
];

function vocabulary(rnd: () => number): string[] {
  const syll = ['ka', 'ra', 'to', 'mi', 'ne', 'wha', 'ta', 'pu', 'ri', 'ho', 'ngā', 'tū', 'le', 'sen', 'bro', 'dan', 'vel', 'cor', 'mis', 'tel'];
  const rare = new Set<string>();
  while (rare.size < 3000) {
    let w = '';
    const n = 2 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) w += syll[Math.floor(rnd() * syll.length)];
    rare.add(w);
  }
  return [...COMMON, ...rare];
}

function transcript(words: number, seed: number, vocab: string[], cdf: number[]): string {
  const rnd = seededRandom(seed);
  const pick = () => {
    const x = rnd();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo] as string;
  };
  const out = [`Title: Synthetic focus group ${seed}`, 'Date: 2024-03-15', 'Mode: focus group', ''];
  let written = 0;
  while (written < words) {
    const n = 40 + Math.floor(rnd() * 120);
    const turn: string[] = [];
    for (let i = 0; i < n; i++) turn.push(pick());
    const [label] = SPEAKERS[Math.floor(rnd() * SPEAKERS.length)] as [string, string];
    out.push(`${label}: ${turn.join(' ')}.`, '');
    written += n;
  }
  return out.join('\n');
}

const QUERIES = [
  // single words, common to rare, with and without macrons
  'whānau', 'whanau', 'Maaori', 'Māori', 'korero', 'kōrero', 'kaumatua', 'matauranga', 'peer', 'support', 'hope', 'recovery',
  'paperwork', 'funding', 'tikanga', 'aroha', 'tautoko', 'rangatahi', 'whakapapa', 'supervision', 'clinical', 'identity',
  'karamine', 'tohoka', 'ngāpuri', 'wharahone', 'brodanvel', 'corsen', 'mistel', 'kaneho', 'tarimi', 'leho', 'puhoka',
  // phrases
  '"peer support"', '"lived experience"', '"the whānau"', '"kōrero tikanga"', '"hope recovery"', '"paperwork safety"', '"we share"',
  '"whanau hui"', '"trust the"', '"karamine tohoka"', '"peer worker"', '"older people"', '"young family"', '"to learn"',
  // prefixes
  'whaka*', 'supp*', 'rec*', 'kō*', 'ko*', 'mana*', 'rang*', 'tau*', 'kara*', 'bro*', 'whā*', 'pe*', 'cor*', 'wel*', 'tra*',
  // boolean
  'whanau AND hui', 'hope OR recovery', 'peer NOT clinical', '(whānau OR family) AND support', 'manager NOT paperwork',
  'tikanga AND Maaori', 'karamine OR tohoka', 'funding AND (trust OR community)', '"peer support" NOT funding', 'aroha tautoko mahi',
  'kōrero AND whakapapa AND rangatahi', 'safety OR care OR journey', 'young NOT older', 'voice culture', 'strength AND "lived experience"',
  // more singles and mixes to reach 100
  'listen', 'connect', 'community', 'wellbeing', 'training', 'model', 'group', 'together', 'understand', 'share', 'friends',
  'time', 'role', 'worker', 'people', 'kaumātua', 'mātauranga', 'ngā*', 'tū*', 'sen*', 'hoka*', 'dan*', 'vel*',
];

export const searchBench: Bench = {
  name: 'search',
  async run(dir) {
    if (QUERIES.length !== 100) throw new Error(`bench-search wants 100 queries, has ${QUERIES.length}`);
    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    const must = async <T>(name: string, input: unknown): Promise<T> => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
      return env.value as T;
    };
    try {
      // FOCAL_BENCH_KEEP=/path/file.focal keeps the built project there (and reuses it next time) for profiling.
      const keep = process.env.FOCAL_BENCH_KEEP;
      if (keep && existsSync(keep)) return await measure(core, must, keep);
      const file = keep ?? join(dir, 'search.focal');
      await must('project-new', { name: 'Search bench', path: file });
      const rnd = seededRandom(42);
      const vocab = vocabulary(rnd);
      // Zipf weights 1/(rank+2).
      const weights = vocab.map((_w, i) => 1 / (i + 2));
      const sum = weights.reduce((a, b) => a + b, 0);
      let acc = 0;
      const cdf = weights.map((w) => (acc += w / sum));

      const t0 = performance.now();
      const files = Array.from({ length: 200 }, (_, i) => {
        const path = join(dir, `fg-${i + 1}.txt`);
        writeFileSync(path, transcript(50_000, i + 1, vocab, cdf));
        return { name: `fg-${i + 1}.txt`, path };
      });
      const imported = await must<Array<{ wordCount?: number }>>('import-files', { files, onDuplicate: 'import' });
      const words = imported.reduce((s, r) => s + (r.wordCount ?? 0), 0);
      const importMs = performance.now() - t0;

      // Participants with roles; every speaker label linked (one UPDATE), 30 codes, 50,000 codings.
      const t1 = performance.now();
      for (const [label, role] of SPEAKERS) await must('participant-create', { name: label.replace(/^Facilitator \((.*)\)$/, '$1'), role });
      const db = core.requireProject().db;
      db.prepare(
        `UPDATE speakers SET participant_id = (SELECT p.id FROM participants p WHERE p.name = CASE WHEN speakers.label LIKE 'Facilitator (%' THEN substr(speakers.label, 14, length(speakers.label) - 14) ELSE speakers.label END)`,
      ).run();
      const frameId = (await must<Array<{ id: number }>>('frames-list', {}))[0]!.id;
      const codeIds: number[] = [];
      for (let i = 0; i < 30; i++) codeIds.push((await must<{ id: number }>('code-create', { frameId, name: `Theme ${i + 1}` })).id);
      const turns = db.prepare("SELECT source_id AS sourceId, start, end FROM blocks WHERE kind = 'turn'").all() as Array<{ sourceId: number; start: number; end: number }>;
      const insert = db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, 'Bench', '2026-01-01T00:00:00Z')");
      const crnd = seededRandom(7);
      db.transaction(() => {
        for (let i = 0; i < 50_000; i++) {
          const t = turns[Math.floor(crnd() * turns.length)]!;
          const code = codeIds[Math.floor(Math.pow(crnd(), 1.5) * codeIds.length)]!;
          // Half whole turns, half a stretch inside a turn; a few run on into the next turn.
          const len = t.end - t.start;
          const s = crnd() < 0.5 ? t.start : t.start + Math.floor(crnd() * len * 0.5);
          const e = crnd() < 0.05 ? Math.min(t.end + 200, s + len) : Math.min(t.end, s + 40 + Math.floor(crnd() * len * 0.5));
          insert.run(code, t.sourceId, s, Math.max(e, s + 1));
        }
      })();
      const setupMs = performance.now() - t1;
      turns.length = 0;
      return [
        { benchmark: 'search: build 10M-word project', figure: `${(importMs / 1000).toFixed(1)} s import, ${(setupMs / 1000).toFixed(1)} s codings`, note: `${words.toLocaleString('en-NZ')} words, 50,000 codings, 30 codes` },
        // Close and reopen, as a person does after the import: the figures are for searching a
        // project, not for a process still holding the 60 MB of text it just generated.
        ...(await (async () => {
          await must('project-close', {});
          return measure(core, must, file);
        })()),
      ];
    } finally {
      core.dispose();
    }
  },
};

type Must = <T>(name: string, input: unknown) => Promise<T>;

async function measure(core: FocalCore, must: Must, open: string | null) {
      if (open) await must('project-open', { path: open });
      const frameId = (await must<Array<{ id: number }>>('frames-list', {}))[0]!.id;
      const codeIds = (await must<Array<{ id: number }>>('codes-list', { frameId })).map((c) => c.id);
      // Warm up the statement cache and page cache once, as a person's first search would.
      await must('search-run', { query: 'warmup' });
      const samples: number[] = [];
      let hitsTotal = 0;
      let capped = 0;
      for (const q of QUERIES) {
        const s0 = performance.now();
        const r = await must<{ total: number; totalIsCapped: boolean }>('search-run', { query: q, limit: 50 });
        samples.push(performance.now() - s0);
        hitsTotal += r.total;
        if (r.totalIsCapped) capped++;
      }
      const s = stats(samples);
      const slowest = QUERIES.map((q, i) => ({ q, ms: samples[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 3);

      // The same kinds of query with a filter: a role, a mode, a code (counts then need the joins).
      const fSamples: number[] = [];
      const filters = [{ role: 'manager' }, { mode: 'mainstream' }, { codeId: codeIds[0] }, { role: 'peer supporter' }];
      for (const [i, q] of QUERIES.slice(0, 40).entries()) {
        const f0 = performance.now();
        await must('search-run', { query: q, limit: 50, filters: filters[i % filters.length] });
        fSamples.push(performance.now() - f0);
      }
      const fs = stats(fSamples);

      const mSamples: number[] = [];
      let cells = 0;
      for (let i = 0; i < 5; i++) {
        const m0 = performance.now();
        const m = await must<{ cols: unknown[]; rows: unknown[] }>('matrix-run', { frameId, cols: 'role' });
        mSamples.push(performance.now() - m0);
        cells = m.cols.length * m.rows.length;
      }
      const ms = stats(mSamples);
      const m1 = await must<{ rows: Array<{ codeId: number }>; cols: Array<{ key: string }>; cells: Array<Array<{ segments: number }>> }>('matrix-run', { frameId, cols: 'role' });
      let big = { codeId: 0, colKey: '', n: 0 };
      m1.rows.forEach((r, i) => m1.cols.forEach((c, j) => {
        const n = m1.cells[i]![j]!.segments;
        if (n > big.n) big = { codeId: r.codeId, colKey: c.key, n };
      }));
      const cell0 = performance.now();
      await must('matrix-cell', { frameId, cols: 'role', codeId: big.codeId, colKey: big.colKey });
      const cellMs = performance.now() - cell0;
      const q0 = performance.now();
      const qr = await must<{ total: number }>('coding-query', { all: [codeIds[0], codeIds[1]], limit: 50 });
      const queryMs = performance.now() - q0;
      const c0 = performance.now();
      await must('codes-cooccurrence', { frameId });
      const coMs = performance.now() - c0;

      return [
        {
          benchmark: 'search: 100 queries, first page of 50 + total',
          figure: `median ${fmt(s.median)}, p95 ${fmt(s.p95)}`,
          target: 'p95 < 50 ms',
          note: `${hitsTotal.toLocaleString('en-NZ')} turns matched in all; ${capped} totals capped at 10,000; slowest: ${slowest.map((x) => `${x.q} ${fmt(x.ms)}`).join(', ')}`,
        },
        { benchmark: 'search with a filter (role, mode or code), 40 queries', figure: `median ${fmt(fs.median)}, p95 ${fmt(fs.p95)}`, note: 'filtered totals counted to 1,000' },
        { benchmark: 'matrix: 30 codes × roles, 50,000 codings', figure: `median ${fmt(ms.median)} (of 5)`, target: '< 200 ms', note: `${cells} cells` },
        { benchmark: 'matrix: open the biggest cell', figure: fmt(cellMs), note: `${big.n.toLocaleString('en-NZ')} segments, first 500 with context` },
        { benchmark: 'coding query: A AND B (overlap)', figure: fmt(queryMs), note: `${qr.total} segments` },
        { benchmark: 'co-occurrence: 30 × 30 codes', figure: fmt(coMs) },
      ];
}
