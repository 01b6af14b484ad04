/**
 * ATTACK: a non-kaitiaki analyst deletes the rōpū (participant-delete on the group). The group's
 * signed statements, approvals and collective consent go with it (ON DELETE CASCADE) and the hui's
 * group_id becomes NULL, so the hui is governed by nobody. The analyst then moves the hui into a
 * group they created with themselves as kaitiaki (source-update groupId: requireGoverningKaitiaki
 * finds no governing group, so nothing is asked), creates that group's "first" key, and is now
 * the kaitiaki: reads the tapu passage, removes the restricted label.
 *
 * Promised: only a signed statement can move a tikanga-based source to another group or remove a
 * label; restricted text never reaches a viewer who may not read it; no authority without the
 * kaitiaki's key. Expected: deleting a group that governs a tikanga-based source (or that has
 * signed statements) is refused for anyone without that group's kaitiaki key.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/core';
import { actAs, buildWorld, MARKER, type World } from '../core/tikanga/mask-world';

describe('attack: deleting the rōpū to take the kaitiaki role', () => {
  const { api, core, dir } = testCore();
  const as = actAs(core, dir);
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(api, dir, as);
    as('Aroha Ngata');
  });

  it('a non-kaitiaki cannot delete the group that governs a tikanga-based hui', async () => {
    // The promise: this call is refused (forbidden), naming the kaitiaki.
    const deleted = await api['participant-delete']({ id: w.ropuId }).then(
      () => true,
      () => false,
    );
    if (!deleted) return; // the hole is closed: nothing more to try.

    // The hole is open: show how far it goes, then fail on the first broken promise.
    const aroha = (await api['participants-list']({})).find((p) => p.name === 'Aroha Ngata')!;
    const mine = await api['participant-create']({ name: 'Aroha rōpū', kind: 'group', kaitiakiId: aroha.id });
    let moved = true;
    try {
      await api['source-update']({ sourceId: w.hui.id, groupId: mine.id });
    } catch {
      moved = false;
    }
    let tookKey = false;
    let read = false;
    let unlabelled = false;
    if (moved) {
      await api['kaitiaki-key-create']({ groupId: mine.id, passphrase: 'attacker passphrase 123', keyFile: join(dir, 'attacker.focalkey') });
      tookKey = true;
      read = (await api['source-get']({ sourceId: w.hui.id })).text.includes(MARKER);
      const labels = await api['sensitivity-list']({ sourceId: w.hui.id });
      try {
        for (const l of labels) await api['sensitivity-remove']({ id: l.id });
        unlabelled = true;
      } catch {
        unlabelled = false;
      }
    }
    expect({ deleted, moved, tookKey, read, unlabelled }).toEqual({ deleted: false, moved: false, tookKey: false, read: false, unlabelled: false });
  });
});
