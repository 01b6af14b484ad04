import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listTemplates } from '../../../electron/core/frames/frame-templates';
import { resourcePath } from '../../../electron/core/resources';
import { tempDir } from '../../support/temp';

describe('resources: templates are plain files people can edit', () => {
  const dir = tempDir();
  afterEach(() => {
    delete process.env.FOCAL_RESOURCES;
  });

  it('finds the shipped templates and starter glossary from source', () => {
    expect(resourcePath('glossary', 'starter.csv')).toMatch(/resources[/\\]glossary[/\\]starter\.csv$/);
    expect(listTemplates().map((t) => t.id)).toEqual(['kaupapa-maori-values', 'meihana', 'te-whare-tapa-wha', 'te-wheke']);
  });

  it('reads an edited template folder (FOCAL_RESOURCES), and names a broken template file', () => {
    mkdirSync(join(dir, 'frames'), { recursive: true });
    writeFileSync(join(dir, 'frames', 'ours.json'), JSON.stringify({ name: 'Ā mātou', codes: [{ name: 'Mana motuhake', description: 'Our own authority' }] }));
    process.env.FOCAL_RESOURCES = dir;
    expect(listTemplates()).toEqual([{ id: 'ours', name: 'Ā mātou', description: '', source: '', codeCount: 1, topLevel: ['Mana motuhake'] }]);
    writeFileSync(join(dir, 'frames', 'broken.json'), JSON.stringify({ name: 'x', codes: [] }));
    expect(() => listTemplates()).toThrow(/resources\/frames\/broken\.json is not valid/);
  });
});
