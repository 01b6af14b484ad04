/** `focal pseudo scan` with the review's filters: --kind, --search, --order position, --limit/--offset. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFocal } from '../../support/run-cli';
import { testCore } from '../../support/core';

describe('focal pseudo scan filters', () => {
  const { api, core, dir } = testCore();
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'Analyst (CLI)' };
  const study = join(dir, 'two.focal');
  let a = 0;

  beforeAll(async () => {
    await api['project-new']({ name: 'Two groups', path: study });
    writeFileSync(join(dir, 'A.txt'), 'Tama: My whānau took me to Porirua first. Then Jason Whitu rang me on 021 555 0143.\n\nTama: Jason Whitu came with me to Wellington.\n');
    writeFileSync(join(dir, 'B.txt'), 'Ana: The Whānau Ora navigator in Porirua. My NHI is ZAB1234.\n');
    const r = await api['import-files']({ files: ['A.txt', 'B.txt'].map((name) => ({ name, path: join(dir, name) })) });
    a = r[0]!.sourceId!;
    core.closeProject();
  }, 60_000);

  it('filters by kind and search, in reading order, a page at a time', () => {
    const json = (args: string[]) => {
      const r = runFocal(['pseudo', 'scan', study, '--json', ...args], env);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { groups: { text: string }[]; total: number };
    };
    expect(json(['--kind', 'place,phone', '--source', String(a), '--order', 'position']).groups.map((g) => g.text)).toEqual(['Porirua', '021 555 0143', 'Wellington']);
    expect(json(['--kind', 'place', '--kind', 'nhi']).groups.map((g) => g.text).sort()).toEqual(['Porirua', 'Wellington', 'ZAB1234']);
    const page = json(['--order', 'position', '--limit', '2', '--offset', '1']);
    expect(page.groups.map((g) => g.text)).toEqual(['Jason Whitu', '021 555 0143']);
    expect(page.total).toBe(6);
    // Text output says which page it is and how to get the next.
    const text = runFocal(['pseudo', 'scan', study, '--search', 'whanau', '--kind', 'place', '--limit', '1'], env);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/Porirua/);
    // The whole list fits: no page line.
    expect(text.stdout).not.toMatch(/Showing/);
    const more = runFocal(['pseudo', 'scan', study, '--limit', '2'], env).stdout;
    expect(more).toMatch(/Showing 1–2 of 6; next page: --offset 2/);
  });

  it('bad filter values are usage errors with one line', () => {
    for (const [args, message] of [
      [['--kind', 'martian'], /^focal: --kind wants one or more of participant, first-name, third-party, place/],
      [['--order', 'random'], /^focal: --order wants count or position/],
      [['--limit', '-3'], /^focal: --limit wants a whole number/],
      [['--offset', 'x'], /^focal: --offset wants a whole number/],
    ] as const) {
      const r = runFocal(['pseudo', 'scan', study, ...args], env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});
