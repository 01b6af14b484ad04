/**
 * ATTACK: a tikanga-based hui with no group set on the transcript is governed by the group most of
 * its speakers belong to (governingGroups, as the gate reads it). Changing who belongs to a group
 * needs no authority: the analyst takes the speakers out of the rōpū (participant-update groupIds)
 * and the hui is governed by nobody, so `source-update` to mainstream (which turns off gate rows 8,
 * 9 and 11) is no longer asked of the kaitiaki, and the restricted passage is read by anyone once
 * the analyst moves the hui into a group of their own.
 *
 * Promised: only a signed statement changes a tikanga-based source's mode or group. Expected:
 * removing a speaker's membership of the group that governs a tikanga-based source (or remapping
 * its speakers with speakers-map) is refused without that group's kaitiaki key, or the governing
 * group is fixed on the source when it is first derived; the mode change below stays refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/core';
import { actAs, buildWorld, type World } from '../core/tikanga/mask-world';

describe('attack: emptying the rōpū to take protection off a hui', () => {
  const { api, core, dir } = testCore();
  const as = actAs(core, dir);
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(api, dir, as);
    // The kaitiaki leaves the hui to be governed by its speakers' group (a signed source change).
    as('Koro Hemi');
    await api['source-update']({ sourceId: w.hui.id, groupId: null });
    as('Aroha Ngata');
  });

  it('a non-kaitiaki who empties the governing group still cannot make the hui mainstream', async () => {
    // Control: asked directly, the mode change is refused (the group governs by membership).
    await expect(api['source-update']({ sourceId: w.hui.id, mode: 'mainstream' })).rejects.toThrow(/kaitiaki/i);
    const members = (await api['participants-list']({})).filter((p) => p.kind === 'person');
    const removed: string[] = [];
    for (const p of members) {
      const d = await api['participant-get']({ id: p.id });
      if (!d.groupIds?.includes(w.ropuId)) continue;
      try {
        await api['participant-update']({ id: p.id, groupIds: d.groupIds.filter((g) => g !== w.ropuId) });
        removed.push(p.name);
      } catch {
        /* refused: the hole is closed for this member */
      }
    }
    let madeMainstream = true;
    try {
      await api['source-update']({ sourceId: w.hui.id, mode: 'mainstream' });
    } catch {
      madeMainstream = false;
    }
    expect({ removed, madeMainstream }).toEqual({ removed: expect.any(Array), madeMainstream: false });
  });
});
