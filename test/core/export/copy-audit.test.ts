/** Copy and drag go through the gate in the core and are recorded; the audit log lists every export and saves as CSV. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { acceptAllCandidates, codeEveryTurn, importAndMap } from './fixture-project';

describe('copy, drag and the audit log', () => {
  const { api, core, dir } = testCore();
  const copied: string[] = [];

  beforeAll(async () => {
    core.host.writeClipboard = async (t) => void copied.push(t);
    await api['project-new']({ name: 'Copy', path: join(dir, 'c.focal') });
    await importAndMap(api);
    await codeEveryTurn(api);
    acceptAllCandidates(core);
  }, 60_000);

  it('copies a passing quote as pseudonymised text with its attribution, and records it', async () => {
    const quotes = await api['quotes-list']({});
    const rick = quotes.find((q) => q.gate.passed && q.speakers[0]?.name === 'Geoff Baker' && /DHB/.test(q.original))!;
    const r = await api['quote-copy']({ quoteId: rick.id });
    expect(r.text).toBe('“We keep collaborative notes. The peer decides what goes in. It\'s their information. Nobody at [a DHB] reads them.” (Rick, manager)');
    expect(copied).toEqual([r.text]);
    const [entry] = await api['audit-exports']({ limit: 1 });
    expect(entry).toMatchObject({ format: 'clipboard', destination: 'clipboard', passed: 1, blocked: 0, items: [{ quoteId: rick.id, outcome: 'passed', reasons: [] }] });
    expect(entry!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to copy or drag a blocked quote, gives no text, and records the refusal with reasons', async () => {
    const david = (await api['quotes-list']({})).find((q) => q.speakers.some((s) => s.name === 'David Chen'))!;
    const r = await api['quote-copy']({ quoteId: david.id, via: 'drag' });
    expect(r.text).toBeNull();
    expect(r.gate.reasons.map((x) => x.code)).toEqual(['no-quote-consent']);
    expect(copied).toHaveLength(1);
    const [entry] = await api['audit-exports']({ limit: 1 });
    expect(entry).toMatchObject({ format: 'drag', sha256: null, items: [{ quoteId: david.id, outcome: 'blocked', reasons: ['no-quote-consent'] }] });
    const log = core.requireProject().db.prepare("SELECT action FROM audit_log WHERE action LIKE 'quote-cop%' ORDER BY id").pluck().all();
    expect(log).toEqual(['quote-copied', 'quote-copy-refused']);
  });

  it('saves the audit as CSV through the host dialog', async () => {
    core.host.chooseExportPath = async () => join(dir, 'audit.csv');
    const r = await api['audit-export-csv']({});
    expect(r.path).toBe(join(dir, 'audit.csv'));
    const csv = readFileSync(r.path!, 'utf8');
    expect(csv.startsWith('\uFEFFexport_id,at,actor,format,profile,destination,sha256,gate_version,quote_id,source_id,start,end,outcome,reasons')).toBe(true);
    expect(csv).toMatch(/,Test Coder,clipboard,report,clipboard,[0-9a-f]{64},1,\d+,\d+,\d+,\d+,passed,/);
    expect(csv).toMatch(/,drag,report,drag,,1,\d+,\d+,\d+,\d+,blocked,no-quote-consent/);
    core.host.chooseExportPath = async () => null;
    expect(await api['audit-export-csv']({})).toEqual({ path: null, sha256: null });
  });

  it('a cancelled save dialog writes nothing and records nothing', async () => {
    const before = (await api['audit-exports']({})).length;
    const r = await api['export-quotes']({ selection: {}, format: 'docx' });
    expect(r).toMatchObject({ cancelled: true, path: null });
    expect((await api['audit-exports']({})).length).toBe(before);
  });

  it('writes only where the host dialog says: a path sent by the page is ignored', async () => {
    core.host.chooseExportPath = async () => join(dir, 'chosen.md');
    const env = await core.call('export-quotes', { selection: {}, format: 'md', path: join(dir, 'evil.md') });
    expect(env.ok).toBe(true);
    expect(existsSync(join(dir, 'chosen.md'))).toBe(true);
    expect(existsSync(join(dir, 'evil.md'))).toBe(false);
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
