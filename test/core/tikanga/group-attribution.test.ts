/** Until a group sets its attribution, nothing looks like one: quotes say "group attribution not set", with the fix on the group's page. */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from './setup';

describe('group attribution placeholder', () => {
  const { api, core, path } = testCore();
  let p: HuiProject;
  beforeAll(async () => {
    p = await huiProject(api, path('attr.focal'));
  });

  it('the group page gives no attribution until it is set, only an example to show as a hint', async () => {
    const g = await api['group-tikanga-get']({ groupId: p.ropuId });
    expect(g.attribution).toBeNull();
    expect(g.attributionIsDefault).toBe(true);
    expect(g.attributionExample).toMatch(/group interview|hui/);
  });

  it('a tikanga quote says "group attribution not set" and the fix points to the group’s attribution field', async () => {
    const db = core.requireProject().db;
    // The group has no pseudonym and no attribution.
    await api['participant-update']({ id: p.ropuId, pseudonym: null, attribution: null });
    const turn = p.turnOf('Koro Hemi');
    db.prepare("INSERT INTO quotes (source_id, start, end, created_by, created_at) VALUES (?, ?, ?, 'Test Coder', '2026-01-01T00:00:00Z')").run(p.hui.id, turn.start, turn.start + 20);
    const q = (await api['quotes-list']({})).find((x) => x.sourceId === p.hui.id)!;
    expect(q.attribution).toBe('(group attribution not set)');
    const reason = q.gate.reasons.find((r) => r.code === 'no-pseudonym')!;
    expect(reason.message).toMatch(/^Group attribution not set for Te Whare Oranga rōpū/);
    expect(reason.message).not.toMatch(/e\.g\./);
    expect(reason.fix).toMatchObject({ groupId: p.ropuId, label: expect.stringMatching(/Attribution of collective kōrero/) });
  });
});
