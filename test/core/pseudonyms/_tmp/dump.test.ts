import { it } from 'vitest';
import { testCore } from '../../../support/core';
import { fixtureProject } from '../fixture-project';
it('dump', async () => {
  const { api, core, path } = testCore();
  const { sourceIds } = await fixtureProject(api, path('f.focal'));
  const db = core.requireProject().db;
  for (const [f, id] of Object.entries(sourceIds)) {
    const { text } = db.prepare('SELECT text FROM sources WHERE id = ?').get(id) as { text: string };
    console.log('=== ' + f + '\n' + text);
  }
});
