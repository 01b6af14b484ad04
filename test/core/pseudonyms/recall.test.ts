import { describe, expect, it } from 'vitest';
import { detectIdentifiers, loadPseudoContext } from '../../../electron/core/pseudonyms';
import { testCore } from '../../support/core';
import { readTruth, score, truthSpans } from '../../bench/bench-pseudo-eval';
import { fixtureProject } from './fixture-project';

describe('detection on the fixtures against the hand labels', () => {
  const { api, core, path } = testCore();

  it('the truth labels are all present in the imported texts', async () => {
    const { sourceIds } = await fixtureProject(api, path('truth.focal'));
    const truth = readTruth();
    const db = core.requireProject().db;
    for (const [file, labels] of Object.entries(truth.files)) {
      const { text } = db.prepare('SELECT text FROM sources WHERE id = ?').get(sourceIds[file]) as { text: string };
      for (const l of labels) expect(truthSpans(text, [l]).length, `${file}: ${l.text}`).toBeGreaterThan(0);
    }
  });

  it('finds every register name, NHI number, phone number and email address (must-catch kinds: 100% recall)', async () => {
    const truth = readTruth();
    const db = core.requireProject().db;
    const ctx = loadPseudoContext(db);
    const sources = db.prepare('SELECT file_name AS file, text FROM sources').all() as { file: string; text: string }[];
    const s = score(
      sources.map((x) => ({ ...x, predicted: detectIdentifiers(ctx, x.text) })),
      truth,
    );
    for (const kind of ['participant', 'first-name', 'nhi', 'phone', 'email']) {
      const t = s.byKind[kind]!;
      expect(t.truth, kind).toBeGreaterThan(0);
      expect(t.covered, `${kind}: missed ${JSON.stringify(s.misses.filter((m) => m.kind === kind))}`).toBe(t.truth);
    }
    // And none of the real names of the register is left unflagged anywhere in the fixtures.
    for (const x of sources) {
      const flagged = detectIdentifiers(ctx, x.text);
      for (const p of ctx.people) {
        for (const part of [p.name, ...p.name.split(' ')]) {
          for (const m of x.text.matchAll(new RegExp(`(?<![\\p{L}])${part}(?![\\p{L}])`, 'gu'))) {
            expect(flagged.some((c) => c.start <= m.index && c.end >= m.index + part.length), `${x.file}: ${part} at ${m.index}`).toBe(true);
          }
        }
      }
    }
  });
});
