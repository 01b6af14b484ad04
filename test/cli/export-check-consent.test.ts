/** `focal consent import`, `focal check` and `focal export quotes`, run as a user would. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { testCore } from '../support/core';
import { acceptAllCandidates, approveQuotes, codeEveryTurn, importAndMap, recordRopu } from '../core/export/fixture-project';

const fx = (f: string) => join(process.cwd(), 'test/fixtures', f);

describe('focal consent import, check and export quotes', () => {
  const { api, core, dir } = testCore();
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'Mere (CLI)' };
  const fresh = join(dir, 'fresh.focal');
  const study = join(dir, 'study.focal');

  beforeAll(async () => {
    // A study set up in the app (mapping speakers is done there), then closed for the CLI.
    await api['project-new']({ name: 'Study', path: study });
    await importAndMap(api);
    await codeEveryTurn(api);
    acceptAllCandidates(core);
    const r = await recordRopu(api, core);
    const hui = (await api['sources-list']({})).find((s) => s.mode === 'tikanga')!;
    approveQuotes(core, r.groupId, r.kaitiakiId, (await api['quotes-list']({ sourceId: hui.id })).map((q) => q.id));
    core.closeProject();
  }, 60_000);

  it('imports the register into a project', () => {
    expect(runFocal(['new', fresh], env).code).toBe(0);
    const r = runFocal(['consent', 'import', fresh, fx('participants.csv')], env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^10 participants added, 0 updated, 4 groups created/);
    const json = JSON.parse(runFocal(['consent', 'import', fresh, fx('participants.csv'), '--json'], env).stdout);
    expect(json).toMatchObject({ created: 0, updated: 10 });
    const missing = runFocal(['consent', 'import', fresh, join(dir, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^focal: .*nope\.csv: cannot read it \(ENOENT\)/);
  });

  it('check lists unmapped speakers and pending identifiers in a fresh import (exit 1)', () => {
    expect(runFocal(['import', fresh, fx('focus-group-lived-experience.vtt')], env).code).toBe(0);
    const r = runFocal(['check', fresh], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error +speaker-unmapped: "Rachel Moana" in /);
    expect(r.stdout).toMatch(/identifiers-pending: .*“priya\.sharma@example\.org”/);
    const json = JSON.parse(runFocal(['check', fresh, '--json'], env).stdout);
    expect(json.errors).toBeGreaterThan(0);
    expect(json.problems.map((p: { kind: string }) => p.kind)).toEqual(expect.arrayContaining(['speaker-unmapped', 'identifiers-pending']));
  });

  it('check on the set-up study reports declined and withdrawn participants', () => {
    const json = JSON.parse(runFocal(['check', study, '--json'], env).stdout);
    const kinds = json.problems.map((p: { kind: string; message: string }) => `${p.kind}: ${p.message}`);
    expect(kinds).toEqual(expect.arrayContaining([expect.stringMatching(/^quote-consent-declined: David Chen/), expect.stringMatching(/^withdrawn-with-codings: Priya Sharma withdrew on 2010-09-01/)]));
    expect(kinds.some((k: string) => k.startsWith('identifiers-pending'))).toBe(false);
  });

  it('exports a code as a Word quote bank, printing exported and blocked counts with reasons', () => {
    const out = join(dir, 'peer roles.docx');
    const r = runFocal(['export', 'quotes', study, '--code', 'Themes/Peer roles', '--format', 'docx', '--out', out], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Exported 2 quote\(s\) to .*peer roles\.docx \(sha256 [0-9a-f]{64}\)/);
    expect(r.stdout).toMatch(/Blocked 6 quote\(s\):/);
    expect(r.stdout).toMatch(/ {2}no-quote-consent: 4/);
    expect(r.stdout).toMatch(/ {2}participant-withdrawn: 2/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('exports everything as JSON, each format, and records the CLI user in the audit', () => {
    for (const format of ['xlsx', 'csv', 'md']) {
      const out = join(dir, `bank.${format}`);
      const r = runFocal(['export', 'quotes', study, '--format', format, '--out', out, '--json'], env);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json).toMatchObject({ path: out, exported: 13, gateVersion: 1 });
      expect(json.blocked).toBe(json.blockedQuotes.length);
      expect(existsSync(out)).toBe(true);
    }
    const md = readFileSync(join(dir, 'bank.md'), 'utf8');
    expect(md).toContain('(Rōpū A, group interview)');
    expect(md).not.toMatch(/David|Priya|ZAB1234|021 555/);
  });

  it('exports nothing and exits 1 when every quote is blocked; refuses bad options as usage errors', () => {
    const out = join(dir, 'none.md');
    const r = runFocal(['export', 'quotes', study, '--code', 'Themes/Workforce', '--format', 'md', '--out', out], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Exported nothing: every quote was blocked/);
    expect(existsSync(out)).toBe(false);
    expect(runFocal(['export', 'quotes', study, '--format', 'pdf', '--out', out], env).code).toBe(2);
    expect(runFocal(['export', 'quotes', study, '--format', 'md', '--out', out, '--code', 'Nope'], env).stderr).toMatch(/no code "Nope"/);
  });
});
