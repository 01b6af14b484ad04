/** `focal pseudo scan` and `focal pseudo accept-all`, run as a user would. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { testCore } from '../support/core';
import { fixtureProject } from '../core/pseudonyms/fixture-project';

describe('focal pseudo', () => {
  const { api, core, dir } = testCore();
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'Analyst (CLI)' };
  const study = join(dir, 'study.focal');
  let vtt = 0;

  beforeAll(async () => {
    const { sourceIds } = await fixtureProject(api, study);
    vtt = sourceIds['focus-group-lived-experience.vtt']!;
    core.closeProject();
  }, 60_000);

  it('scan lists candidates with status, kind, count, suggestion and an example', () => {
    const r = runFocal(['pseudo', 'scan', study], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ pending, \d+ covered by rules or pseudonyms, 0 marked not identifying \(\d+ distinct, 4 sources\)/);
    expect(r.stdout).toMatch(/pending\s+nhi\s+1×  ZAB1234 → \[NHI number\]/);
    expect(r.stdout).toMatch(/covered\s+first-name\s+1×  Aroha → Huia/);
    expect(r.stdout).toMatch(/focal pseudo accept-all/);
    const json = JSON.parse(runFocal(['pseudo', 'scan', study, '--json', '--source', String(vtt), '--pending'], env).stdout);
    expect(json.sources).toBe(1);
    expect(json.groups.map((g: { text: string }) => g.text)).toEqual(expect.arrayContaining(['priya.sharma@example.org', 'Angela Brooks', 'Dunedin']));
    expect(json.groups.every((g: { status: string }) => g.status === 'pending')).toBe(true);
  });

  it('accept-all turns every pending candidate into a rule; a second run has nothing to do', () => {
    const before = JSON.parse(runFocal(['pseudo', 'scan', study, '--json'], env).stdout);
    const pendingGroups = before.groups.filter((g: { status: string }) => g.status === 'pending').length;
    const r = runFocal(['pseudo', 'accept-all', study], env);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`${pendingGroups} rules added, covering ${before.counts.pending} places in the text`);
    const after = JSON.parse(runFocal(['pseudo', 'scan', study, '--json'], env).stdout);
    expect(after.counts.pending).toBe(0);
    expect(runFocal(['pseudo', 'accept-all', study], env).stdout).toMatch(/^Nothing pending/);
    expect(JSON.parse(runFocal(['pseudo', 'accept-all', study, '--json'], env).stdout)).toEqual({ created: 0, candidates: 0 });
  });

  it('bad input is a usage error with one line', () => {
    const r = runFocal(['pseudo', 'scan', study, '--source', 'abc'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^focal: --source wants a source id/);
    const missing = runFocal(['pseudo', 'scan', join(dir, 'nope.focal')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
