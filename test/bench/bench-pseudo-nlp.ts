/**
 * Does an NLP library earn its place? Compares, on the fixtures and the hand labels, the rules +
 * register + gazetteer pipeline with compromise 14's people/places/organisations, alone and added to
 * the pipeline. The library is not a dependency: install it anywhere and point FOCAL_NLP_DIR at
 * that folder, e.g.
 *   npm install --prefix /tmp/nlp compromise@14 && FOCAL_NLP_DIR=/tmp/nlp npm run bench -- pseudo-nlp
 * Without it the bench says so and prints the pipeline's figures only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { detectIdentifiers, loadPseudoContext } from '../../electron/core/pseudonyms';
import { type Bench, type BenchRow, fmt, time } from './bench-kit';
import { heldOutTruth, pct, readTruth, score, type Span } from './bench-pseudo-eval';

const FIXTURES = join(process.cwd(), 'test/fixtures');
const TRANSCRIPTS = ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt', 'individual-interview-manager.srt', 'workshop-feedback.tsv'];
const NAME_KINDS = new Set(['participant', 'first-name', 'third-party', 'place', 'organisation', 'service']);

interface CompromiseDoc {
  people(): { out(f: 'offset'): { offset: { start: number; length: number } }[] };
  places(): { out(f: 'offset'): { offset: { start: number; length: number } }[] };
  organizations(): { out(f: 'offset'): { offset: { start: number; length: number } }[] };
}

function compromiseSpans(nlp: (t: string) => CompromiseDoc, text: string): Span[] {
  const doc = nlp(text);
  const out: Span[] = [];
  const add = (list: { offset: { start: number; length: number } }[], kind: string) => {
    for (const m of list) {
      let start = m.offset.start;
      let end = start + m.offset.length;
      // compromise includes trailing punctuation and possessives in some terms; trim to the word.
      while (end > start && /[\s.,;:!?'’)]/.test(text.charAt(end - 1))) end--;
      while (start < end && /[\s('‘]/.test(text.charAt(start))) start++;
      if (end > start) out.push({ start, end, kind });
    }
  };
  add(doc.people().out('offset'), 'third-party');
  add(doc.places().out('offset'), 'place');
  add(doc.organizations().out('offset'), 'organisation');
  return out;
}

const restrict = (spans: Span[]) => spans.filter((s) => NAME_KINDS.has(String(s.kind)));

export const pseudoNlpBench: Bench = {
  name: 'pseudo-nlp',
  async run(dir) {
    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    const must = async (name: string, input: unknown) => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(env.error.message);
    };
    try {
      await must('project-new', { name: 'NLP bench', path: join(dir, 'nlp.focal') });
      await must('import-files', { files: TRANSCRIPTS.map((name) => ({ name, path: join(FIXTURES, name) })) });
      await must('participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(join(FIXTURES, 'participants.csv'), 'utf8') });
      const db = core.requireProject().db;
      const ctx = loadPseudoContext(db);
      const sources = db.prepare('SELECT file_name AS file, text FROM sources').all() as { file: string; text: string }[];
      const truth = readTruth();
      // Names, places and organisations only: the kinds an NLP library could find.
      for (const f of Object.keys(truth.files)) truth.files[f] = truth.files[f]!.filter((l) => NAME_KINDS.has(l.kind));
      const held = heldOutTruth(readTruth());
      for (const f of Object.keys(held.truth.files)) held.truth.files[f] = held.truth.files[f]!.filter((l) => NAME_KINDS.has(l.kind));
      const row = (label: string, spans: (text: string) => Span[], note = '', set: 'fixtures' | 'held-out' = 'fixtures'): BenchRow => {
        const s =
          set === 'fixtures'
            ? score(sources.map((x) => ({ ...x, predicted: spans(x.text) })), truth)
            : score(held.files.map((x) => ({ ...x, predicted: spans(x.text) })), held.truth);
        const o = s.overall;
        return {
          benchmark: label,
          figure: `P ${pct(o.correct, o.predicted)}  R ${pct(o.found, o.truth)}`,
          note: `${o.truth} labelled, ${o.predicted} flagged; covered ${o.covered}/${o.truth}${note}; FP: ${s.falsePositives.map((m) => m.text).join(', ') || 'none'}`,
        };
      };
      const rules = (text: string) => restrict(detectIdentifiers(ctx, text));
      const rows: BenchRow[] = [row('names/places/orgs: rules + register + gazetteer', rules), row('  same, held-out sentences', rules, '', 'held-out')];
      const from = process.env.FOCAL_NLP_DIR;
      if (!from) {
        rows.push({ benchmark: 'names/places/orgs: compromise 14', figure: 'not run', note: 'set FOCAL_NLP_DIR to a folder where compromise@14 is installed' });
        return rows;
      }
      const nlp = createRequire(join(from, 'index.js'))('compromise') as (t: string) => CompromiseDoc;
      const nlpMs = time(() => sources.map((x) => compromiseSpans(nlp, x.text))).ms;
      rows.push(row('names/places/orgs: compromise 14 alone', (t) => compromiseSpans(nlp, t), `; ${fmt(nlpMs)} for the 4 fixtures`));
      const union = (t: string) => {
        const base = rules(t);
        const extra = compromiseSpans(nlp, t).filter((n) => !base.some((b) => n.start < b.end && b.start < n.end));
        return [...base, ...extra];
      };
      rows.push(row('names/places/orgs: rules + compromise (union)', union));
      rows.push(row('  compromise alone, held-out sentences', (t) => compromiseSpans(nlp, t), '', 'held-out'));
      rows.push(row('  union, held-out sentences', union, '', 'held-out'));
      return rows;
    } finally {
      core.dispose();
    }
  },
};
