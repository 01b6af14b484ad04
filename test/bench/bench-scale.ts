/**
 * `npm run bench -- scale`: the figures of issue 14 on a big project. 5 million words (one
 * 100,000-word focus group and 196 of 25,000 words) imported through the app's import path,
 * speakers linked to participants, 20 codes, 100,000 codings (5,000 of them on the 100k-word
 * transcript) and 20,000 quotes inserted straight into the file (setup, not measured).
 *
 * The built project is cached (FOCAL_SCALE_CACHE, default $TMPDIR/focal-scale-v1.focal) and copied
 * for each run, so after the first run (about a minute) the bench takes a few minutes on 2 CPUs.
 * Each measured call runs in a child process of its own (scale-child.ts): its peak RSS is that of
 * the core with the project open doing that call, and its CPU time is printed beside the wall
 * time (on a shared machine the wall time says more about the neighbours). The UI figures (apply a code with 5,000 codings
 * open; open 100k words with 5,000 codings) are the `transcript-view` bench's.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { seededRandom, syntheticTranscript } from '../support/synthetic';
import { type Bench, type BenchRow, fmt } from './bench-kit';

const CHILD = fileURLToPath(new URL('./scale-child.ts', import.meta.url));
const CACHE = process.env.FOCAL_SCALE_CACHE ?? join(tmpdir(), 'focal-scale-v1.focal');
const SPEAKERS = ['Sam Lee', 'Aroha Ngata', 'Tama Rewiri', 'Rachel Moana', 'David Chen', 'Mere Tawhiri', 'Geoff Baker'];

type Must = <T>(name: string, input: unknown) => Promise<T>;

function coreIn(dir: string): { core: FocalCore; must: Must } {
  const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
  const must: Must = async (name, input) => {
    const env = await core.call(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env.value as never;
  };
  return { core, must };
}

async function build(dir: string, file: string): Promise<{ words: number; ms: number }> {
  const t0 = performance.now();
  const { core, must } = coreIn(dir);
  try {
    await must('project-new', { name: 'Scale bench', path: file });
    const files = [{ name: 'focus-group-100k.txt', words: 100_000 }, ...Array.from({ length: 196 }, (_, i) => ({ name: `focus-group-${i + 2}.txt`, words: 25_000 }))].map((f, i) => {
      const path = join(dir, f.name);
      writeFileSync(path, syntheticTranscript(f.words, i + 1));
      return { name: f.name, path };
    });
    const imported = await must<Array<{ wordCount?: number }>>('import-files', { files, onDuplicate: 'import' });
    const words = imported.reduce((s, r) => s + (r.wordCount ?? 0), 0);
    for (const name of SPEAKERS) await must('participant-create', { name, role: 'peer supporter' });
    const db = core.requireProject().db;
    db.prepare(
      `UPDATE speakers SET participant_id = (SELECT p.id FROM participants p WHERE p.name = CASE WHEN speakers.label LIKE 'Facilitator (%' THEN substr(speakers.label, 14, length(speakers.label) - 14) ELSE speakers.label END)`,
    ).run();
    const frameId = (await must<Array<{ id: number }>>('frames-list', {}))[0]!.id;
    const codeIds: number[] = [];
    for (let i = 0; i < 20; i++) codeIds.push((await must<{ id: number }>('code-create', { frameId, name: `Theme ${i + 1}` })).id);
    const turns = db.prepare("SELECT source_id AS sourceId, start, end FROM blocks WHERE kind = 'turn' AND end - start > 20 ORDER BY source_id, start").all() as Array<{ sourceId: number; start: number; end: number }>;
    const first = turns.filter((t) => t.sourceId === 1);
    const rest = turns.filter((t) => t.sourceId !== 1);
    const insert = db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, 'Bench', '2026-01-01T00:00:00Z')");
    const quote = db.prepare("INSERT INTO quotes (source_id, start, end, coding_id, code_id, cuts, created_by, created_at) VALUES (?, ?, ?, ?, ?, '[]', 'Bench', '2026-01-01T00:00:00Z')");
    const rnd = seededRandom(14);
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        const t = (i < 5_000 ? first : rest)[Math.floor(rnd() * (i < 5_000 ? first.length : rest.length))]!;
        const s = rnd() < 0.5 ? t.start : t.start + Math.floor(rnd() * (t.end - t.start) * 0.5);
        const e = Math.min(t.end, s + 20 + Math.floor(rnd() * (t.end - t.start) * 0.5));
        const code = codeIds[Math.floor(rnd() * codeIds.length)]!;
        const id = Number(insert.run(code, t.sourceId, s, Math.max(e, s + 1)).lastInsertRowid);
        if (i % 5 === 0) quote.run(t.sourceId, s, Math.max(e, s + 1), id, code);
      }
    })();
    await must('project-close', {});
    return { words, ms: performance.now() - t0 };
  } finally {
    core.dispose();
  }
}

interface Measured {
  ms: number;
  cpuMs: number;
  rssMB: number;
  baseMB: number;
  summary: Record<string, unknown>;
}

/** One call in a child process; a failure is a row saying so (the other figures still print). */
function measure(file: string, name: string, input: unknown): Measured {
  try {
    return measureOnce(file, name, input);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return { ms: Number.NaN, cpuMs: Number.NaN, rssMB: Number.NaN, baseMB: Number.NaN, summary: { failed: (e as Error).message.split('\n')[0] } };
  }
}

