/** `focal backup --coder`, `focal merge` and `focal agreement` from the command line. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';

const dir = tempDir();
const as = (user: string) => ({ FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: user });
const lead = join(dir, 'lead.focal');

describe('focal team commands', () => {
  it('saves coder copies, merges them (dry run first, then for real, then again: nothing), and reports agreement', { timeout: 300_000 }, () => {
    expect(runFocal(['new', lead], as('Lead')).code).toBe(0);
    expect(runFocal(['import', lead, join(process.cwd(), 'test/fixtures/focus-group-lived-experience.vtt')], as('Lead')).code).toBe(0);
    expect(runFocal(['code', 'add', lead, 'Trust'], as('Lead')).code).toBe(0);
    const copy = runFocal(['backup', lead, join(dir, 'aroha'), '--coder', 'Aroha', '--json'], as('Lead'));
    expect(copy.stderr).toBe('');
    expect(JSON.parse(copy.stdout)).toMatchObject({ coder: 'Aroha', path: join(dir, 'aroha.focal') });
    expect(runFocal(['backup', lead, join(dir, 'ben'), '--coder', 'Ben'], as('Lead')).stdout).toMatch(/Saved Ben's copy/);
    expect(runFocal(['code', 'apply', join(dir, 'aroha.focal'), '--source', '1', '--start', '0', '--end', '100', '--code', 'Trust'], as('Aroha')).code).toBe(0);
    expect(runFocal(['code', 'apply', join(dir, 'ben.focal'), '--source', '1', '--start', '50', '--end', '150', '--code', 'Trust'], as('Ben')).code).toBe(0);

    const dry = runFocal(['merge', lead, join(dir, 'aroha.focal'), join(dir, 'ben.focal'), '--dry-run'], as('Lead'));
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toMatch(/Would merge 2 copies: 0 codes, 2 codings/);
    expect(dry.stdout).toMatch(/1 new coding by Aroha/);
    const real = JSON.parse(runFocal(['merge', lead, join(dir, 'aroha.focal'), join(dir, 'ben.focal'), '--json'], as('Lead')).stdout);
    expect(real.totals.codings).toBe(2);
    expect(real.undoLabel).toBe('Merge 2 coder copies');
    const again = JSON.parse(runFocal(['merge', lead, join(dir, 'aroha.focal'), '--json'], as('Lead')).stdout);
    expect(again.totals.codings).toBe(0);

    const ag = runFocal(['agreement', lead, '--coders', 'Aroha,Ben', '--json'], as('Lead'));
    expect(ag.stderr).toBe('');
    const j = JSON.parse(ag.stdout);
    expect(j.rows).toHaveLength(1);
    expect(j.rows[0]).toMatchObject({ code: 'Trust', sourceId: 1, coders: ['Aroha', 'Ben'], codedUnits: 150 });
    for (const k of ['units', 'percentAgreement', 'kappa', 'alpha']) expect(typeof j.rows[0][k]).toBe('number');
    const text = runFocal(['agreement', lead, '--coders', 'Aroha,Ben', '--code', 'Trust', '--unit', 'turn'], as('Lead'));
    expect(text.stdout).toMatch(/units: turns/);
    expect(text.stdout).toMatch(/Overall/);
    const bad = runFocal(['agreement', lead, '--coders', 'Aroha,Bne'], as('Lead'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/focal: No codings by "Bne"/);
  });
});
