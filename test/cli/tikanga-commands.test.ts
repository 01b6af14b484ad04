import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state`, FOCAL_USER: 'CLI Analyst' };
const project = `${dir}/hui.focal`;

describe('focal frame / glossary / parts', () => {
  it('creates a frame from a template, imports the starter glossary, lists the hui parts', () => {
    expect(runFocal(['new', project], env).code).toBe(0);
    expect(runFocal(['import', project, join(process.cwd(), 'test/fixtures/hui-tupu-group-interview.txt')], env).code).toBe(0);

    const templates = runFocal(['frame', 'templates', project], env);
    expect(templates.stdout).toMatch(/te-whare-tapa-wha\tTe Whare Tapa Whā \(5 codes\)/);
    const made = runFocal(['frame', 'template', project, 'te whare tapa wha', '--skip', 'Whenua', '--json'], env);
    expect(made.stderr).toBe('');
    expect(JSON.parse(made.stdout)).toMatchObject({ frame: { name: 'Te Whare Tapa Whā', kind: 'kaupapa-maori' }, codes: 4 });
    expect(runFocal(['frame', 'template', project, 'te-whare-tapa-wha'], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^focal: A code frame named "Te Whare Tapa Whā" already exists/) });
    expect(runFocal(['frame', 'template', project, 'nope'], env).stderr).toMatch(/no frame template "nope"; templates: kaupapa-maori-values, meihana, te-whare-tapa-wha, te-wheke/);

    expect(runFocal(['glossary', 'import', project], env).stdout).toBe('Added 51 terms; 0 already in the glossary\n');
    expect(runFocal(['glossary', 'import', project], env).stdout).toBe('Added 0 terms; 51 already in the glossary\n');
    expect(runFocal(['glossary', 'list', project], env).stdout).toMatch(/^whānau\tfamily, extended family$/m);

    const parts = runFocal(['parts', project, '--source', '1'], env);
    expect(parts.stdout.trim().split('\n')).toEqual([
      'opening\tWhakatau\tnot recorded',
      'opening\tMihimihi\tnot recorded',
      'opening\tKarakia tīmatanga\tnot recorded\tled by Koro Hemi',
      'closing\tKarakia whakamutunga\tnot recorded',
    ]);
  });
});
