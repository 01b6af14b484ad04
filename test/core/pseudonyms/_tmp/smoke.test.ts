import { it } from 'vitest';
import { testCore } from '../../../support/core';
import { fixtureProject } from '../fixture-project';
import { detectIdentifiers, loadPseudoContext } from '../../../../electron/core/pseudonyms';

it('smoke', async () => {
  const { api, core, path } = testCore();
  const { sourceIds } = await fixtureProject(api, path('f.focal'));
  const db = core.requireProject().db;
  const ctx = loadPseudoContext(db);
  for (const [f, id] of Object.entries(sourceIds)) {
    const { text } = db.prepare('SELECT text FROM sources WHERE id = ?').get(id) as { text: string };
    console.log('=== ' + f);
    for (const c of detectIdentifiers(ctx, text)) console.log(`${c.kind.padEnd(14)} ${c.status.padEnd(8)} ${JSON.stringify(c.text)} -> ${c.suggestion} ${c.note ?? ''}`);
  }
});
