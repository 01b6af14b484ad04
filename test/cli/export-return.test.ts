/** `focal export return`: a rōpū's own kōrero, codes and approved quotes, as a user would run it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { testCore } from '../support/core';
import { acceptAllCandidates, approveQuotes, codeEveryTurn, importAndMap, recordRopu } from '../core/export/fixture-project';

describe('focal export return', () => {
  const { api, core, dir } = testCore();
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'Mere (CLI)' };
  const study = join(dir, 'study.focal');
  let approved = '';

  beforeAll(async () => {
    await api['project-new']({ name: 'Study', path: study });
    await importAndMap(api);
    await codeEveryTurn(api);
    acceptAllCandidates(core);
    const r = await recordRopu(api, core);
    const hui = (await api['sources-list']({})).find((s) => s.mode === 'tikanga')!;
    await api['source-update']({ sourceId: hui.id, groupId: r.groupId });
    const q = (await api['quotes-list']({ sourceId: hui.id })).find((x) => x.original.includes('tuakana-teina'))!;
    approved = q.original.slice(0, 50);
    approveQuotes(core, r.groupId, r.kaitiakiId, [q.id]);
    core.closeProject();
  }, 60_000);

  it('writes the document for the group named without macrons, printing what went in', () => {
    const out = join(dir, 'return.md');
    const r = runFocal(['export', 'return', study, '--group', 'Te Whare Oranga ropu', '--format', 'md', '--out', out], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Returned to Te Whare Oranga rōpū: .*return\.md \(sha256 [0-9a-f]{64}\)/);
    expect(r.stdout).toMatch(/1 transcript\(s\), 12 turn\(s\) of kōrero, 1 code\(s\), 1 approved quote\(s\); 12 quote\(s\) not approved for use/);
    expect(r.stdout).toMatch(/left out: 1 turn\(s\) \(withdrawn\)/);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain(approved);
    expect(md).not.toMatch(/Aroha Ngata|Tama Rewiri|Mere Tawhiri|commissioning|not for the report/);
  });

  it('--json and docx; refuses an unknown group and a bad format', () => {
    const out = join(dir, 'return.docx');
    const r = runFocal(['export', 'return', study, '--group', 'Te Whare Oranga rōpū', '--format', 'docx', '--out', out, '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: out, sources: 1, quotes: 1, cancelled: false });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const unknown = runFocal(['export', 'return', study, '--group', 'Nobody', '--format', 'md', '--out', join(dir, 'x.md')], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no group "Nobody" in the register \(groups: .*"Te Whare Oranga rōpū"/);
    expect(runFocal(['export', 'return', study, '--group', 'Te Whare Oranga rōpū', '--format', 'xlsx', '--out', join(dir, 'x.xlsx')], env).code).toBe(2);
    const other = runFocal(['export', 'return', study, '--group', 'Lived experience group 2', '--format', 'md', '--out', join(dir, 'other.md')], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/collective consent does not cover the return/);
    expect(existsSync(join(dir, 'other.md'))).toBe(false);
  });
});
