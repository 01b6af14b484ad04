/**
 * The remote kaitiaki round trip from the command line: init the key, write a review pack, sign
 * decisions elsewhere (no project), import them; the gate then passes exactly the approved quotes.
 * The pack holds the awaiting quotes and nothing else from the project.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/core';
import { runFocal } from '../support/run-cli';
import { huiProject, type HuiProject } from '../core/tikanga/setup';

describe('focal kaitiaki init / review-pack / sign / import-decisions', () => {
  const { api, core, dir, path } = testCore();
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'Mere (CLI)', FOCAL_KAITIAKI_PASSPHRASE: 'kia mau ki te kawa' };
  const project = path('hui.focal');
  let p: HuiProject;
  let quotes: number[];
  const row9 = async () => (await api['quotes-list']({ sourceId: p.hui.id })).filter((q) => !q.gate.reasons.some((r) => r.code === 'no-kaitiaki-approval')).map((q) => q.id);

  beforeAll(async () => {
    p = await huiProject(api, project);
    await api['participant-update']({ id: p.ropuId, kaitiakiId: p.koroId });
    quotes = [];
    for (const [label, n] of [['Aroha Ngata', 1], ['Waiata Henare', 1], ['Tama Rewiri', 0]] as const) {
      const t = p.turnOf(label, n);
      quotes.push((await api['quote-from-selection']({ sourceId: p.hui.id, start: t.start, end: t.end, codeId: null })).quoteId!);
    }
  });

  it('round-trips a review pack: the gate passes exactly the quotes the kaitiaki approved', async () => {
    const keyFile = join(dir, 'koro.focalkey');
    const init = runFocal(['kaitiaki', 'init', project, '--group', 'te whare oranga ropu', '--key-file', keyFile], env);
    expect(init.stderr).toBe('');
    expect(init.stdout).toMatch(/Fingerprint \(read it aloud to confirm\): [0-9A-F]{4}(-[0-9A-F]{4}){3}/);
    const key = JSON.parse(readFileSync(keyFile, 'utf8'));
    expect(key).toMatchObject({ format: 'focal-kaitiaki-key', version: 1, kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 }, cipher: { name: 'aes-256-gcm' } });
    expect(JSON.stringify(key)).not.toContain('kia mau');
    // The private key never enters the project.
    const inProject = (core.requireProject().db.prepare('SELECT group_concat(body) FROM kaitiaki_statements').pluck().get() as string) ?? '';
    expect(inProject).toContain(key.publicKey);
    expect(inProject).not.toContain(key.ciphertext);

    const packFile = join(dir, 'pack.json');
    expect(runFocal(['kaitiaki', 'review-pack', project, '--group', 'Te Whare Oranga rōpū', '--out', packFile], env).stdout).toMatch(/^3 quote\(s\) awaiting Koro Hemi/);
    const pack = JSON.parse(readFileSync(packFile, 'utf8'));
    expect(Object.keys(pack).sort()).toEqual(['createdAt', 'fingerprint', 'format', 'groupId', 'groupName', 'kaitiakiName', 'quotes', 'version']);
    expect(pack.quotes.map((q: { quoteId: number }) => q.quoteId).sort()).toEqual([...quotes].sort());
    // Nothing else from the project: not the focus group, not the register's details.
    expect(readFileSync(packFile, 'utf8')).not.toContain(p.fg.text.slice(200, 260));
    const pseudonyms = (await api['participants-list']({})).map((x) => x.pseudonym).filter((x): x is string => !!x && x.length > 3);
    expect(pseudonyms.length).toBeGreaterThan(3);
    for (const ps of pseudonyms) expect(readFileSync(packFile, 'utf8')).not.toContain(`"${ps}"`);

    // On the kaitiaki's machine: a fresh state folder, no project.
    const elsewhere = { ...env, FOCAL_DATA_DIR: join(dir, 'kaitiaki-machine') };
    const decisionsFile = join(dir, 'decisions.json');
    // A condition on a quote that is not approved in the same command is a usage error.
    expect(runFocal(['kaitiaki', 'sign', packFile, '--key-file', keyFile, '--decisions', `refuse:${quotes[2]}`, '--conditions', `${quotes[2]}=Only for the rōpū`, '--out', join(dir, 'y.json')], elsewhere)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--conditions: quote \d+ is not approved here/),
    });
    const signed = runFocal(
      ['kaitiaki', 'sign', packFile, '--key-file', keyFile, '--decisions', `approve:${quotes[0]},${quotes[1]}`, `refuse:${quotes[2]}`, '--conditions', `${quotes[0]}=Only in the report to the rōpū, with its name`, '--out', decisionsFile],
      elsewhere,
    );
    expect(signed.stdout).toMatch(/Signed 2 approval\(s\) and 1 refusal\(s\)/);
    expect(runFocal(['kaitiaki', 'sign', packFile, '--key-file', keyFile, '--decisions', `approve:${quotes[0]}`, '--out', join(dir, 'x.json')], { ...elsewhere, FOCAL_KAITIAKI_PASSPHRASE: 'wrong one' })).toMatchObject({ code: 1, stderr: expect.stringMatching(/passphrase does not unlock/) });

    // A tampered copy (a refusal turned into an approval) is refused on import, and the rest still comes in.
    const decisions = JSON.parse(readFileSync(decisionsFile, 'utf8'));
    const tampered = { ...decisions, statements: decisions.statements.map((s: { body: string }) => ({ ...s, body: s.body.replace('"decision":"refused"', '"decision":"approved"') })) };
    const tamperedFile = join(dir, 'tampered.json');
    writeFileSync(tamperedFile, JSON.stringify(tampered));
    const bad = runFocal(['kaitiaki', 'import-decisions', project, tamperedFile], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`skipped quote ${quotes[2]}: .*signature does not verify`));
    expect((await row9()).sort()).toEqual([quotes[0], quotes[1]].sort());
    // The genuine file: the two approvals are already in, the refusal comes in.
    const good = runFocal(['kaitiaki', 'import-decisions', project, decisionsFile], env);
    expect(good.stdout).toMatch(/Imported 1 signed decision/);
    expect((await row9()).sort()).toEqual([quotes[0], quotes[1]].sort());
    expect((await api['approvals-list']({ sourceId: p.hui.id, scope: 'quote' })).map((a) => [a.quoteId, a.decision])).toEqual(
      expect.arrayContaining([
        [quotes[0], 'approved'],
        [quotes[1], 'approved'],
        [quotes[2], 'refused'],
      ]),
    );
    // The condition was signed with the approval and came in with it.
    const approvals = await api['approvals-list']({ sourceId: p.hui.id, scope: 'quote' });
    expect(approvals.find((a) => a.quoteId === quotes[0])!.conditions).toBe('Only in the report to the rōpū, with its name');
    expect(approvals.find((a) => a.quoteId === quotes[1])!.conditions).toBe('');
  });
});
