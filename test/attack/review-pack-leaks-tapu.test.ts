/**
 * ATTACK: the analyst (no kaitiaki key) quotes the words right after a restricted (tapu) passage,
 * which is allowed since the range does not touch it, then asks for a review pack
 * (`kaitiaki-review-pack`). The pack is returned to the caller, who can read it, and each item's
 * `before` / `after` context is 160 raw characters of the source: the tapu passage unmasked.
 *
 * Promised: restricted text never reaches a viewer who may not read it, on every call that returns
 * text. Expected: the pack's context (and text) are masked for a caller who may not read the
 * passage (the kaitiaki reads it on their own machine, unmasked, only when they build the pack with
 * their key unlocked), or the pack is sealed to the kaitiaki's key.
 * (The contract walk calls this with every tikanga quote already decided, so its pack is empty.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/core';
import { actAs, buildWorld, MARKER, type World } from '../core/tikanga/mask-world';

describe('attack: review pack context', () => {
  const { api, core, dir } = testCore();
  const as = actAs(core, dir);
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(api, dir, as);
    as('Aroha Ngata');
  });

  it('a review pack asked for by a non-kaitiaki holds no word of a restricted passage', async () => {
    const start = w.tapu.end + 1;
    const q = await api['quote-from-selection']({ sourceId: w.hui.id, start, end: Math.min(w.tamaTurn.end, start + 40), codeId: null });
    expect(q.quoteId).toBeTruthy();
    const before = await api['quote-from-selection']({ sourceId: w.hui.id, start: Math.max(w.tamaTurn.start, w.tapu.start - 60), end: w.tapu.start - 1, codeId: null });
    expect(before.quoteId ?? before).toBeTruthy();
    const pack = await api['kaitiaki-review-pack']({ groupId: w.ropuId });
    expect(pack.quotes.length).toBeGreaterThan(0);
    expect(JSON.stringify(pack)).not.toContain(MARKER);
  });
});
