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

const benches: Bench[] = [projectFileBench, importBench, codingBench, transcriptViewBench, glossaryBench, searchBench, pseudoBench, pseudoNlpBench, gateBench, kaitiakiBench, exchangeBench, correctBench, workersBench];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const b of benches) {
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
