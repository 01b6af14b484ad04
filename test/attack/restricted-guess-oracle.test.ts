/**
 * ATTACK: confirm a guess about what a restricted (tapu) passage says, without reading it. The
 * analyst (no key, not on the readers list) suspects a name is in the passage and asks the calls
 * that count matches: `search-run` answers as if the word were absent (held), but
 * `autocode-preview` and `search-code-preview` answer differently for a word that is in the
 * passage than for one that is nowhere: `notCodable: 2` / `turns: 1` and the refusal reason naming
 * the restricted passage, and in a kaupapa Māori frame's code even `count: 2` with each match's
 * exact offsets. Guessing names one by one reads the passage a yes/no at a time.
 *
 * Promised: restricted text never reaches a viewer who may not read it (a membership oracle with
 * positions is reading it). Expected: for a viewer who may not read the passage, a word found
 * only inside it gives the same answer as a word found nowhere (as search-run does).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/core';
import { actAs, buildWorld, MARKER, type World } from '../core/tikanga/mask-world';

describe('attack: a yes/no oracle on restricted words', () => {
  const { api, core, dir } = testCore();
  const as = actAs(core, dir);
  let w: World;
  const ABSENT = 'Nowherezzqword';

  beforeAll(async () => {
    w = await buildWorld(api, dir, as);
    as('Aroha Ngata');
  });

  it('autocode-preview with a mainstream code answers as for an absent word', async () => {
    const a = await api['autocode-preview']({ codeId: w.codeId, pattern: MARKER });
    const b = await api['autocode-preview']({ codeId: w.codeId, pattern: ABSENT });
    expect(a).toEqual(b);
  });

  it('autocode-preview with a kaupapa Māori code answers as for an absent word to a non-reader', async () => {
    const a = await api['autocode-preview']({ codeId: w.kmCodeId, pattern: MARKER });
    const b = await api['autocode-preview']({ codeId: w.kmCodeId, pattern: ABSENT });
    expect(a).toEqual(b);
  });

  it('search-code-preview answers as for an absent word', async () => {
    const a = await api['search-code-preview']({ query: MARKER, codeId: w.codeId, scope: 'hits' });
    const b = await api['search-code-preview']({ query: ABSENT, codeId: w.codeId, scope: 'hits' });
    expect(a).toEqual(b);
  });
});
