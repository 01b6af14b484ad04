/**
 * `npm run bench`: every benchmark, figures printed as one table. Targets are checked here by a
 * person reading the figures, never by timed assertions in the tests.
 * Run one by name: `npm run bench -- import`.
 */
import { benchDir, type Bench, type BenchRow, printTable } from './bench-kit';
import { codingBench } from './bench-coding';
import { gateBench } from './bench-gate';
import { glossaryBench } from './bench-glossary';
import { importBench } from './bench-import';
import { kaitiakiBench } from './bench-kaitiaki';
import { projectFileBench } from './bench-project-file';
import { pseudoBench } from './bench-pseudo';
import { pseudoNlpBench } from './bench-pseudo-nlp';
import { searchBench } from './bench-search';
import { transcriptViewBench } from './bench-transcript-view';
import { exchangeBench } from './bench-exchange';
import { correctBench } from './bench-correct';
import { workersBench } from './bench-workers';
import { mediaBench } from './bench-media';
import { teamBench } from './bench-team';
import { scaleBench } from './bench-scale';

// scale: run by hand (`npm run bench -- scale`), not part of a plain `npm run bench`.
const benches: Bench[] = [projectFileBench, importBench, codingBench, transcriptViewBench, glossaryBench, searchBench, pseudoBench, pseudoNlpBench, gateBench, kaitiakiBench, exchangeBench, correctBench, workersBench, mediaBench, teamBench];
const byHand: Bench[] = [scaleBench];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const b of only.length ? [...benches, ...byHand] : benches) {
  if (only.length && !only.some((o) => b.name.includes(o))) continue;
  const { dir, cleanup } = benchDir();
  try {
    process.stderr.write(`running ${b.name}…\n`);
    rows.push(...(await b.run(dir)));
  } finally {
    cleanup();
  }
}
printTable(rows);
