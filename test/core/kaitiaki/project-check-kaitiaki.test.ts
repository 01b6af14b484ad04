/**
 * The project's check (the app's Check and `focal check`) lists what the kaitiaki check finds: a
 * named kaitiaki with no key yet, and a decision whose signature no longer verifies.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from '../tikanga/setup';
import { createKaitiakiKey } from './key-helper';

describe('project-check and the kaitiaki', () => {
  const { api, core, dir, path } = testCore();
  let p: HuiProject;
  const kinds = async () => (await api['project-check']({})).map((x) => x.kind);

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    await api['participant-update']({ id: p.ropuId, kaitiakiId: p.koroId });
  });

  it('names a kaitiaki who has no key yet', async () => {
    expect(await kinds()).toContain('kaitiaki-key-missing');
  });

  it('lists a decision whose signature is broken', async () => {
    await createKaitiakiKey(api, dir, p.ropuId);
    const t = p.turnOf('Aroha Ngata', 1);
    const quoteId = (await api['quote-from-selection']({ sourceId: p.hui.id, start: t.start, end: t.end, codeId: null })).quoteId!;
    await api['approval-record']({ scope: 'quote', quoteId, decision: 'approved' });
    expect(await kinds()).not.toContain('kaitiaki-decision-unverified');
    const db = core.requireProject().db;
    const s = db.prepare("SELECT id, signature FROM kaitiaki_statements WHERE kind = 'approval' ORDER BY id LIMIT 1").get() as { id: number; signature: string };
    db.prepare('UPDATE kaitiaki_statements SET signature = ? WHERE id = ?').run(s.signature.slice(0, 5) + (s.signature[5] === 'A' ? 'B' : 'A') + s.signature.slice(6), s.id);
    const problems = await api['project-check']({});
    expect(problems.filter((x) => x.kind === 'kaitiaki-decision-unverified').map((x) => x.message)).toEqual([expect.stringMatching(/signature does not verify/)]);
  });
});
