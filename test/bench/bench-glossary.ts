/** Glossary lookup (folded, whole words, longest first) over a long transcript: what hover and glossary-lookup cost. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { glossaryMatcher } from '../../shared/text/glossary-match';
import { syntheticTranscript } from '../support/synthetic';
import { type Bench, fmt, stats, time } from './bench-kit';

export const glossaryBench: Bench = {
  name: 'glossary',
  run() {
    const csv = readFileSync(join(process.cwd(), 'resources/glossary/starter.csv'), 'utf8');
    const rows = Papa.parse<{ term: string; gloss: string }>(csv, { header: true, skipEmptyLines: true }).data;
    const terms = rows.map((r, i) => ({ id: i + 1, term: r.term, gloss: r.gloss }));
    // Te reo sprinkled through the synthetic English, with and without macrons.
    const reo = ['whānau', 'whanau', 'Maaori', 'tuakana-teina', 'kaupapa Māori', 'hui', 'karakia', 'manaakitanga'];
    const text = syntheticTranscript(10_000, 11)
      .split(' ')
      .map((w, i) => (i % 25 === 0 ? reo[(i / 25) % reo.length] : w))
      .join(' ');
    const compile = stats(Array.from({ length: 20 }, () => time(() => glossaryMatcher(terms)).ms));
    const match = glossaryMatcher(terms);
    let found = 0;
    const samples = Array.from({ length: 20 }, () => {
      const t = time(() => match(text));
      found = t.value.length;
      return t.ms;
    });
    const s = stats(samples);
    return [
      { benchmark: 'glossary: compile 51 starter terms', figure: `median ${fmt(compile.median)}` },
      { benchmark: 'glossary: find terms in a 10,000-word transcript', figure: `median ${fmt(s.median)}, p95 ${fmt(s.p95)}`, target: '< 50 ms (once per transcript shown)', note: `${found} terms found` },
    ];
  },
};