function measureOnce(file: string, name: string, input: unknown): Measured {
  const r = spawnSync(process.execPath, [...process.execArgv, CHILD, file, name, JSON.stringify(input)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`scale: ${name} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as Measured;
}

const mem = (m: Measured) => `CPU ${fmt(m.cpuMs)}, peak RSS ${m.rssMB} MB (${m.baseMB} MB open)`;

export const scaleBench: Bench = {
  name: 'scale',
  async run(dir) {
    const rows: BenchRow[] = [];
    if (!existsSync(CACHE)) {
      mkdirSync(dirname(CACHE), { recursive: true });
      const tmp = join(dir, 'scale-build.focal');
      const b = await build(join(dir, 'build'), tmp);
      copyFileSync(tmp, `${CACHE}.part`);
      renameSync(`${CACHE}.part`, CACHE);
      rows.push({ benchmark: 'scale: build the project (once, cached)', figure: fmt(b.ms), note: `${b.words.toLocaleString('en-NZ')} words → ${CACHE}` });
    }
    const file = join(dir, 'scale.focal');
    copyFileSync(CACHE, file);

    const scan = measure(file, 'pseudo-scan', { limit: 50 });
    rows.push({ benchmark: 'scale: pseudo-scan, 5M words (first page of 50 groups)', figure: `${fmt(scan.ms)}, ${mem(scan)}`, target: '< 8 s, < 400 MB (before: 48 s, ~1 GB)', note: `${String(scan.summary.total)} groups` });
    const check = measure(file, 'project-check', {});
    rows.push({ benchmark: 'scale: project-check (focal check), 5M words', figure: `${fmt(check.ms)}, ${mem(check)}`, target: '< 8 s, < 400 MB (before: 48 s, ~1 GB)', note: `${String(check.summary.length)} problems` });
    const page = measure(file, 'quotes-page', { limit: 50 });
    rows.push({ benchmark: 'scale: quotes-page, first page of 50 of a 20,000-quote bank', figure: `${fmt(page.ms)}, ${mem(page)}`, target: '< 50 ms (before: 12.3 s for 15,652)', note: `${String(page.summary.items ?? page.summary.length)} shown of ${String(page.summary.total ?? page.summary.length)}` });
    const open = measure(file, 'codings-list', { sourceId: 1 });
    rows.push({ benchmark: 'scale: codings-list of the 100k-word transcript (5,000 codings; core side of opening it)', figure: `${fmt(open.ms)}, ${mem(open)}`, target: 'UI figure: transcript-view bench (< 250 ms)', note: `${String(open.summary.length)} codings` });
    const auto = measure(file, 'autocode-apply', { codeId: 1, pattern: 'hope' });
    rows.push({ benchmark: 'scale: auto-code every match of “hope” (one undo step)', figure: `${fmt(auto.ms)}, ${mem(auto)}`, target: '< 3 s, < 400 MB for 100,000 (before: 19 s, 1.46 GB for 94,512)', note: `${String(auto.summary.coded)} coded, ${String(auto.summary.skipped)} skipped` });

    // Import: 200 × 10,000 words into a new project, in the child as well (peak RSS of the import).
    const files = Array.from({ length: 200 }, (_, i) => {
      const path = join(dir, `import-${i + 1}.txt`);
      writeFileSync(path, syntheticTranscript(10_000, 1000 + i));
      return { name: `import-${i + 1}.txt`, path };
    });
    const empty = join(dir, 'import.focal');
    {
      const { core, must } = coreIn(join(dir, 'empty'));
      await must('project-new', { name: 'Import', path: empty });
      await must('project-close', {});
      core.dispose();
    }
    const imp = measure(empty, 'import-files', { files, onDuplicate: 'import' });
    const words = files.length * 10_000;
    rows.push({ benchmark: 'scale: import 200 × 10,000 words (.txt)', figure: `${Math.round(words / (imp.ms / 1000)).toLocaleString('en-NZ')} words/s (${fmt(imp.ms)}), ${mem(imp)}`, target: '≥ 1.5M words/s (before: 0.82M)' });
    return rows;
  },
};
