/**
 * `npm run bench -- pseudo`: precision and recall of identifier detection per kind and overall on
 * the fixtures (hand labels in test/fixtures/identifiers-truth.json), and how long detection takes
 * on a 100k-word transcript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { detectIdentifiers, loadPseudoContext } from '../../electron/core/pseudonyms';
import { syntheticTranscript } from '../support/synthetic';
import { type Bench, type BenchRow, fmt, stats, time } from './bench-kit';
import { heldOutTruth, pct, readTruth, score } from './bench-pseudo-eval';

const FIXTURES = join(process.cwd(), 'test/fixtures');
const TRANSCRIPTS = ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt', 'individual-interview-manager.srt', 'workshop-feedback.tsv'];

export const pseudoBench: Bench = {
  name: 'pseudo',
  async run(dir) {
    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    const must = async (name: string, input: unknown) => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(env.error.message);
      return env.value;
    };
    try {
      await must('project-new', { name: 'Pseudo bench', path: join(dir, 'pseudo.focal') });
      await must('import-files', { files: TRANSCRIPTS.map((name) => ({ name, path: join(FIXTURES, name) })) });
      await must('participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(join(FIXTURES, 'participants.csv'), 'utf8') });
      // Speakers the review matches to the register are mapped, as at review time (a first name that is also a word is the participant's only where they speak).
      for (const row of (await must('speakers-review', { unmappedOnly: true })) as { speakerId: number; suggestion: { participantId?: number | null; role?: string } }[]) {
        if (row.suggestion.participantId) await must('speakers-map', { speakerIds: [row.speakerId], participantId: row.suggestion.participantId, role: row.suggestion.role });
      }
      const db = core.requireProject().db;
      const ctx = loadPseudoContext(db);
      const sources = db.prepare('SELECT file_name AS file, text FROM sources').all() as { file: string; text: string }[];
      const s = score(sources.map((x) => ({ ...x, predicted: detectIdentifiers(ctx, x.text) })), readTruth());
      const rows: BenchRow[] = [];
      const kinds = Object.keys(s.byKind).sort();
      for (const kind of kinds) {
        const t = s.byKind[kind]!;
        rows.push({
          benchmark: `detect ${kind}`,
          figure: `P ${pct(t.correct, t.predicted)}  R ${pct(t.found, t.truth)}`,
          note: `${t.truth} labelled, ${t.predicted} flagged, ${t.correct} exact; covered ${t.covered}/${t.truth}`,
        });
      }
      const o = s.overall;
      rows.push({
        benchmark: 'detect overall (fixtures)',
        figure: `P ${pct(o.correct, o.predicted)}  R ${pct(o.found, o.truth)}`,
        target: 'must-catch R 100%',
        note: `${o.truth} labelled, ${o.predicted} flagged; misses: ${s.misses.map((m) => m.text).join(', ') || 'none'}; false positives: ${s.falsePositives.map((m) => m.text).join(', ') || 'none'}`,
      });

      for (const [key, label, perKind] of [['heldOut', 'held-out sentences', false], ['heldOut2', 'held-out 2: obfuscation, te reo names, separators', true]] as const) {
        const held = heldOutTruth(readTruth(), key);
        if (!held.files.length) continue;
        const h = score(held.files.map((x) => ({ ...x, predicted: detectIdentifiers(ctx, x.text) })), held.truth);
        if (perKind) {
          for (const kind of Object.keys(h.byKind).sort()) {
            const t = h.byKind[kind]!;
            rows.push({ benchmark: `  ${key} ${kind}`, figure: `P ${pct(t.correct, t.predicted)}  R ${pct(t.found, t.truth)}`, note: `${t.truth} labelled, ${t.predicted} flagged, ${t.correct} exact; covered ${t.covered}/${t.truth}` });
          }
        }
        const mustCatch = ['participant', 'first-name', 'nhi', 'phone', 'email'].map((k) => h.byKind[k]).filter((t) => t !== undefined);
        rows.push({
          benchmark: `detect overall (${label})`,
          figure: `P ${pct(h.overall.correct, h.overall.predicted)}  R ${pct(h.overall.found, h.overall.truth)}`,
          note: `${h.overall.truth} labelled, ${h.overall.predicted} flagged, covered ${h.overall.covered}; must-catch covered ${mustCatch.reduce((a, t) => a + t.covered, 0)}/${mustCatch.reduce((a, t) => a + t.truth, 0)}; misses: ${h.misses.map((m) => JSON.stringify(m.text)).join(', ') || 'none'}; false positives: ${h.falsePositives.map((m) => JSON.stringify(m.text)).join(', ') || 'none'}`,
        });
      }

      const big = syntheticTranscript(100_000, 11);
      const samples: number[] = [];
      let n = 0;
      for (let i = 0; i < 5; i++) {
        const r = time(() => detectIdentifiers(ctx, big));
        samples.push(r.ms);
        n = r.value.length;
      }
      const st = stats(samples);
      rows.push({ benchmark: 'detect identifiers, 100k-word text', figure: `median ${fmt(st.median)}`, target: '< 1 s', note: `${n} candidates; context load ${fmt(time(() => loadPseudoContext(db)).ms)}` });
      return rows;
    } finally {
      core.dispose();
    }
  },
};
