/**
 * ATTACK: a non-kaitiaki analyst calls `kaitiaki-key-recover` for the rōpū, naming THEMSELVES as the
 * new kaitiaki and typing any name as who gave the group's consent. No key, no passphrase of the
 * kaitiaki, nothing but typed text is needed. The new key is held at once and the gate and the
 * masking trust it: the analyst reads the tapu passage and removes the kaitiaki's restricted label.
 * (The README lists "anyone can start a lost-key replacement ... listed for confirmation" as a
 * limit; but nothing waits for that confirmation, so a typed consent record IS kaitiaki authority.)
 *
 * Promised: a typed name gives no kaitiaki authority; only the kaitiaki removes a label or reads
 * restricted text. Expected: a recovered key grants nothing (no reading, no label removal, no
 * approvals) until the recovery is confirmed by something the attacker cannot type (e.g. the old
 * key, or a second team member's confirmation recorded and checked); at the very least the
 * attacker's own recovery must not unmask restricted text.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/core';
import { actAs, buildWorld, MARKER, type World } from '../core/tikanga/mask-world';

describe('attack: a lost-key recovery by someone who is not the kaitiaki', () => {
  const { api, core, dir } = testCore();
  const as = actAs(core, dir);
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(api, dir, as);
    as('Aroha Ngata');
  });

  it('a self-declared recovery neither unmasks the tapu passage nor removes the label', async () => {
    const aroha = (await api['participants-list']({})).find((p) => p.name === 'Aroha Ngata')!;
    let recovered = true;
    try {
      await api['kaitiaki-key-recover']({ groupId: w.ropuId, newKaitiakiId: aroha.id, givenByLabel: 'the rōpū (hui, trust me)', givenOn: '2026-01-01', recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE', passphrase: 'attacker passphrase 123', keyFile: join(dir, 'attacker.focalkey') });
    } catch {
      recovered = false;
    }
    const read = (await api['source-get']({ sourceId: w.hui.id })).text.includes(MARKER);
    let unlabelled = false;
    try {
      for (const l of await api['sensitivity-list']({ sourceId: w.hui.id })) await api['sensitivity-remove']({ id: l.id });
      unlabelled = true;
    } catch {
      unlabelled = false;
    }
    // The attacker does not have the group's recovery code (shown once to the kaitiaki): refused outright.
    expect({ recovered: recovered ? 'recorded (allowed, audited)' : 'refused', read, unlabelled }).toEqual({ recovered: 'refused', read: false, unlabelled: false });
  });
});
